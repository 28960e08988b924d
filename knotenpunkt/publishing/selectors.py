"""Reads of published content, in the visitor's language with a fallback."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, gettext_noop, override

from knotenpunkt.core.memo import network_memo

from .models import StaticPage, StaticPageTranslation
from .starter_texts import WITH_TEMPLATE, starter_text

# The pages every network starts with (receivers.py): where a page has no text in the
# visitor's language yet, the footer names it in that language rather than in the default's.
STANDARD_TITLES = {
    "imprint": gettext_noop("Imprint"),
    "privacy": gettext_noop("Privacy"),
    "accessibility": gettext_noop("Accessibility"),
}


@dataclass(frozen=True)
class LocalisedPage:
    page: StaticPage
    translation: StaticPageTranslation
    is_fallback: bool


def _pick_translation(translations, *, language: str, default_language: str):
    by_language = {item.language: item for item in translations}
    chosen = by_language.get(language) or by_language.get(default_language)
    if chosen is None and by_language:
        chosen = next(iter(by_language.values()))
    return chosen


def static_page_get(*, network, slug: str, language: str) -> LocalisedPage:
    page = get_object_or_404(
        StaticPage.objects.prefetch_related("translations"), network=network, slug=slug
    )
    chosen = _pick_translation(
        page.translations.all(), language=language, default_language=network.default_language
    )
    if chosen is None:
        raise Http404("page has no text")
    return LocalisedPage(page=page, translation=chosen, is_fallback=chosen.language != language)


def footer_pages(*, network, language: str) -> tuple[tuple[str, str], ...]:
    """(slug, title) of the pages linked in the footer, titles in the visitor's language.

    Shown on every page, changed a few times a year: memoised per process (core/memo.py).
    """
    return network_memo(
        network, ("footer", language), lambda: _footer_pages(network=network, language=language)
    )


def _footer_pages(*, network, language: str) -> tuple[tuple[str, str], ...]:
    translations = (
        StaticPageTranslation.objects.filter(network=network, page__in_footer=True)
        .select_related("page")
        .order_by("page__position", "page__slug")
    )
    by_page: dict[int, list[StaticPageTranslation]] = {}
    for translation in translations:
        by_page.setdefault(translation.page_id, []).append(translation)
    result = []
    for page_translations in by_page.values():
        chosen = _pick_translation(
            page_translations, language=language, default_language=network.default_language
        )
        title = chosen.title
        if chosen.language != language and chosen.page.slug in STANDARD_TITLES:
            with override(language):
                title = gettext(STANDARD_TITLES[chosen.page.slug])
        result.append((chosen.page.slug, title))
    return tuple(result)


def static_pages_with_texts(
    *, network
) -> list[tuple[StaticPage, dict[str, StaticPageTranslation]]]:
    """Every static page of the network with its texts by language, for the settings page;
    a page with a ready text the network lacks yet is listed too (unsaved, without texts)."""
    pages = list(StaticPage.objects.filter(network=network).prefetch_related("translations"))
    have = {page.slug for page in pages}
    result = [(page, {item.language: item for item in page.translations.all()}) for page in pages]
    missing = [slug for slug in WITH_TEMPLATE if slug not in have]
    return result + [(_unsaved_page(network, slug), {}) for slug in missing]


def _unsaved_page(network, slug: str) -> StaticPage:
    """A standard page not created yet: saved with its first text (services)."""
    return StaticPage(network=network, slug=slug, in_footer=False, position=len(WITH_TEMPLATE))


def static_page_text_get(*, network, slug: str, language: str):
    """The page and its text in `language` (None if it has none yet); 404 for another network."""
    if language not in network.languages:
        raise Http404("language not offered")
    page = StaticPage.objects.filter(network=network, slug=slug).first()
    if page is None:
        if slug not in WITH_TEMPLATE:
            raise Http404("no such page")
        return _unsaved_page(network, slug), None
    return page, StaticPageTranslation.objects.filter(page=page, language=language).first()


@dataclass(frozen=True)
class ShownText:
    """A text to show: the coordinator's (in the reader's language or the default), or the
    ready one of starter_texts when nobody wrote one yet."""

    title: str
    body: str
    language: str
    is_fallback: bool


def static_page_or_starter(*, network, slug: str, language: str) -> ShownText:
    try:
        localised = static_page_get(network=network, slug=slug, language=language)
    except Http404:
        title, body = starter_text(slug, network=network, language=language)
        return ShownText(title=title, body=body, language=language, is_fallback=False)
    text = localised.translation
    return ShownText(text.title, text.body, text.language, localised.is_fallback)
