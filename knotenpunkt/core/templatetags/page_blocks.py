"""`{% page_blocks "workspace" as fragments %}`: the fragments apps registered for a page;
`{% waiting_queues as queues %}`: what waits for the visitor (core/queues.py)."""

from django import template

from knotenpunkt.core import blocks, queues

register = template.Library()


@register.simple_tag(name="page_blocks")
def page_blocks_tag(page):
    return blocks.templates(page)


@register.simple_tag(name="waiting_queues", takes_context=True)
def waiting_queues_tag(context):
    request = context.get("request")
    if request is None or getattr(request, "network", None) is None:
        return []
    return queues.waiting_for(request.user, request.network)
