"""The one table of who may do what in a network (DESIGN.md §5).

A role grants an action in the whole network, except member contacts, whose
`*_own` actions apply only to the organisations they currently speak for.
"""

from django.core.exceptions import PermissionDenied

from knotenpunkt.core.memo import network_memo

from .models import Role

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT

PERMISSIONS: dict[str, frozenset[str]] = {
    "workspace.view": frozenset({C, L, M}),
    "members.view_internal": frozenset({C, L}),
    "members.manage": frozenset({C}),
    "members.import": frozenset({C}),
    "members.export": frozenset({C, L}),
    "members.handover": frozenset({C}),
    "agreements.manage": frozenset({C}),
    "people.erase": frozenset({C}),
    "audit.view": frozenset({C}),
    "network.settings": frozenset({C}),
    "roles.manage": frozenset({C}),
    "organisation.edit_own": frozenset({C, M}),
    "reports.view": frozenset({C, L}),
    "knowledge.view": frozenset({C, L, M}),
    "knowledge.view_all_groups": frozenset({C, L}),
    "knowledge.edit_all": frozenset({C}),
    "groups.view": frozenset({C, L, M}),
    "groups.manage": frozenset({C}),
    "groups.cadence": frozenset({C, L}),
    "meetings.view": frozenset({C, L, M}),
    "meetings.manage": frozenset({C}),
    "meetings.register": frozenset({C, M}),
    "meetings.figures": frozenset({C, L}),
    "events.submit": frozenset({C, M}),
    "events.moderate": frozenset({C}),
    "editions.manage": frozenset({C}),
    "events.sources": frozenset({C, M}),
    "events.sources_all": frozenset({C}),
}


def roles_of(user, network) -> frozenset[str]:
    """The user's roles in this network.

    Asked on every page (navigation, permission checks): kept on the user object for the
    request and memoised per process under the network's memo token, which every role grant
    or revocation renews (core/memo.py) — so a revoked role counts nowhere from the next request.
    """
    if not getattr(user, "is_authenticated", False) or network is None:
        return frozenset()
    cache = user.__dict__.setdefault("_network_roles_cache", {})
    if network.pk not in cache:
        cache[network.pk] = network_memo(
            network, ("roles", user.pk), lambda: _roles_from_database(user, network)
        )
    return cache[network.pk]


def _roles_from_database(user, network) -> frozenset[str]:
    from .models import NetworkRole

    return frozenset(
        NetworkRole.objects.with_scope(network=network)
        .filter(network=network, user=user)
        .values_list("role", flat=True)
    )


def can(user, network, action: str) -> bool:
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}")
    return bool(roles_of(user, network) & PERMISSIONS[action])


def require(user, network, action: str) -> None:
    """Raise PermissionDenied (HTTP 403) unless the user may do the action here."""
    if not can(user, network, action):
        raise PermissionDenied(action)
