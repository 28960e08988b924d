"""What waits for someone: the counts at the top of the workspace, each linking to its queue.

The coordinator starts the day on the workspace and should see at a glance how many event
proposals wait for moderation, which imports need a look, which actions are overdue and who
has not signed the agreement in force. Each app knows its own queue, so each registers it in
its AppConfig.ready() (core names no app, docs/decisions/0014)::

    from knotenpunkt.core import queues

    queues.register(
        "events.waiting",
        action="events.moderate",
        url_name="eventcalendar:manage",
        query="status=submitted",
        label=lambda count: ngettext("%(count)s event …", "%(count)s events …", count),
        count=lambda network: Event.objects.filter(network=network, status="submitted").count(),
        order=10,
    )

A queue is shown only to those who may act on it (`action`, core/policy.py), and its count
is asked only then: one query per queue shown.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .policy import can
from .urls_helpers import network_reverse


@dataclass(frozen=True)
class Queue:
    key: str
    action: str
    url_name: str
    label: Callable[[int], str]  # the sentence for a count, in the active language
    count: Callable[[object], int]  # count(network): one query
    order: int
    query: str = ""


@dataclass(frozen=True)
class Waiting:
    """One line of the dashboard: how many, said in words, and where the queue is."""

    key: str
    count: int
    label: str
    url: str


_queues: dict[str, Queue] = {}


def register(
    key: str,
    *,
    action: str,
    url_name: str,
    label: Callable[[int], str],
    count: Callable[[object], int],
    order: int,
    query: str = "",
) -> None:
    _queues[key] = Queue(key, action, url_name, label, count, order, query)


def unregister(key: str) -> None:
    _queues.pop(key, None)


def registered() -> list[Queue]:
    return sorted(_queues.values(), key=lambda queue: (queue.order, queue.key))


def waiting_for(user, network) -> list[Waiting]:
    """The queues the user may act on, with their counts (empty queues included: "0" is news)."""
    found = []
    for queue in registered():
        if not can(user, network, queue.action):
            continue
        count = queue.count(network)
        url = network_reverse(network, queue.url_name)
        found.append(
            Waiting(
                key=queue.key,
                count=count,
                label=queue.label(count),
                url=f"{url}?{queue.query}" if queue.query else url,
            )
        )
    return found
