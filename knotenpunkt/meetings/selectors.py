"""Reads of the meetings app. Lists annotate what each row shows: no query per row."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from knotenpunkt.core.dates import year_bounds
from knotenpunkt.core.policy import can
from knotenpunkt.members.selectors import organisations_spoken_for, persons_for_choice
from knotenpunkt.workinggroups.selectors import groups_list, groups_of_user

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

UPCOMING, PAST = "upcoming", "past"
CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def _count(queryset: QuerySet, ref: str) -> Coalesce:
    """A correlated COUNT subquery (several of them do not multiply each other like joins)."""
    counted = queryset.order_by().values(ref).annotate(total=Count("pk")).values("total")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _seat_counts(*, meeting_level: bool) -> dict:
    """confirmed_count and waitlisted_count of the meeting (or session) in each row."""
    if meeting_level:
        held = Registration.objects.filter(meeting=OuterRef("pk"), session__isnull=True)
        ref = "meeting"
    else:
        held = Registration.objects.filter(session=OuterRef("pk"))
        ref = "session"
    return {
        "confirmed_count": _count(held.filter(status=CONFIRMED), ref),
        "waitlisted_count": _count(held.filter(status=WAITLISTED), ref),
    }


def free_seats(item) -> int | None:
    """Seats left (None: no limit); needs the confirmed_count annotation."""
    if item.capacity is None:
        return None
    return max(item.capacity - item.confirmed_count, 0)


# Meetings --------------------------------------------------------------------------------


def meetings_list(
    *, network, when: str = UPCOMING, kind: str = "", group_id=None, now=None
) -> QuerySet:
    """Upcoming meetings soonest first, or past ones latest first, with their seat counts."""
    now = now or timezone.now()
    meetings = Meeting.objects.filter(network=network).select_related("group")
    if kind:
        meetings = meetings.filter(kind=kind)
    if group_id:
        meetings = meetings.filter(group_id=group_id)
    if when == PAST:
        meetings = meetings.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        meetings = meetings.filter(ends_at__gte=now).order_by("starts_at", "pk")
    sessions = CafeSession.objects.filter(meeting=OuterRef("pk"))
    return meetings.annotate(
        **_seat_counts(meeting_level=True), session_count=_count(sessions, "meeting")
    )


def next_plenary(*, network, now=None) -> Meeting | None:
    """The plenary meeting that comes next (or is under way), unless it was cancelled: the
    network's home page announces it."""
    now = now or timezone.now()
    return (
        Meeting.objects.filter(
            network=network,
            kind=Meeting.Kind.PLENARY,
            status=Meeting.Status.SCHEDULED,
            ends_at__gt=now,
        )
        .order_by("starts_at", "pk")
        .first()
    )


def meeting_get(*, network, meeting_id) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("group__network", "network").annotate(
            **_seat_counts(meeting_level=True)
        ),
        network=network,
        pk=meeting_id,
    )


def agenda_of(*, meeting) -> QuerySet:
    return AgendaItem.objects.filter(network=meeting.network_id, meeting=meeting).order_by(
        "position", "pk"
    )


def agenda_item_get(*, network, agenda_item_id) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__group__network", "meeting__network"),
        network=network,
        pk=agenda_item_id,
    )


def sessions_of(*, meeting) -> list[CafeSession]:
    """The café of a plenary: its sessions with host, seat counts and free seats."""
    sessions = list(
        CafeSession.objects.filter(network=meeting.network_id, meeting=meeting)
        .select_related("host_organisation")
        .annotate(**_seat_counts(meeting_level=False))
        .order_by("starts_at", "title", "pk")
    )
    for session in sessions:
        session.meeting = meeting
        session.free_seats = free_seats(session)
    return sessions


def session_get(*, network, session_id) -> CafeSession:
    session = get_object_or_404(
        CafeSession.objects.select_related(
            "meeting__group__network", "meeting__network", "host_organisation"
        ).annotate(**_seat_counts(meeting_level=False)),
        network=network,
        pk=session_id,
    )
    session.free_seats = free_seats(session)
    return session


# Registrations ---------------------------------------------------------------------------


def registration_get(*, network, registration_id) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related(
            "meeting__group__network", "meeting__network", "session", "person", "organisation"
        ),
        network=network,
        pk=registration_id,
    )


def registration_is_open(*, meeting, item=None, now=None) -> bool:
    """Whether pages offer to register (the service checks the same rules when it is done)."""
    item = item or meeting
    now = now or timezone.now()
    deadline = meeting.registration_deadline
    return (
        not meeting.is_cancelled
        and not item.is_cancelled
        and item.ends_at > now
        and (deadline is None or now <= deadline)
    )


def registration_of(*, meeting, person) -> Registration | None:
    """The person's active registration for the meeting itself (not its sessions)."""
    return (
        Registration.objects.filter(meeting=meeting, session__isnull=True, person=person)
        .exclude(status=CANCELLED)
        .select_related("organisation")
        .first()
    )


def current_organisation(*, person):
    """The organisation a person currently speaks for (their longest-standing open position)."""
    position = (
        person.positions.filter(ended_on__isnull=True)
        .select_related("organisation")
        .order_by("started_on", "pk")
        .first()
    )
    return position.organisation if position else None


def active_registrations(*, meeting, user=None, everything: bool = True) -> list[Registration]:
    """Confirmed and waiting registrations of the meeting and its sessions, in arrival order.

    Waiting ones get `waitlist_position` (counted over the whole list of their meeting or
    session). Without `everything`, only those the user made, holds, or whose organisation
    the user speaks for are returned.
    """
    registrations = list(
        Registration.objects.filter(network=meeting.network_id, meeting=meeting)
        .exclude(status=CANCELLED)
        .select_related("person", "organisation", "session", "registered_by")
        .order_by("created_at", "pk")
    )
    positions: dict[int | None, int] = {}
    for registration in registrations:
        registration.waitlist_position = None
        if registration.status == WAITLISTED:
            key = registration.session_id
            positions[key] = positions.get(key, 0) + 1
            registration.waitlist_position = positions[key]
    if everything:
        return registrations
    if user is None or not user.is_authenticated:
        return []
    own = set(
        organisations_spoken_for(user=user, network=meeting.network).values_list("pk", flat=True)
    )
    return [
        registration
        for registration in registrations
        if registration.registered_by_id == user.pk
        or registration.person.user_id == user.pk
        or registration.organisation_id in own
    ]


# Attendance ------------------------------------------------------------------------------


@dataclass
class SheetRow:
    """One line of the attendance list: a confirmed registrant or a walk-in."""

    person: object
    organisation: object
    registered: bool
    attendance: Attendance | None

    @property
    def present(self) -> bool:
        return self.attendance is not None and self.attendance.checked_out_at is None


def attendance_sheet(*, meeting) -> list[SheetRow]:
    """Everybody expected (confirmed for the meeting) and everybody who came, by name."""
    rows: dict[int, SheetRow] = {}
    registrations = Registration.objects.filter(
        network=meeting.network_id, meeting=meeting, session__isnull=True, status=CONFIRMED
    ).select_related("person", "organisation")
    for registration in registrations:
        rows[registration.person_id] = SheetRow(
            person=registration.person,
            organisation=registration.organisation,
            registered=True,
            attendance=None,
        )
    attendances = Attendance.objects.filter(
        network=meeting.network_id, meeting=meeting
    ).select_related("person", "organisation")
    for attendance in attendances:
        row = rows.get(attendance.person_id)
        if row is None:
            rows[attendance.person_id] = SheetRow(
                person=attendance.person,
                organisation=attendance.organisation,
                registered=False,
                attendance=attendance,
            )
        else:
            row.attendance = attendance
            row.organisation = attendance.organisation or row.organisation
    return sorted(
        rows.values(), key=lambda row: (row.person.display_name.casefold(), row.person.pk)
    )


def attendance_by_organisation(*, meetings) -> QuerySet:
    """People who attended, per organisation, over the given meetings (a queryset or list)."""
    return (
        Attendance.objects.filter(meeting__in=meetings)
        .values("organisation_id", "organisation__name")
        .annotate(
            attendances=Count("pk"),
            people=Count("person", distinct=True),
            meetings=Count("meeting", distinct=True),
        )
        .order_by("-attendances", "organisation__name")
    )


def attendance_figures(*, network, year: int, now=None) -> QuerySet:
    """The year's meetings that took place, with registered and attended counts."""
    now = now or timezone.now()
    start, end = year_bounds(network, year)
    attended = Attendance.objects.filter(meeting=OuterRef("pk"))
    return (
        Meeting.objects.filter(
            network=network,
            status=Meeting.Status.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=min(end, now),
        )
        .select_related("group")
        .annotate(**_seat_counts(meeting_level=True), attended_count=_count(attended, "meeting"))
        .order_by("-starts_at", "-pk")
    )


# Minutes, decisions, action items --------------------------------------------------------


def minutes_versions(*, meeting) -> QuerySet:
    return (
        MinutesVersion.objects.filter(network=meeting.network_id, meeting=meeting)
        .select_related("author", "restored_from")
        .order_by("-number")
    )


def minutes_version_get(*, network, version_id) -> MinutesVersion:
    return get_object_or_404(
        MinutesVersion.objects.select_related(
            "meeting__group__network", "meeting__network", "author"
        ),
        network=network,
        pk=version_id,
    )


def decisions_list(*, network, group_id=None, meeting=None) -> QuerySet:
    decisions = Decision.objects.filter(network=network)
    if group_id:
        decisions = decisions.filter(group_id=group_id)
    if meeting is not None:
        decisions = decisions.filter(meeting=meeting)
    return decisions.select_related("meeting", "group").order_by("-decided_on", "-pk")


def _overdue(today: datetime.date) -> Case:
    return Case(
        When(Q(status=ActionItem.Status.OPEN) & Q(due_on__lt=today), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def action_items_list(
    *, network, status: str = "open", group_id=None, meeting=None, owner_user=None
) -> QuerySet:
    """Action items with owner and meeting; `is_overdue` is annotated for the list.

    `status` "overdue" is the open items past their due day (the workspace's count)."""
    items = ActionItem.objects.filter(network=network)
    today = timezone.localdate(timezone.now(), network.tz)
    if status == "overdue":
        items = items.filter(status=ActionItem.Status.OPEN, due_on__lt=today)
    elif status:
        items = items.filter(status=status)
    if group_id:
        items = items.filter(meeting__group_id=group_id)
    if meeting is not None:
        items = items.filter(meeting=meeting)
    if owner_user is not None:
        items = items.filter(owner__user=owner_user, owner__erased_at__isnull=True)
    return (
        items.select_related("owner", "meeting__group")
        .annotate(is_overdue=_overdue(today))
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )


def open_actions_for_user(*, user, network) -> QuerySet:
    """The user's own open action items in this network, soonest due first (dashboard)."""
    if not getattr(user, "is_authenticated", False):
        return ActionItem.objects.none()
    return action_items_list(network=network, status=ActionItem.Status.OPEN, owner_user=user)


def action_item_get(*, network, action_item_id) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.select_related("meeting__group__network", "meeting__network", "owner"),
        network=network,
        pk=action_item_id,
    )


@dataclass(frozen=True)
class GroupRecords:
    decisions: list
    open_actions: list


def group_records(*, group, limit: int = 10) -> GroupRecords:
    """The latest decisions and the open action items of a working group (for its page)."""
    network = group.network
    return GroupRecords(
        decisions=list(decisions_list(network=network, group_id=group.pk)[:limit]),
        open_actions=list(action_items_list(network=network, group_id=group.pk)),
    )


# Personal feed ---------------------------------------------------------------------------


def person_of_user(*, user, network):
    """The user's own contact person in this network (None if they have none)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return user.persons.filter(network=network, erased_at__isnull=True).order_by("pk").first()


def active_feed_token(*, person) -> PersonalFeedToken | None:
    return PersonalFeedToken.objects.filter(
        network=person.network_id, person=person, revoked_at__isnull=True
    ).first()


def feed_token_resolve(*, network, token: str) -> PersonalFeedToken:
    """The active token of this network, else 404 (revoked and foreign tokens alike)."""
    return get_object_or_404(
        PersonalFeedToken.objects.select_related("person"),
        network=network,
        token=token,
        revoked_at__isnull=True,
        person__erased_at__isnull=True,
    )


def personal_feed_items(*, person, since: datetime.datetime) -> list:
    """Meetings and café sessions the person holds a confirmed seat for, from `since` on."""
    seats = Registration.objects.filter(network=person.network_id, person=person, status=CONFIRMED)
    meetings = Meeting.objects.filter(
        pk__in=seats.filter(session__isnull=True).values("meeting_id"), ends_at__gte=since
    ).select_related("network")
    sessions = CafeSession.objects.filter(
        pk__in=seats.filter(session__isnull=False).values("session_id"), ends_at__gte=since
    ).select_related("meeting__network")
    return sorted([*meetings, *sessions], key=lambda item: (item.starts_at, item.pk))


# What the policy lets a user choose ------------------------------------------------------


def groups_for_meetings(*, user, network, active_only: bool = True) -> QuerySet:
    """The groups whose meetings the user may plan: all for coordinators, else those they lead."""
    if can(user, network, "meetings.manage"):
        return groups_list(network=network, active_only=active_only)
    return groups_of_user(user=user, network=network).filter(leads_it=True)


def registrable_persons(*, user, meeting) -> QuerySet:
    """Whom the user may register: anyone (those who run it), else people of their organisations."""
    network = meeting.network
    if can(user, network, "meetings.manage", meeting):
        return persons_for_choice(network=network)
    if not can(user, network, "meetings.register", meeting):
        return persons_for_choice(network=network).none()
    own = organisations_spoken_for(user=user, network=network)
    return (
        persons_for_choice(network=network)
        .filter(positions__organisation__in=own, positions__ended_on__isnull=True)
        .distinct()
    )


def overdue_actions_count(*, network) -> int:
    """Open action items past their due day in the network's calendar (core/queues.py)."""
    today = timezone.localdate(timezone.now(), network.tz)
    return ActionItem.objects.filter(
        network=network, status=ActionItem.Status.OPEN, due_on__lt=today
    ).count()
