"""Reversing URLs of network pages without repeating lang and network everywhere."""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=4096)
def _reverse_cached(prefix: str, name: str, lang: str, slug: str, items: tuple) -> str:
    return reverse(name, kwargs={"lang": lang, "network": slug, **dict(items)})


def network_reverse(network, name: str, *, lang: str | None = None, **kwargs) -> str:
    """The URL of a network page; cached, since every page reverses the same links again.

    A page calls this some fifty times (navigation, one link per list row), so the cache key
    is built as cheaply as possible.
    """
    lang = lang or get_language() or network.default_language
    if lang != network.default_language and lang not in network.enabled_languages:
        lang = network.default_language
    items = tuple(sorted(kwargs.items())) if kwargs else ()
    return _reverse_cached(get_script_prefix(), name, lang, network.slug, items)


def absolute_url(path: str) -> str:
    from django.conf import settings

    return settings.KNOTENPUNKT_BASE_URL.rstrip("/") + path
