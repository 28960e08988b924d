"""The meetings of working groups: a group's meetings, its counts in the group list, and the
cadence of meetings held against the yearly targets of the groups and the plenary.

They live here, not in workinggroups, because meetings sit above working groups: the group
pages show them through this app's template tags (docs/decisions/0008).
"""

import datetime
import math
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy

from knotenpunkt.core.dates import network_today, year_bounds
from knotenpunkt.workinggroups.models import WorkingGroup
from knotenpunkt.workinggroups.selectors import groups_active_on

from .models import Meeting

SCHEDULED = Meeting.Status.SCHEDULED


def _count(queryset: QuerySet) -> Coalesce:
    """A correlated COUNT subquery per group (several do not multiply each other like joins)."""
    counted = queryset.order_by().values("group_id").annotate(total=Count("pk")).values("total")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_meeting_counts(groups: QuerySet, *, network, now=None) -> QuerySet:
    """The groups with this year's meetings and the next meeting, for the group list."""
    now = now or timezone.now()
    year_start, year_end = year_bounds(network, now.astimezone(network.tz).year)
    this_year = Meeting.objects.filter(
        group=OuterRef("pk"),
        status=SCHEDULED,
        starts_at__gte=year_start,
        starts_at__lt=year_end,
    )
    upcoming = Meeting.objects.filter(
        group=OuterRef("pk"), status=SCHEDULED, starts_at__gte=now
    ).order_by("starts_at", "pk")
    return groups.annotate(
        meetings_this_year=_count(this_year),
        next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
        next_meeting_title=Subquery(upcoming.values("title")[:1]),
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
    year_start, year_end = year_bounds(network, year)
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
        groups_active_on(network=network, day=reference_day)
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
