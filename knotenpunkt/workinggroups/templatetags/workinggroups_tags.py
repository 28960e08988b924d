"""Template helpers that show working groups on the workspace dashboard."""

from django import template

from ..selectors import groups_of_user

register = template.Library()


@register.simple_tag(takes_context=True)
def my_groups(context):
    request = context["request"]
    return list(groups_of_user(user=request.user, network=request.network))
