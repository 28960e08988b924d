"""The public knowledge pages for sitemap.xml (core/public_pages.py)."""

from knotenpunkt.core.urls_helpers import network_reverse

from .selectors import public_pages


def knowledge_pages(network, languages):
    pages = list(public_pages(network=network))
    for language in languages:
        yield network_reverse(network, "knowledge:public_pages", lang=language), None
        for page in pages:
            url = network_reverse(
                network, "knowledge:page_detail", lang=language, page_path=page.path
            )
            yield url, page.updated_at
