"""The working-group lead role: held per group, not per network (DESIGN.md §5).

Leads edit their own group (members, leads, goals); the meetings app asks the same
question for the group's meetings, minutes and actions.
"""

from django.core.exceptions import PermissionDenied

from knotenpunkt.accounts.permissions import can, roles_of

from .models import GroupMembership


def can_lead(user, group) -> bool:
    """The network's coordinator, or a current lead of this group who still has a role here.

    A lead whose role in the network was withdrawn loses the group with it.
    """
    network = group.network
    if can(user, network, "groups.manage"):
        return True
    if not roles_of(user, network):
        return False
    return (
        GroupMembership.objects.with_scope(network=network)
        .filter(
            network=network,
            group=group,
            is_lead=True,
            left_on__isnull=True,
            person__user=user,
            person__erased_at__isnull=True,
        )
        .exists()
    )


def require_lead(user, group) -> None:
    """Raise PermissionDenied (HTTP 403) unless the user may run this group."""
    if not can_lead(user, group):
        raise PermissionDenied("groups.lead")
