"""Template helpers of the member pages: permission checks and language names."""

from django import template

from knotenpunkt.accounts.permissions import can

from ..languages import language_name

register = template.Library()


@register.simple_tag(takes_context=True)
def can_do(context, action):
    """`{% can_do "members.manage" as may_edit %}`: whether to show a button (views enforce it)."""
    request = context["request"]
    return can(request.user, request.network, action)


@register.filter
def language_names(codes):
    return ", ".join(language_name(code) for code in codes or [])
