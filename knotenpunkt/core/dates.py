"""Dates in the network's own time zone: memberships, roles and targets are local dates."""

import datetime

from django.utils import timezone

from .formatting import format_local_date


def network_today(network) -> datetime.date:
    """Today in the network's own time zone (dates of memberships are local dates)."""
    return timezone.now().astimezone(network.tz).date()


def year_bounds(network, year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """First instant of the year and of the next one, in the network's own time zone."""
    start = datetime.datetime(year, 1, 1, tzinfo=network.tz)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=network.tz)


def short_date(value: datetime.date) -> str:
    """A date as messages name it, in the active language's short format (core/formatting.py)."""
    return format_local_date(value)
