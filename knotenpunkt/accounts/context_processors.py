from django.utils.translation import get_language, gettext

from knotenpunkt.core import policy
from knotenpunkt.core.memo import network_memo
from knotenpunkt.core.navigation import ANY_ROLE, EVERYONE, main_entries
from knotenpunkt.core.urls_helpers import network_reverse


def roles(request):
    """The visitor's roles in the current network and the main navigation they open."""
    network = getattr(request, "network", None)
    user = getattr(request, "user", None)
    if network is None or user is None:
        return {"network_roles": frozenset(), "main_nav": ()}
    network_roles = policy.roles_of(user, network)
    return {
        "network_roles": network_roles,
        "main_nav": main_nav(network, network_roles, get_language()),
    }


def main_nav(network, network_roles: frozenset, language: str) -> tuple[dict, ...]:
    """The links the apps registered (core/navigation.py), each {"url", "label"}: the same on
    every page for a language and set of roles, so memoised (core/memo.py) rather than
    reversed and translated on every request."""

    def build():
        return tuple(
            {
                "url": network_reverse(network, entry.url_name, lang=language),
                "label": gettext(entry.label),
            }
            for entry in main_entries()
            if entry.action is EVERYONE
            or (entry.action == ANY_ROLE and network_roles)
            or (entry.action and network_roles & policy.action_named(entry.action).roles)
        )

    return network_memo(network, ("main nav", language, network_roles), build)
