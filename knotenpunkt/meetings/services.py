"""Writes of the meetings app: meetings, café sessions and their agenda.

Registration and the waiting list live in registration.py; attendance, minutes,
decisions, action items and feed tokens in records.py; both are re-exported here, so
that callers use `services.<name>` for every write. Every function is one write:
keyword-only, atomic, one audit entry (the meeting as context), mails enqueued on commit.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.search import search_index_many
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import all_checks, check_lengths, check_required

from .ical import CANCEL, REQUEST
from .mail import mail_person
from .models import AgendaItem, CafeSession, Meeting, Registration
from .records import (  # noqa: F401  (part of this module's interface)
    action_item_complete,
    action_item_create,
    attendance_check_in,
    attendance_check_out,
    decision_record,
    feed_token_create,
    feed_token_revoke,
    minutes_restore,
    minutes_save,
)
from .registration import (  # noqa: F401  (part of this module's interface)
    meeting_register,
    promote,
    registration_cancel,
    session_register,
)
from .search import current_minutes
from .validation import check_meeting, check_position, check_session, same_minute
from .writes import lock, registrations_of, when

MEETING_FIELDS = (
    "kind",
    "group",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_link",
    "capacity",
    "registration_deadline",
)
SESSION_FIELDS = (
    "kind",
    "title",
    "description",
    "host_organisation",
    "room",
    "starts_at",
    "ends_at",
    "capacity",
)
# Changes a calendar must apply: they raise the SEQUENCE and registrants get an update.
CALENDAR_FIELDS = {"title", "starts_at", "ends_at", "place", "online_link", "room"}

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED


# Meetings --------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    network,
    actor,
    kind: str,
    title: str,
    starts_at,
    ends_at,
    group=None,
    description: str = "",
    place: str = "",
    online_link: str = "",
    capacity: int | None = None,
    registration_deadline=None,
    past_confirmed: bool = False,
) -> Meeting:
    """Plan a meeting; one that starts in the past only with `past_confirmed` (for the records)."""
    require_actor(actor, network, "meetings.plan" if group else "meetings.manage", group)
    data = {
        "kind": kind,
        "group": group,
        "title": title,
        "description": (description or "").strip(),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": (place or "").strip(),
        "online_link": (online_link or "").strip(),
        "capacity": capacity,
        "registration_deadline": registration_deadline,
    }
    check_meeting(network, data, past_confirmed=past_confirmed)
    meeting = Meeting.objects.create(network=network, **data)
    audit_record(
        network=network,
        actor=actor,
        action="meeting.create",
        target=meeting,
        summary=when(starts_at, network),
    )
    return meeting


def _mail_all(item, *, network, statuses, template: str, method: str | None, meeting) -> None:
    registrations = (
        registrations_of(item).filter(status__in=statuses).select_related("person__user")
    )
    for registration in registrations:
        mail_person(
            person=registration.person,
            network=network,
            template=template,
            context={"item": item, "meeting": meeting, "registration": registration},
            item=item,
            method=method if registration.status == CONFIRMED else None,
        )


def _apply(item, data: dict) -> dict:
    """Set the changed fields ({field: (before, after)}); a change calendars see raises SEQUENCE."""
    changed = field_changes(item, data)
    for name in changed:
        setattr(item, name, data[name])
    if CALENDAR_FIELDS.intersection(changed):
        item.sequence += 1
    return changed


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, past_confirmed: bool = False, **fields) -> Meeting:
    """Change a meeting; confirmed registrants get the updated invitation, freed seats fill up.

    Moving the start into the past needs `past_confirmed`; a past meeting whose start stays
    can be corrected for the records without it.
    """
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"unknown meeting fields: {sorted(unknown)}")
    meeting = lock(meeting)
    network = meeting.network
    if meeting.is_cancelled:
        raise DomainError(_("A cancelled meeting cannot be changed."))
    data = {name: getattr(meeting, name) for name in MEETING_FIELDS} | fields
    with all_checks() as check:
        past_confirmed = past_confirmed or same_minute(data["starts_at"], meeting.starts_at)
        check(check_meeting, network, data, past_confirmed=past_confirmed)
        if data["kind"] != Meeting.Kind.PLENARY and meeting.sessions.exists():
            check.refuse(_("Only a plenary meeting has café sessions."), field="kind")
    changed = _apply(meeting, data)
    meeting.save()
    audit_record(
        network=network,
        actor=actor,
        action="meeting.update",
        target=meeting,
        summary=", ".join(changed),
        changes=changed,
    )
    if CALENDAR_FIELDS.intersection(changed):
        _mail_all(
            meeting,
            network=network,
            statuses=[CONFIRMED],
            template="meeting_updated",
            method=REQUEST,
            meeting=meeting,
        )
    if {"title", "starts_at"}.intersection(changed):
        # The minutes are found under their meeting's title and shown with its date.
        search_index_many(current_minutes(network).filter(meeting=meeting))
    if "capacity" in changed:
        promote(meeting, meeting=meeting, network=network, actor=actor)
    return meeting


def _cancel(item, *, network, meeting) -> None:
    item.status = Meeting.Status.CANCELLED
    item.sequence += 1
    item.save(update_fields=["status", "sequence", *(["updated_at"] if item is meeting else [])])
    _mail_all(
        item,
        network=network,
        statuses=[CONFIRMED, WAITLISTED],
        template="meeting_cancelled",
        method=CANCEL,
        meeting=meeting,
    )


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor, reason: str = "") -> Meeting:
    """Cancel a meeting and its café sessions; every registrant's calendar gets METHOD:CANCEL."""
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    meeting = lock(meeting)
    network = meeting.network
    if meeting.is_cancelled:
        raise DomainError(_("This meeting is cancelled already."))
    if meeting.has_ended:
        raise DomainError(_("This meeting is over; it can no longer be cancelled."))
    _cancel(meeting, network=network, meeting=meeting)
    for session in meeting.sessions.filter(status=Meeting.Status.SCHEDULED):
        session.meeting, session.network = meeting, network
        _cancel(session, network=network, meeting=meeting)
    audit_record(
        network=network,
        actor=actor,
        action="meeting.cancel",
        target=meeting,
        summary=(reason or "").strip(),
    )
    return meeting


# Café sessions ---------------------------------------------------------------------------


@transaction.atomic
def cafe_session_create(
    *,
    meeting: Meeting,
    actor,
    kind: str,
    title: str,
    starts_at,
    ends_at,
    description: str = "",
    host_organisation=None,
    room: str = "",
    capacity: int | None = None,
) -> CafeSession:
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    data = {
        "kind": kind,
        "title": title,
        "description": (description or "").strip(),
        "host_organisation": host_organisation,
        "room": (room or "").strip(),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "capacity": capacity,
    }
    check_session(meeting, data)
    session = CafeSession.objects.create(network=meeting.network, meeting=meeting, **data)
    audit_record(
        network=meeting.network,
        actor=actor,
        action="cafe_session.create",
        target=session,
        context=meeting,
    )
    return session


@transaction.atomic
def cafe_session_update(*, session: CafeSession, actor, **fields) -> CafeSession:
    require_actor(actor, session.network, "meetings.manage", session)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"unknown session fields: {sorted(unknown)}")
    meeting = session.meeting
    network = meeting.network
    session = lock(session)
    if session.is_cancelled:
        raise DomainError(_("A cancelled session cannot be changed."))
    data = {name: getattr(session, name) for name in SESSION_FIELDS} | fields
    check_session(meeting, data)
    changed = _apply(session, data)
    session.save()
    audit_record(
        network=network,
        actor=actor,
        action="cafe_session.update",
        target=session,
        context=meeting,
        summary=", ".join(changed),
        changes=changed,
    )
    if CALENDAR_FIELDS.intersection(changed):
        _mail_all(
            session,
            network=network,
            statuses=[CONFIRMED],
            template="meeting_updated",
            method=REQUEST,
            meeting=meeting,
        )
    if "capacity" in changed:
        promote(session, meeting=meeting, network=network, actor=actor)
    return session


@transaction.atomic
def cafe_session_cancel(*, session: CafeSession, actor) -> CafeSession:
    require_actor(actor, session.network, "meetings.manage", session)
    meeting = session.meeting
    network = meeting.network
    session = lock(session)
    if session.is_cancelled:
        raise DomainError(_("This session is cancelled already."))
    if session.has_ended:
        raise DomainError(_("This session is over; it can no longer be cancelled."))
    _cancel(session, network=network, meeting=meeting)
    audit_record(
        network=network,
        actor=actor,
        action="cafe_session.cancel",
        target=session,
        context=meeting,
    )
    return session


# Agenda ----------------------------------------------------------------------------------


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, actor, title: str, notes: str = "") -> AgendaItem:
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    title = check_required(title, field="title")
    check_lengths(AgendaItem, {"title": title})
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"]
    item = AgendaItem.objects.create(
        network=meeting.network,
        meeting=meeting,
        position=(last or 0) + 1,
        title=title,
        notes=(notes or "").strip(),
    )
    audit_record(
        network=meeting.network, actor=actor, action="agenda.add", target=item, context=meeting
    )
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, actor, title: str, notes: str = "", position: int | None = None
) -> AgendaItem:
    require_actor(actor, item.network, "meetings.manage", item)
    values = {"title": check_required(title, field="title"), "notes": (notes or "").strip()}
    check_lengths(AgendaItem, values)
    if check_position(position) is not None:
        values["position"] = position
    changed = field_changes(item, values)
    for name, (_before, after) in changed.items():
        setattr(item, name, after)
    item.save()
    audit_record(
        network=item.network,
        actor=actor,
        action="agenda.update",
        target=item,
        context=item.meeting,
        changes=changed,
    )
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor) -> None:
    require_actor(actor, item.network, "meetings.manage", item)
    audit_record(
        network=item.network,
        actor=actor,
        action="agenda.delete",
        target=item,
        context=item.meeting,
        summary=item.title,
    )
    item.delete()
