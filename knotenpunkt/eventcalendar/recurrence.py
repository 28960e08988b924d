"""Occurrences of (possibly recurring) events, expanded with dateutil in the event's own time zone.

A weekly event at 18:00 stays at 18:00 local time across daylight-saving changes: the rule is
expanded on naive local times and each occurrence is then made aware in the event's zone.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from django.conf import settings
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError


def max_occurrences() -> int:
    return getattr(settings, "KNOTENPUNKT_MAX_OCCURRENCES", 500)


@dataclass(frozen=True)
class Occurrence:
    event: object
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime  # aware

    @property
    def key(self) -> str:
        """Stable identifier of one occurrence (event uid + start), e.g. for RECURRENCE-ID."""
        return f"{self.event.uid}/{self.starts_at.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"


def _local_starts(event) -> list[datetime.datetime]:
    """Every start of the event as naive local times (at most the configured maximum + 1)."""
    zone = zoneinfo.ZoneInfo(event.time_zone)
    first = event.starts_at.astimezone(zone).replace(tzinfo=None)
    if not event.rrule:
        return [first]
    rule = rrulestr(event.rrule, dtstart=first, forceset=True)
    for value in event.exdates or []:
        excluded = datetime.datetime.fromisoformat(value)
        if excluded.tzinfo is not None:
            excluded = excluded.astimezone(zone).replace(tzinfo=None)
        rule.exdate(excluded)
    starts = []
    limit = max_occurrences()
    for start in rule:
        starts.append(start)
        if len(starts) > limit:
            break
    return starts


def check_recurrence(event) -> int:
    """How many occurrences; DomainError if the rule is unbounded, malformed or yields too many."""
    if not event.rrule:
        return 1
    upper = event.rrule.upper()
    if "UNTIL=" not in upper and "COUNT=" not in upper:
        raise DomainError(
            _("A repetition needs an end: a last date or a number of times."), field="rrule"
        )
    try:
        count = len(_local_starts(event))
    except (ValueError, TypeError) as error:
        raise DomainError(_("The repetition rule is not valid."), field="rrule") from error
    if count > max_occurrences():
        raise DomainError(
            _("The repetition produces more than %(max)s dates. Choose an earlier end.")
            % {"max": max_occurrences()},
            field="rrule",
        )
    return count


def occurrences(event, *, start=None, end=None) -> list[Occurrence]:
    """The event's occurrences overlapping [start, end) (aware datetimes; None = unbounded)."""
    zone = zoneinfo.ZoneInfo(event.time_zone)
    duration = event.ends_at - event.starts_at
    result = []
    for local_start in _local_starts(event)[: max_occurrences()]:
        begins = local_start.replace(tzinfo=zone)
        ends = begins + duration
        if end is not None and begins >= end:
            break
        if start is not None and ends <= start:
            continue
        result.append(Occurrence(event=event, starts_at=begins, ends_at=ends))
    return result
