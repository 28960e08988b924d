"""Meetings, their current minutes and decisions in the network's search.

Imported from MeetingsConfig.ready(). Every role of the network reads meetings, minutes
and decisions on the meeting pages, so their entries are visible network-wide. Only the
newest version of a meeting's minutes is found; records.py re-indexes the one it replaces.
"""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import search

from .models import Decision, Meeting, MinutesVersion


def meeting_document(meeting: Meeting) -> search.Document:
    return search.Document(
        title=meeting.title,
        body=" ".join(
            part for part in (search.markdown_to_text(meeting.description), meeting.place) if part
        ),
        url=search.network_path("meetings:detail", meeting_id=meeting.pk),
        visibility=search.NETWORK,
        starts_at=meeting.starts_at,
        place=meeting.place,
    )


def current_minutes(network):
    """The newest version of each meeting's minutes (the ones the search finds)."""
    newer = MinutesVersion.objects.filter(
        meeting=OuterRef("meeting"), number__gt=OuterRef("number")
    )
    return (
        MinutesVersion.objects.filter(network=network)
        .filter(~Exists(newer))
        .select_related("meeting")
    )


def minutes_document(version: MinutesVersion) -> search.Document | None:
    newer = MinutesVersion.objects.filter(meeting=version.meeting_id, number__gt=version.number)
    if newer.exists():
        return None
    return search.Document(
        title=version.meeting.title,
        body=search.markdown_to_text(version.text),
        url=search.network_path("meetings:minutes", meeting_id=version.meeting_id),
        visibility=search.NETWORK,
        starts_at=version.meeting.starts_at,
    )


def decision_document(decision: Decision) -> search.Document:
    """The first line is the title and only the rest the body: a one-line decision would
    otherwise show its sentence twice, as the title and again as the excerpt."""
    text = decision.text.strip()
    title = text.splitlines()[0][:200] if text else ""
    return search.Document(
        title=title,
        body=text[len(title) :].strip(),
        url=search.network_path("meetings:detail", meeting_id=decision.meeting_id),
        visibility=search.NETWORK,
        day=decision.decided_on,
    )


search.register(Meeting, meeting_document, label=_("Meeting"))
search.register(
    MinutesVersion,
    minutes_document,
    queryset=current_minutes,
    label=_("Minutes"),
)
search.register(Decision, decision_document, label=_("Decision"))
