"""Template helpers of the member pages: language names, the member count of the home page
(`can_do` is a core builtin)."""

from django import template

from knotenpunkt.core.languages import language_name

register = template.Library()


@register.filter
def language_names(codes):
    return ", ".join(language_name(code) for code in codes or [])


@register.simple_tag(takes_context=True)
def members_count(context):
    """How many organisations are members now (the network's home page)."""
    from ..selectors import members_count

    return members_count(network=context["request"].network)
