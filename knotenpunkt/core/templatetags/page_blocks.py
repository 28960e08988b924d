"""`{% page_blocks "workspace" as fragments %}`: the fragments apps registered for a page."""

from django import template

from knotenpunkt.core import blocks

register = template.Library()


@register.simple_tag(name="page_blocks")
def page_blocks_tag(page):
    return blocks.templates(page)
