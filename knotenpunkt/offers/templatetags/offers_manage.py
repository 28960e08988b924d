"""Names on the workspace's offer pages: languages by any ISO code, categories by code."""

from django import template

from knotenpunkt.core.languages import language_name

from ..selectors import services_to_confirm_count
from ..taxonomy import term_label

register = template.Library()


@register.filter
def any_language_name(code: str) -> str:
    """The name of any language an offer may be held in (also those Django does not know)."""
    return language_name(code)


@register.filter
def term_name(term) -> str:
    return term_label(term)


@register.simple_tag(takes_context=True)
def offers_to_confirm(context) -> int:
    """For the workspace block: the person's offers that wait for a confirmation."""
    request = context["request"]
    return services_to_confirm_count(user=request.user, network=request.network)
