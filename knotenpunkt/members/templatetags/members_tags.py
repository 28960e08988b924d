"""Template helpers of the member pages: language names, the member count of the home page,
cells with their column (`can_do` is a core builtin)."""

from django import template

from knotenpunkt.core.formatting import format_local_list
from knotenpunkt.core.languages import language_name

register = template.Library()


@register.filter
def language_names(codes):
    return format_local_list(language_name(code) for code in codes or [])


@register.simple_tag(takes_context=True)
def members_count(context):
    """How many organisations are members now (the network's home page)."""
    from ..selectors import members_count

    return members_count(network=context["request"].network)


@register.filter
def with_labels(cells, columns):
    """(column label, cell) pairs: a table whose columns come from data still labels each cell,
    so stacked on a phone every value says which column it belongs to."""
    return [(column.label, cell) for column, cell in zip(columns, cells, strict=False)]
