"""This app's public pages for sitemap.xml (core/public_pages.py): news, static pages, and the
easy-read and sign-language pages."""

from knotenpunkt.core.urls_helpers import network_reverse

from .models import StaticPage
from .selectors_news import news_published
from .starter_texts import OWN_PLACE


def publishing_pages(network, languages):
    news = list(news_published(network=network).only("pk", "updated_at"))
    pages = list(
        StaticPage.objects.filter(network=network, translations__isnull=False)
        .exclude(slug__in=OWN_PLACE)
        .distinct()
        .only("slug", "updated_at")
    )
    for language in languages:
        yield network_reverse(network, "publishing:news", lang=language), None
        for item in news:
            url = network_reverse(network, "publishing:news_item", lang=language, news_id=item.pk)
            yield url, item.updated_at
        for page in pages:
            url = network_reverse(network, "publishing:page", lang=language, slug=page.slug)
            yield url, page.updated_at
        yield network_reverse(network, "publishing:easy_read", lang=language), None
        yield network_reverse(network, "publishing:sign_language", lang=language), None
