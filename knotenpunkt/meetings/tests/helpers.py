from django.urls import reverse


def url(network, name: str, *, lang: str = "en", **kwargs) -> str:
    """A meeting page in English, so that assertions can read the msgids."""
    return reverse(f"meetings:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs})
