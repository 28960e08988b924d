"""The routes generated tests walk, read from the URL conf (so a new view is walked at once)."""

from dataclasses import dataclass

from django.urls import URLResolver, get_resolver

from .objects import NETWORK_MARKER

WALKED_PREFIXES = ("accounts/", "feeds/", "api/")


@dataclass(frozen=True)
class Route:
    name: str
    keywords: tuple[str, ...]
    callback: object
    in_network: bool


def routes(patterns=None) -> list[Route]:
    """The routes the tests walk: network pages, account pages, feeds and the HSDS API."""
    found = []

    def walk(entries, prefix, namespace, outer):
        for entry in entries:
            route = prefix + str(entry.pattern)
            keywords = outer | set(entry.pattern.regex.groupindex)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route, entry.namespace or namespace, keywords)
                continue
            in_network = NETWORK_MARKER in route
            if not (in_network or route.startswith(WALKED_PREFIXES)):
                continue
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            keywords = tuple(sorted(keywords - {"lang", "network"}))
            found.append(Route(name, keywords, entry.callback, in_network))

    walk(get_resolver().url_patterns if patterns is None else patterns, "", None, set())
    return found
