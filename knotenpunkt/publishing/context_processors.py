from django.utils.translation import get_language

from .selectors import footer_pages


def footer(request):
    """Links to the network's imprint, privacy and accessibility pages in every footer."""
    network = getattr(request, "network", None)
    if network is None:
        return {"footer_links": []}
    return {"footer_links": footer_pages(network=network, language=get_language())}
