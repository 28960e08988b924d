"""Reading voices: the status page's voice by its token, the triage list, the figures."""

import statistics

from django.db.models import Count
from django.http import Http404

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import can
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.workinggroups.models import GroupMembership

from .models import Voice, VoiceTopic, token_hash

Status = Voice.Status


def voice_by_token(*, network, token: str) -> Voice:
    """The voice whose status token this is, in this network; 404 for anything else.

    The token is compared by its hash, so the lookup says nothing about other voices.
    """
    voice = (
        Voice.objects.filter(network=network, token_hash=token_hash(token))
        .select_related("topic")
        .prefetch_related("answers")
        .first()
    )
    if voice is None:
        raise Http404
    return voice


def topics_list(*, network):
    return VoiceTopic.objects.filter(network=network)


def voices_visible(*, network, user):
    """Every voice for the coordinator; for a group's leads, the voices routed to their groups."""
    voices = Voice.objects.filter(network=network)
    if can(user, network, "voices.triage"):
        return voices
    led = GroupMembership.objects.filter(
        network=network, person__user=user, is_lead=True, left_on__isnull=True
    ).values("group_id")
    return voices.filter(group_id__in=led)


def voices_list(*, network, user, status="", topic_id=None, language=""):
    voices = voices_visible(network=network, user=user).select_related("topic", "group")
    if status:
        voices = voices.filter(status=status)
    if topic_id:
        voices = voices.filter(topic_id=topic_id)
    if language:
        voices = voices.filter(language=language)
    return voices.order_by("-created_at", "-id")


def _median_days(pairs) -> float | None:
    days = [(answered - created).total_seconds() / 86400 for created, answered in pairs]
    return round(statistics.median(days), 1) if days else None


def voice_counts(voices) -> dict:
    """Counts by status, topic and language, and the median days to a first answer."""
    by_status = dict(voices.order_by().values_list("status").annotate(n=Count("id")))
    by_topic = list(
        voices.order_by()
        .values("topic__key", "topic__name")
        .annotate(n=Count("id"))
        .order_by("-n", "topic__name")
    )
    by_language = list(
        voices.order_by().values_list("language").annotate(n=Count("id")).order_by("-n", "language")
    )
    answered = voices.filter(first_answered_at__isnull=False).values_list(
        "created_at", "first_answered_at"
    )
    median = _median_days(answered)
    return {
        "statuses": [(value, label, by_status.get(value, 0)) for value, label in Status.choices],
        "topics": [
            (str(VoiceTopic(key=row["topic__key"], name=row["topic__name"]).label), row["n"])
            for row in by_topic
        ],
        "languages": [(language_name(code), n) for code, n in by_language],
        "median_days": median,
        # The plural form is chosen by a whole number.
        "median_days_plural": None if median is None else round(median),
    }


def voice_figures(network, year: int) -> dict:
    """The year's figures for the annual report: received, answered, by topic and language,
    and the median days from receiving a voice to its first answer."""
    voices = Voice.objects.filter(network=network, created_at__year=year)
    counts = voice_counts(voices)
    return {
        "received": voices.count(),
        "answered": voices.filter(first_answered_at__isnull=False).count(),
        "by_topic": dict(counts["topics"]),
        "by_language": dict(
            voices.order_by().values_list("language").annotate(n=Count("id")).order_by("language")
        ),
        "median_days_to_first_answer": counts["median_days"],
    }


def new_voices_count(network) -> int:
    return Voice.objects.filter(network=network, status=Status.NEW).count()


def voice_get(*, network, voice_id: int) -> Voice:
    """One voice of this network with what its page shows (404 for another network's)."""
    voice = (
        Voice.objects.filter(network=network, pk=voice_id)
        .select_related("topic", "group", "network")
        .prefetch_related("answers__author")
        .first()
    )
    if voice is None:
        raise Http404
    return voice


def form_pages(network, languages):
    """The voice form in each language, for sitemap.xml (core/public_pages.py)."""
    for language in languages:
        yield network_reverse(network, "voices:send", lang=language), None
