"""Voices for tests and the generated project tests: made through the service, so that each
has a real status token (returned, as the sender gets it)."""

from django.utils import translation

from ..models import Voice, VoiceTopic
from ..services import voice_submit


def topic_of(network, key: str = "housing") -> VoiceTopic:
    return VoiceTopic.objects.get(network=network, key=key)


def voice_make(
    network, *, text="Wir brauchen mehr Deutschkurse am Abend.", language="de", **fields
):
    """(voice, token): a new voice of `network`; `fields` are set on it afterwards (status …)."""
    topic = fields.pop("topic", None) or topic_of(network)
    contact_email = fields.pop("contact_email", "")
    with translation.override(language):
        voice, token = voice_submit(
            network=network,
            topic=topic,
            text=text,
            language=language,
            consent=True,
            contact_email=contact_email,
        )
    if fields:
        Voice.objects.filter(pk=voice.pk).update(**fields)
        voice.refresh_from_db()
    return voice, token
