from django.utils.translation import get_language, gettext, gettext_noop

from knotenpunkt.core import policy
from knotenpunkt.core.memo import network_memo
from knotenpunkt.core.urls_helpers import network_reverse

# The main navigation of network pages: URL name, label, and the action that shows the link
# (None: everyone; "": anyone with a role in the network).
MAIN_NAV = [
    ("core:home", gettext_noop("Home"), None),
    ("eventcalendar:calendar", gettext_noop("Events"), None),
    ("members:directory", gettext_noop("Members"), None),
    ("members:workspace", gettext_noop("Workspace"), ""),
    ("workinggroups:list", gettext_noop("Working groups"), ""),
    ("meetings:list", gettext_noop("Meetings"), ""),
    ("knowledge:page_list", gettext_noop("Knowledge"), ""),
    ("members:manage_list", gettext_noop("Manage"), "members.view_internal"),
    ("team:list", gettext_noop("Team"), "roles.manage"),
]


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
    """The links, each {"url", "label"}: the same on every page for a language and set of
    roles, so memoised (core/memo.py) rather than reversed and translated on every request."""

    def build():
        return tuple(
            {"url": network_reverse(network, name, lang=language), "label": gettext(label)}
            for name, label, action in MAIN_NAV
            if action is None
            or (action == "" and network_roles)
            or (action and network_roles & policy.action_named(action).roles)
        )

    return network_memo(network, ("main nav", language, network_roles), build)
