"""The calendar's queue on the workspace: proposals waiting for moderation (core/queues.py)."""

from django.utils.translation import ngettext

from knotenpunkt.core import queues

from .selectors import events_waiting_count


def _label(count: int) -> str:
    return ngettext(
        "%(count)s event proposal waits for moderation",
        "%(count)s event proposals wait for moderation",
        count,
    ) % {"count": count}


queues.register(
    "events.waiting",
    action="events.moderate",
    url_name="eventcalendar:manage",
    query="status=submitted",
    label=_label,
    count=lambda network: events_waiting_count(network=network),
    order=10,
)
