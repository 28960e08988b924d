from .permissions import can, roles_of


def roles(request):
    """The visitor's roles in the current network, for showing the right navigation."""
    network = getattr(request, "network", None)
    user = getattr(request, "user", None)
    if network is None or user is None:
        return {"network_roles": set(), "can_manage": False, "can_manage_roles": False}
    return {
        "network_roles": roles_of(user, network),
        "can_manage": can(user, network, "members.view_internal"),
        "can_manage_roles": can(user, network, "roles.manage"),
    }
