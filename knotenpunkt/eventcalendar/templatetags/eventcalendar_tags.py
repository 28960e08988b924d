"""Template helpers that show the calendar on other apps' pages (core/blocks.py)."""

from dataclasses import dataclass

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from .. import selectors
from ..recurrence import Occurrence

register = template.Library()


@dataclass(frozen=True)
class HomeEvent:
    """One coming date of an event, with the event's text in the visitor's language."""

    occurrence: Occurrence
    text: selectors.LocalisedEvent

    @property
    def event(self):
        return self.occurrence.event


@register.simple_tag(takes_context=True)
def next_public_events(context, limit=3):
    """The next published dates for the network's home page."""
    network = context["request"].network
    language = get_language()
    return [
        HomeEvent(item, selectors.localised(item.event, language, network))
        for item in selectors.next_public_occurrences(
            network=network, now=timezone.now(), limit=limit
        )
    ]
