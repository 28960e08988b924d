"""The home page's introduction and latest news blocks ask here for their data."""

from django import template
from django.utils.translation import get_language

from knotenpunkt.publishing.selectors_home import home_introduction
from knotenpunkt.publishing.selectors_news import news_latest

register = template.Library()


@register.simple_tag(takes_context=True)
def introduction(context):
    return home_introduction(network=context["request"].network, language=get_language())


@register.simple_tag(takes_context=True)
def latest_news(context):
    return news_latest(network=context["request"].network, language=get_language())
