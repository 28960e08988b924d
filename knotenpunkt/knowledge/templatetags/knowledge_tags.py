"""Template helpers that show the knowledge base on other apps' pages."""

from django import template

from ..rules import access_for
from ..selectors import documents_visible, pages_visible, public_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def knowledge_of_group(context, group):
    """The group's wiki pages and documents that the visitor may read (for the group page)."""
    request = context["request"]
    access = access_for(user=request.user, network=request.network)
    return {
        "pages": list(pages_visible(network=request.network, access=access, group=group)),
        "documents": list(documents_visible(network=request.network, access=access, group=group)),
    }


@register.simple_tag(takes_context=True)
def public_pages_first(context, limit=5):
    """The first public pages (the network's home page links to the list of all of them)."""
    return {"pages": list(public_pages(network=context["request"].network)[:limit])}
