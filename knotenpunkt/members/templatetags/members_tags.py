"""Template helpers of the member pages: language names (`can_do` is a core builtin)."""

from django import template

from knotenpunkt.core.languages import language_name

register = template.Library()


@register.filter
def language_names(codes):
    return ", ".join(language_name(code) for code in codes or [])
