"""The public pages of every network, for `sitemap.xml`: each app names its own.

Core imports no app, so an app registers a function from its AppConfig.ready()::

    from knotenpunkt.core import public_pages

    public_pages.register(news_pages)

`news_pages(network, languages)` yields (path, last change or None) of the pages anyone may
read, one per language in `languages`; it reads everything for all of them at once, so that
the sitemap costs a few queries per network, not per page.
"""

from collections.abc import Callable, Iterable

Source = Callable[[object, list[str]], Iterable[tuple[str, object]]]

_sources: list[Source] = []


def register(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def pages(network) -> list[tuple[str, object]]:
    """(path, last change or None) of every public page of `network` in each of its languages."""
    languages = list(network.languages)
    return [entry for source in _sources for entry in source(network, languages)]


def home_pages(network, languages):
    """The network's home page in each language (registered by core itself)."""
    from .urls_helpers import network_reverse

    for language in languages:
        yield network_reverse(network, "core:home", lang=language), None
