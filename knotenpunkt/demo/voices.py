"""The demo's voices: about forty, in seven languages and every state, some passed on to the
working groups and answered there (voices_data.py)."""

import datetime
import string

from knotenpunkt.voices.models import Voice, VoiceAnswer, VoiceTopic, token_hash
from knotenpunkt.voices.services import CONSENT_TEXT
from knotenpunkt.workinggroups.models import WorkingGroup

from .rows import Demo
from .voices_data import VOICES

TOKEN_CHARACTERS = string.ascii_letters + string.digits + "-_"


def voices_add(demo: Demo, *, answered_by) -> list[Voice]:
    """The voices of `VOICES`, received over the last months; returns them, oldest first."""
    network, rng = demo.network, demo.rng
    topics = {topic.key: topic for topic in VoiceTopic.objects.filter(network=network)}
    groups = {group.name: group for group in WorkingGroup.objects.filter(network=network)}
    voices, answers, moments = [], [], []
    for number, (language, topic, text, group, status, answer) in enumerate(VOICES):
        days = len(VOICES) * 4 - number * 4 + rng.randint(0, 3)
        received = demo.until_now(demo.days_ago(days, hour=9 + number % 10))
        token = "".join(rng.choices(TOKEN_CHARACTERS, k=43))
        routed = received + datetime.timedelta(days=rng.randint(1, 4)) if group else None
        voice = Voice(
            network=network,
            topic=topics[topic],
            text=text,
            language=language,
            contact_email=f"stimme{number}@example.org" if number % 3 == 0 else "",
            consent_text=str(CONSENT_TEXT),
            token_hash=token_hash(token),
            status=status,
            group=groups.get(group),
            created_at=received,
            routed_at=routed,
        )
        if answer:
            moment = (routed or received) + datetime.timedelta(days=rng.randint(2, 12), hours=3)
            voice.first_answered_at = demo.until_now(moment)
            answers.append(
                VoiceAnswer(network=network, voice=voice, text=answer, author=answered_by)
            )
        if status == Voice.Status.CLOSED:
            voice.closed_at = demo.until_now(received + datetime.timedelta(days=rng.randint(3, 20)))
        voices.append(voice)
        moments.append(received)
    Voice.objects.bulk_create(voices)
    # Creating set "now" (auto_now_add): the demo's moments are written afterwards.
    for voice, received in zip(voices, moments, strict=True):
        voice.created_at = received
    Voice.objects.bulk_update(voices, ["created_at"])
    for answer in answers:
        answer.voice_id = answer.voice.pk
    VoiceAnswer.objects.bulk_create(answers)
    for answer in answers:
        answer.created_at = answer.voice.first_answered_at
    VoiceAnswer.objects.bulk_update(answers, ["created_at"])
    return voices
