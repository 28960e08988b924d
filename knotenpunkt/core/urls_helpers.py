"""Reversing URLs of network pages without repeating lang and network everywhere."""

from django.urls import reverse
from django.utils.translation import get_language


def network_reverse(network, name: str, *, lang: str | None = None, **kwargs) -> str:
    lang = lang or get_language() or network.default_language
    if lang not in network.languages:
        lang = network.default_language
    return reverse(name, kwargs={"lang": lang, "network": network.slug, **kwargs})


def absolute_url(path: str) -> str:
    from django.conf import settings

    return settings.KNOTENPUNKT_BASE_URL.rstrip("/") + path
