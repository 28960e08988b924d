"""What voices hold about a person: the voices sent with their account's e-mail address.

A voice is sent without an account; its contact (an address or a phone number) is the only
personal data it holds, and the coordinator erases it on the sender's request
(`services.voice_contact_erase`). Imported from VoicesConfig.ready(); see core/personal_data.py.
"""

from knotenpunkt.core import personal_data

from .models import Voice


def voices_of(user) -> list[dict]:
    if not user.email:
        return []
    rows = Voice.objects.filter(contact_email__iexact=user.email).select_related("network", "topic")
    return [
        {
            "network": voice.network.slug,
            "topic": voice.topic.name,
            "text": voice.text,
            "language": voice.language,
            "contact_email": voice.contact_email,
            "contact_phone": voice.contact_phone,
            "consent": voice.consent_text,
            "status": voice.status,
            "created_at": voice.created_at,
            "answers": [answer.text for answer in voice.answers.all()],
        }
        for voice in rows.prefetch_related("answers").order_by("created_at", "pk")
    ]


personal_data.register("voices_sent", voices_of, covers=[])
personal_data.exclude(
    "voices.VoiceAnswer.author",
    reason="the network's answer to a sender, written for the network; the act is in the "
    "author's audit entries",
)
