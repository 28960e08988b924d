from django.utils.translation import get_language

from knotenpunkt.core.urls_helpers import network_reverse

from .selectors import footer_pages


def footer(request):
    """(url, title) of the network's imprint, privacy and accessibility pages in every footer."""
    network = getattr(request, "network", None)
    if network is None:
        return {"footer_links": []}
    language = get_language()
    return {
        "footer_links": [
            (network_reverse(network, "publishing:page", slug=slug, lang=language), title)
            for slug, title in footer_pages(network=network, language=language)
        ]
    }
