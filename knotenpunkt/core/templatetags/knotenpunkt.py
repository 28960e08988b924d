"""Template helpers that every page uses: network URLs, languages, markdown, permissions."""

from django import template
from django.utils.safestring import mark_safe

from .. import policy
from ..text import render_markdown
from ..urls_helpers import network_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def net_url(context, name, **kwargs):
    """`{% net_url "members:detail" organisation_id=1 %}` inside the current network."""
    return network_reverse(context["request"].network, name, **kwargs)


@register.filter
def markdown(value):
    """Markdown rendered and sanitised; safe to put into a page."""
    return mark_safe(render_markdown(value or ""))


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for sorting and paging)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def can_do(context, action):
    """`{% can_do "members.manage" as may_edit %}`: whether to show a button (views enforce it)."""
    request = context["request"]
    return policy.can(request.user, request.network, action)


@register.filter
def label_without_suffix(bound_field):
    """A checkbox's label after the box: no colon, which only suits a label before a field."""
    return bound_field.label_tag(label_suffix="")
