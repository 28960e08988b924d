"""Reads of the network's news: what visitors see (published) and what the coordinator sees."""

from dataclasses import dataclass

from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import NewsItem, NewsTranslation
from .selectors import _pick_translation

LATEST_COUNT = 3


@dataclass(frozen=True)
class LocalisedNews:
    item: NewsItem
    translation: NewsTranslation
    is_fallback: bool


def _localised(items, *, network, language: str) -> list[LocalisedNews]:
    result = []
    for item in items:
        chosen = _pick_translation(
            item.translations.all(), language=language, default_language=network.default_language
        )
        if chosen is not None:
            result.append(LocalisedNews(item, chosen, chosen.language != language))
    return result


def _published(network):
    return NewsItem.objects.filter(
        network=network, published_at__isnull=False, published_at__lte=timezone.now()
    ).prefetch_related(Prefetch("translations", NewsTranslation.objects.order_by("language")))


def news_published(*, network):
    """Published news, newest first (a queryset, for paging): two queries a page."""
    return _published(network).order_by("-published_at", "-pk")


def news_localised(page, *, network, language: str) -> list[LocalisedNews]:
    return _localised(page, network=network, language=language)


def news_latest(*, network, language: str) -> list[LocalisedNews]:
    items = news_published(network=network)[:LATEST_COUNT]
    return _localised(items, network=network, language=language)


def news_public_get(*, network, news_id: int, language: str) -> LocalisedNews:
    """A published item of this network in the reader's language (404 otherwise)."""
    item = get_object_or_404(_published(network), pk=news_id)
    localised = _localised([item], network=network, language=language)
    if not localised:
        raise Http404("news without text")
    return localised[0]


def news_for_coordinator(*, network):
    """Every item, drafts first, with its texts (for the news list in the workspace)."""
    return (
        NewsItem.objects.filter(network=network)
        .prefetch_related("translations")
        .order_by(F("published_at").desc(nulls_first=True), "-created_at")
    )


def news_get(*, network, news_id: int) -> NewsItem:
    return get_object_or_404(
        NewsItem.objects.prefetch_related("translations"), network=network, pk=news_id
    )
