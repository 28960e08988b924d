"""Reads of the working groups: lists, the group page, and the cadence against the targets.

List selectors annotate everything a row shows, so that a page makes the same number
of queries for 3 groups as for 300.
"""

import datetime
import math
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy

from knotenpunkt.core.dates import network_today
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.members.models import Organisation

from .models import Goal, GroupMembership, WorkingGroup

SCHEDULED = Meeting.Status.SCHEDULED


def _year_bounds(network, year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """First instant of the year and of the next one, in the network's own time zone."""
    start = datetime.datetime(year, 1, 1, tzinfo=network.tz)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=network.tz)


def _active_on(day: datetime.date) -> Q:
    return Q(active_from__lte=day) & (Q(active_until__isnull=True) | Q(active_until__gte=day))


def _count(queryset: QuerySet) -> Coalesce:
    """A correlated COUNT subquery (several of them do not multiply each other like joins)."""
    counted = queryset.order_by().values("group_id").annotate(total=Count("pk")).values("total")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _leads() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=GroupMembership.objects.filter(is_lead=True, left_on__isnull=True)
        .select_related("person", "organisation")
        .order_by("person__full_name", "pk"),
        to_attr="current_leads",
    )


# Lists -----------------------------------------------------------------------------------


def groups_list(*, network, active_only: bool = True, now=None) -> QuerySet:
    """Groups with their leads, member counts, this year's meetings and the next meeting."""
    now = now or timezone.now()
    today = now.astimezone(network.tz).date()
    year_start, year_end = _year_bounds(network, today.year)
    open_members = GroupMembership.objects.filter(group=OuterRef("pk"), left_on__isnull=True)
    organisations = (
        open_members.exclude(organisation__isnull=True)
        .order_by()
        .values("group_id")
        .annotate(total=Count("organisation_id", distinct=True))
        .values("total")[:1]
    )
    this_year = Meeting.objects.filter(
        group=OuterRef("pk"),
        status=SCHEDULED,
        starts_at__gte=year_start,
        starts_at__lt=year_end,
    )
    upcoming = Meeting.objects.filter(
        group=OuterRef("pk"), status=SCHEDULED, starts_at__gte=now
    ).order_by("starts_at", "pk")
    groups = WorkingGroup.objects.filter(network=network)
    if active_only:
        groups = groups.filter(_active_on(today))
    return (
        groups.annotate(
            member_count=_count(open_members),
            organisation_count=Coalesce(
                Subquery(organisations, output_field=IntegerField()), Value(0)
            ),
            meetings_this_year=_count(this_year),
            next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
            next_meeting_title=Subquery(upcoming.values("title")[:1]),
        )
        .prefetch_related(_leads())
        .order_by("name", "pk")
    )


def groups_of_user(*, user, network) -> QuerySet:
    """The groups the user currently belongs to through one of their person records."""
    if not getattr(user, "is_authenticated", False):
        return WorkingGroup.objects.none()
    mine = GroupMembership.objects.filter(network=network, person__user=user, left_on__isnull=True)
    return (
        WorkingGroup.objects.filter(network=network, pk__in=mine.values("group_id"))
        .annotate(leads_it=Exists(mine.filter(group=OuterRef("pk"), is_lead=True)))
        .order_by("name", "pk")
    )


def group_detail(*, network, group_slug: str) -> WorkingGroup:
    """A group with its members (current and former, with organisation) and its goals."""
    memberships = GroupMembership.objects.select_related("person", "organisation").order_by(
        "-is_lead", "person__full_name", "pk"
    )
    group = get_object_or_404(
        WorkingGroup.objects.select_related("network").prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="all_memberships"),
            Prefetch("goals", queryset=Goal.objects.order_by("due_on", "pk"), to_attr="all_goals"),
        ),
        network=network,
        slug=group_slug,
    )
    group.current_memberships = [m for m in group.all_memberships if m.left_on is None]
    group.former_memberships = [m for m in group.all_memberships if m.left_on is not None]
    group.current_leads = [m for m in group.current_memberships if m.is_lead]
    return group


def group_get(*, network, group_slug: str) -> WorkingGroup:
    return get_object_or_404(
        WorkingGroup.objects.select_related("network"), network=network, slug=group_slug
    )


def membership_get(*, network, membership_id) -> GroupMembership:
    return get_object_or_404(
        GroupMembership.objects.select_related("group__network", "person", "organisation"),
        network=network,
        pk=membership_id,
    )


def goal_get(*, network, goal_id) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("group__network"), network=network, pk=goal_id
    )


@dataclass(frozen=True)
class GroupMeetings:
    upcoming: list
    past: list


def group_meetings(*, group: WorkingGroup, now=None) -> GroupMeetings:
    """The group's meetings (cancelled ones included, marked by their status), split at now."""
    now = now or timezone.now()
    meetings = list(
        Meeting.objects.filter(network=group.network_id, group=group).order_by("starts_at", "pk")
    )
    return GroupMeetings(
        upcoming=[meeting for meeting in meetings if meeting.ends_at >= now],
        past=[meeting for meeting in reversed(meetings) if meeting.ends_at < now],
    )


def organisations_for_choice(*, network) -> QuerySet:
    """Organisations a group member may speak for (any organisation of the network)."""
    return Organisation.objects.filter(network=network).order_by("name", "pk")


# Cadence ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CadenceRow:
    """Meetings held so far in a year against the yearly target, pro rata.

    `expected` = target × (days from `counted_from` to the reference day, both included)
    / days of the year. A row is behind when fewer meetings were held than the whole
    meetings expected by now (`held < floor(expected)`): a group is not behind before a
    meeting was fully due.
    """

    label: str
    target: int
    held: int
    counted_from: datetime.date
    expected: Fraction
    group: WorkingGroup | None = None

    @property
    def expected_exact(self) -> float:
        return float(self.expected)

    @property
    def started_during_year(self) -> bool:
        """The count started after 1 January (a group founded this year)."""
        return (self.counted_from.month, self.counted_from.day) != (1, 1)

    @property
    def expected_whole(self) -> int:
        return math.floor(self.expected)

    @property
    def behind(self) -> bool:
        return self.held < self.expected_whole

    @property
    def missing(self) -> int:
        return max(0, self.expected_whole - self.held)


@dataclass(frozen=True)
class Cadence:
    year: int
    today: datetime.date
    plenary: CadenceRow
    groups: list[CadenceRow]

    @property
    def behind_count(self) -> int:
        return sum(row.behind for row in [self.plenary, *self.groups])


def expected_by(*, target: int, year: int, today: datetime.date, since: datetime.date) -> Fraction:
    """target × the elapsed share of the year, counting from `since` (both days included)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    start, end = max(first, since), min(today, last)
    elapsed = max(0, (end - start).days + 1)
    return Fraction(target * elapsed, (last - first).days + 1)


def cadence(*, network, year: int | None = None, today: datetime.date | None = None) -> Cadence:
    """Per active group, and for the plenary, the meetings held in `year` against the target.

    Held means not cancelled and started before the end of `today` (and before now).
    """
    today = today or network_today(network)
    year = year or today.year
    year_start, year_end = _year_bounds(network, year)
    end_of_today = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=network.tz
    )
    held = Meeting.objects.filter(
        network=network,
        status=SCHEDULED,
        starts_at__gte=year_start,
        starts_at__lt=min(year_end, end_of_today, timezone.now()),
    )
    reference_day = min(today, datetime.date(year, 12, 31))
    groups = list(
        WorkingGroup.objects.filter(network=network)
        .filter(_active_on(reference_day))
        .annotate(
            held=_count(
                held.filter(kind=Meeting.Kind.WORKING_GROUP, group=OuterRef("pk")).order_by()
            )
        )
        .order_by("name", "pk")
    )
    first_day = datetime.date(year, 1, 1)
    plenary_target = network.plenaries_per_year_target
    plenary = CadenceRow(
        label=gettext_lazy("Plenary meetings"),
        target=plenary_target,
        held=held.filter(kind=Meeting.Kind.PLENARY).count(),
        counted_from=first_day,
        expected=expected_by(target=plenary_target, year=year, today=today, since=first_day),
    )
    rows = [
        CadenceRow(
            label=group.name,
            group=group,
            target=group.meetings_per_year_target,
            held=group.held,
            counted_from=max(first_day, group.active_from),
            expected=expected_by(
                target=group.meetings_per_year_target,
                year=year,
                today=today,
                since=group.active_from,
            ),
        )
        for group in groups
    ]
    return Cadence(year=year, today=today, plenary=plenary, groups=rows)


def groups_for_choice(*, network) -> QuerySet:
    """All groups of the network, plainly, for a select box (no counts)."""
    return WorkingGroup.objects.filter(network=network).order_by("name", "pk")
