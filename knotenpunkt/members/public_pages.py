"""The public member directory for sitemap.xml (core/public_pages.py)."""

from knotenpunkt.core.urls_helpers import network_reverse


def directory_pages(network, languages):
    for language in languages:
        yield network_reverse(network, "members:directory", lang=language), None
