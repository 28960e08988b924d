"""The public calendar for sitemap.xml (core/public_pages.py)."""

from knotenpunkt.core.urls_helpers import network_reverse


def calendar_pages(network, languages):
    for language in languages:
        yield network_reverse(network, "eventcalendar:calendar", lang=language), None
