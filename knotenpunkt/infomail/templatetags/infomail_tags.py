"""Template helpers that show the info mail on other apps' pages (core/blocks.py)."""

from django import template
from django.utils.translation import get_language

from ..selectors import next_scheduled, version_in

register = template.Library()


@register.simple_tag(takes_context=True)
def next_scheduled_mailing(context):
    """The next scheduled issue and its subject in the reader's language, or None."""
    mailing = next_scheduled(network=context["request"].network)
    if mailing is None:
        return None
    return {"mailing": mailing, "version": version_in(mailing, get_language())}
