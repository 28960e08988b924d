"""Dates in the network's own time zone: memberships, roles and targets are local dates."""

import datetime

from django.utils import timezone


def network_today(network) -> datetime.date:
    """Today in the network's own time zone (dates of memberships are local dates)."""
    return timezone.now().astimezone(network.tz).date()
