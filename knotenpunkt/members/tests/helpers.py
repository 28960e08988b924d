from django.urls import reverse


def url(network, name: str, *, lang: str = "en", **kwargs) -> str:
    """A network page in English, so that assertions can read the msgids."""
    return reverse(f"members:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs})
