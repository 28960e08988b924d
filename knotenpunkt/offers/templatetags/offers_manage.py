"""Names on the workspace's offer pages: languages by any ISO code, categories by code."""

from django import template

from knotenpunkt.core.languages import language_name

from ..taxonomy import term_label

register = template.Library()


@register.filter
def any_language_name(code: str) -> str:
    """The name of any language an offer may be held in (also those Django does not know)."""
    return language_name(code)


@register.filter
def term_name(term) -> str:
    return term_label(term)
