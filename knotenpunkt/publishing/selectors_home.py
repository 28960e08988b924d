"""Reads of the home page's arrangement and its introduction (docs/decisions/0035)."""

from knotenpunkt.core.memo import network_memo

from .models import HomeBlock, StaticPage
from .selectors import LocalisedPage, _pick_translation
from .starter_texts import INTRODUCTION


def _stored(network) -> tuple[tuple[str, int, bool], ...]:
    """(template, position, shown) of the network's arranged blocks; read on every home page,
    changed rarely: memoised (HomeBlock renews the memo token, see apps.py)."""
    return network_memo(
        network,
        ("home-blocks",),
        lambda: tuple(
            HomeBlock.objects.filter(network=network).values_list("template", "position", "shown")
        ),
    )


def home_arrangement(network, registered: list[str]) -> list[tuple[str, bool]]:
    """(template, shown) of every registered block in the network's order.

    Blocks the coordinator never arranged (an app added one since) follow, in the registered
    order, shown; a stored block no app registers any more is left out.
    """
    stored = {template: (position, shown) for template, position, shown in _stored(network)}
    arranged = sorted((t for t in registered if t in stored), key=lambda t: stored[t][0])
    rest = [t for t in registered if t not in stored]
    return [(t, stored[t][1]) for t in arranged] + [(t, True) for t in rest]


def home_blocks_shown(network, registered: list[str]) -> list[str]:
    """What core's home page includes (registered with core.blocks in apps.py)."""
    return [template for template, shown in home_arrangement(network, registered) if shown]


def home_introduction(*, network, language: str) -> LocalisedPage | None:
    """The introduction in the reader's language, else the default language's; None if unwritten."""
    return network_memo(
        network, ("introduction", language), lambda: _introduction(network, language)
    )


def _introduction(network, language: str) -> LocalisedPage | None:
    page = (
        StaticPage.objects.filter(network=network, slug=INTRODUCTION)
        .prefetch_related("translations")
        .first()
    )
    if page is None:
        return None
    chosen = _pick_translation(
        page.translations.all(), language=language, default_language=network.default_language
    )
    if chosen is None:
        return None
    return LocalisedPage(page=page, translation=chosen, is_fallback=chosen.language != language)
