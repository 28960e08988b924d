"""Meetings for the group tests, made directly (the meetings app owns its own factories)."""

import datetime

from django.urls import reverse

from knotenpunkt.meetings.models import Meeting


def meeting(network, *, on, group=None, kind=None, cancelled=False, title="Treffen", hour=10):
    """A two-hour meeting at `hour` o'clock (network time) on the day `on`."""
    starts_at = datetime.datetime.combine(on, datetime.time(hour), tzinfo=network.tz)
    if kind is None:
        kind = Meeting.Kind.WORKING_GROUP if group else Meeting.Kind.PLENARY
    return Meeting.objects.create(
        network=network,
        kind=kind,
        group=group,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        status=Meeting.Status.CANCELLED if cancelled else Meeting.Status.SCHEDULED,
    )


def url(network, name: str, *, lang: str = "en", **kwargs) -> str:
    """A group page in English, so that assertions can read the msgids."""
    return reverse(
        f"workinggroups:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs}
    )
