from django.urls import reverse


def url(network, name: str, *, lang: str = "en", **kwargs) -> str:
    """A knowledge page of the network in English, so that assertions can read the msgids."""
    return reverse(f"knowledge:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs})


def page_url(page, **kwargs) -> str:
    return url(page.network, "page_detail", page_path=page.path, **kwargs)
