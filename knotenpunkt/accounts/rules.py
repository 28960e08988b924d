"""Where roles come from, and the actions of the network as a whole (core/policy.py)."""

from knotenpunkt.core import policy

from .models import NetworkRole, Role

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT


def _roles_from_database(user, network) -> frozenset[str]:
    return frozenset(
        NetworkRole.objects.with_scope(network=network)
        .filter(network=network, user=user)
        .values_list("role", flat=True)
    )


policy.register_role_source(_roles_from_database)

policy.declare("workspace.view", roles={C, L, M})
policy.declare("roles.manage", roles={C})
policy.declare("audit.view", roles={C})
# Search finds every entry of the network for these roles, group entries included.
policy.declare("search.all_entries", roles={C, L})
