"""What the meetings app holds about a user, and where names are written in its texts.

Imported from MeetingsConfig.ready(); see core/personal_data.py.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import personal_data

from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CafeSession,
    Decision,
    Meeting,
    MinutesVersion,
    PersonalFeedToken,
    Registration,
)


def _meeting(meeting) -> dict:
    return {
        "network": meeting.network.slug,
        "title": meeting.title,
        "starts_at": meeting.starts_at,
    }


def registrations(user) -> list[dict]:
    rows = Registration.objects.filter(person__user=user).select_related(
        "meeting__network", "session", "organisation"
    )
    return [
        {
            "meeting": _meeting(row.meeting),
            "session": row.session.title if row.session else None,
            "organisation": row.organisation.name if row.organisation else None,
            "status": row.status,
            "created_at": row.created_at,
            "promoted_at": row.promoted_at,
            "cancelled_at": row.cancelled_at,
            "reminded_at": row.reminded_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def attendance(user) -> list[dict]:
    rows = Attendance.objects.filter(person__user=user).select_related(
        "meeting__network", "organisation"
    )
    return [
        {
            "meeting": _meeting(row.meeting),
            "organisation": row.organisation.name if row.organisation else None,
            "checked_in_at": row.checked_in_at,
            "checked_out_at": row.checked_out_at,
        }
        for row in rows.order_by("checked_in_at", "pk")
    ]


def action_items(user) -> list[dict]:
    rows = ActionItem.objects.filter(owner__user=user).select_related("meeting__network")
    return [
        {
            "meeting": _meeting(row.meeting),
            "text": row.text,
            "due_on": row.due_on,
            "status": row.status,
            "done_at": row.done_at,
            "overdue_reminded_at": row.overdue_reminded_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def feed_tokens(user) -> list[dict]:
    rows = PersonalFeedToken.objects.filter(person__user=user).select_related("network")
    return [
        {
            "network": row.network.slug,
            "token": row.token,
            "created_at": row.created_at,
            "revoked_at": row.revoked_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def minutes_written(user) -> list[dict]:
    rows = MinutesVersion.objects.filter(author=user).select_related("meeting__network")
    return [
        {
            "meeting": _meeting(row.meeting),
            "number": row.number,
            "text": row.text,
            "created_at": row.created_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def _meetings_path(name: str, **kwargs) -> str:
    return personal_data.network_path(f"meetings:{name}", **kwargs)


def meetings_mentioning(network, needles):
    fields = ("title", "description", "place")
    rows = Meeting.objects.filter(network=network).filter(
        personal_data.text_contains_any(fields, needles)
    )
    for meeting in rows.order_by("starts_at", "pk"):
        yield meeting.title, _meetings_path("edit", meeting_id=meeting.pk)


def agenda_mentioning(network, needles):
    rows = AgendaItem.objects.filter(network=network).filter(
        personal_data.text_contains_any(("title", "notes"), needles)
    )
    for item in rows.select_related("meeting").order_by("meeting__starts_at", "pk"):
        yield (
            f"{item.meeting.title}: {item.title}",
            _meetings_path("agenda_edit", agenda_item_id=item.pk),
        )


def sessions_mentioning(network, needles):
    rows = CafeSession.objects.filter(network=network).filter(
        personal_data.text_contains_any(("title", "description"), needles)
    )
    for session in rows.select_related("meeting").order_by("meeting__starts_at", "pk"):
        yield (
            f"{session.meeting.title}: {session.title}",
            _meetings_path("session_edit", session_id=session.pk),
        )


def minutes_mentioning(network, needles):
    """One entry per meeting: older versions keep the text that a new version changed."""
    rows = MinutesVersion.objects.filter(network=network).filter(
        personal_data.text_contains_any(["text"], needles)
    )
    meetings = Meeting.objects.filter(network=network, minutes_versions__in=rows).distinct()
    for meeting in meetings.order_by("starts_at", "pk"):
        yield meeting.title, _meetings_path("minutes", meeting_id=meeting.pk)


def decisions_mentioning(network, needles):
    rows = Decision.objects.filter(network=network).filter(
        personal_data.text_contains_any(["text"], needles)
    )
    for decision in rows.select_related("meeting").order_by("decided_on", "pk"):
        yield decision.meeting.title, _meetings_path("detail", meeting_id=decision.meeting_id)


def action_items_mentioning(network, needles):
    rows = ActionItem.objects.filter(network=network).filter(
        personal_data.text_contains_any(["text"], needles)
    )
    for item in rows.select_related("meeting").order_by("created_at", "pk"):
        yield item.meeting.title, _meetings_path("detail", meeting_id=item.meeting_id)


personal_data.register(
    "meeting_registrations", registrations, covers=["meetings.Registration.person"]
)
personal_data.register("attendance", attendance, covers=["meetings.Attendance.person"])
personal_data.register("action_items", action_items, covers=["meetings.ActionItem.owner"])
personal_data.register(
    "calendar_feed_tokens", feed_tokens, covers=["meetings.PersonalFeedToken.person"]
)
personal_data.register(
    "minutes_written", minutes_written, covers=["meetings.MinutesVersion.author"]
)
personal_data.exclude(
    "meetings.Registration.registered_by",
    reason="Who entered a registration for someone else; the registrations of the user's own "
    "contact persons are exported.",
)

personal_data.register_mentions("meetings.meeting", _("Meeting"), meetings_mentioning)
personal_data.register_mentions("meetings.agenda", _("Agenda item"), agenda_mentioning)
personal_data.register_mentions("meetings.session", _("Session"), sessions_mentioning)
personal_data.register_mentions("meetings.minutes", _("Minutes"), minutes_mentioning)
personal_data.register_mentions("meetings.decision", _("Decision"), decisions_mentioning)
personal_data.register_mentions("meetings.action_item", _("Action item"), action_items_mentioning)
