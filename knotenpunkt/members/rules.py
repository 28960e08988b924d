"""Who may do what with the member registry (core/policy.py)."""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

from .selectors import organisations_spoken_for

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT


def speaks_for(user, network, organisation) -> bool:
    """A member contact acts for the organisations they hold an open position for."""
    if organisation is None or M not in policy.roles_of(user, network):
        return False
    return organisations_spoken_for(user=user, network=network).filter(pk=organisation.pk).exists()


def speaks_for_any(user, network) -> bool:
    if M not in policy.roles_of(user, network):
        return False
    return organisations_spoken_for(user=user, network=network).exists()


policy.declare("members.view_internal", roles={C, L})
policy.declare("members.manage", roles={C})
policy.declare("members.import", roles={C})
policy.declare("members.export", roles={C, L})
policy.declare("members.handover", roles={C})
policy.declare("agreements.manage", roles={C})
policy.declare("people.erase", roles={C})
# The page is open to member contacts; which organisation they may edit is theirs alone.
policy.declare("organisation.edit_own", roles={C, M})
# The note for a successor: the contact who holds the position, or the coordination.
policy.declare(
    "position.note",
    roles={C},
    rule=lambda user, network, position: (
        position is not None and position.person.user_id == user.pk
    ),
)
# Acting for one organisation (None: for any): its profile, its events, its registrations.
policy.declare(
    "organisation.act_for",
    roles={C},
    rule=lambda user, network, organisation: (
        speaks_for_any(user, network)
        if organisation is None
        else speaks_for(user, network, organisation)
    ),
)


def _leads_a_group(user, network, obj) -> bool:
    """Leads add people to their groups and owners to their actions: they pick from the lists.

    "groups.lead" is declared by the working groups; the policy asks it by name."""
    return policy.can(user, network, "groups.lead")


# The searchable person and organisation pickers (core/lookups.py): whoever fills the forms
# that offer the whole list of people or organisations.
policy.declare("people.pick", roles={C}, rule=_leads_a_group)
policy.declare("organisations.pick", roles={C}, rule=_leads_a_group)
