"""Working groups in the policy: who belongs to which group, and who leads it (core/policy.py).

The lead role is held per group, not per network, so it is a rule on the group: the
group's current leads who still have a role here (a lead whose role in the network was
withdrawn loses the group with it).
"""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

from .models import GroupMembership, WorkingGroup

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT


def _current(user, network):
    return GroupMembership.objects.with_scope(network=network).filter(
        network=network, left_on__isnull=True, person__user=user, person__erased_at__isnull=True
    )


def _group_ids(user, network) -> frozenset[int]:
    return frozenset(_current(user, network).values_list("group_id", flat=True))


def leads(user, network, group) -> bool:
    """Whether the user is a current lead of this group (None: of any group here)."""
    led = _current(user, network).filter(is_lead=True)
    return led.exists() if group is None else led.filter(group_id=group.pk).exists()


def group_of(obj) -> WorkingGroup | None:
    """The group an object belongs to: the group itself, a membership, a goal, a meeting."""
    return obj if isinstance(obj, WorkingGroup) else getattr(obj, "group", None)


def _leads_the_group(user, network, obj) -> bool:
    """A lead of the object's group (None: of any group here, e.g. to plan a meeting)."""
    if obj is None:
        return leads(user, network, None)
    group = group_of(obj)
    return group is not None and leads(user, network, group)


policy.register_group_source(_group_ids)

policy.declare("groups.view", roles={C, L, M})
policy.declare("groups.manage", roles={C})
policy.declare("groups.cadence", roles={C, L})
# Members, leads and goals of one group: the coordinator and the group's leads.
policy.declare("groups.lead", roles={C}, rule=_leads_the_group)
