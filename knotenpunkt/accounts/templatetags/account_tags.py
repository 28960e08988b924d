"""Template helpers for account pages, which list several networks at once."""

import math
from datetime import timedelta

from django import template

from knotenpunkt.core.urls_helpers import network_reverse

register = template.Library()


@register.simple_tag
def network_url(network, name, **kwargs):
    """`{% net_url %}` needs the request's network; account pages name the network instead."""
    return network_reverse(network, name, **kwargs)


@register.filter
def minutes_up(value: timedelta) -> int:
    """Whole minutes, rounded up, so that "try again in N minutes" is never too early."""
    return math.ceil(value.total_seconds() / 60)
