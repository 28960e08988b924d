"""Helpers the writing modules of this app share: row locks, dates in messages, checks."""

from knotenpunkt.core.formatting import format_local_datetime

from .models import CafeSession, Registration


def when(value, network) -> str:
    """A date and time as a message shows it, in the network's time zone."""
    return format_local_datetime(value, tz=network.tz)


def actor_or_none(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def lock(item):
    """The row again, locked for this transaction.

    PostgreSQL locks the row (`select_for_update`); on SQLite the IMMEDIATE write
    transaction already serialises writers. Related objects the caller holds are kept.
    """
    locked = type(item).objects.select_for_update().get(pk=item.pk)
    locked.network = item.network
    if isinstance(item, CafeSession):
        locked.meeting = item.meeting
    return locked


def registrations_of(item):
    """The registrations that hold seats of this meeting (not its sessions) or this session."""
    if isinstance(item, CafeSession):
        return Registration.objects.filter(session=item)
    return Registration.objects.filter(meeting=item, session__isnull=True)
