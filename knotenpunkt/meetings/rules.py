"""Who may do what with meetings (core/policy.py).

The coordinator runs every meeting; a working group's current leads run that group's
meetings. Registrations are cancelled by whoever made them, the person, their organisation's
contacts and those who run the meeting; action items are marked done by their owner too.
"""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

from .models import Meeting

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT


def meeting_of(obj) -> Meeting:
    """The meeting an object belongs to: the meeting itself, a session, an agenda item, …"""
    return obj if isinstance(obj, Meeting) else obj.meeting


def _runs(user, network, obj) -> bool:
    if obj is None:
        return False
    meeting = meeting_of(obj)
    return meeting.group_id is not None and policy.can(user, network, "groups.lead", meeting.group)


def _plans(user, network, group) -> bool:
    """Leads plan meetings of their groups (group None: of any group they lead)."""
    return policy.can(user, network, "groups.lead", group)


def _cancels(user, network, registration) -> bool:
    if registration is None:
        return False
    if user.pk in (registration.registered_by_id, registration.person.user_id):
        return True
    if _runs(user, network, registration):
        return True
    organisation = registration.organisation
    return organisation is not None and policy.can(
        user, network, "organisation.act_for", organisation
    )


def _completes(user, network, item) -> bool:
    if item is None:
        return False
    owner = item.owner
    if owner is not None and owner.user_id == user.pk and not owner.is_erased:
        return True
    return _runs(user, network, item)


policy.declare("meetings.view", roles={C, L, M})
policy.declare("meetings.figures", roles={C, L})
policy.declare("meetings.plan", roles={C}, rule=_plans)
policy.declare("meetings.manage", roles={C}, rule=_runs)
policy.declare("meetings.register", roles={C, M}, rule=_runs)
policy.declare("meetings.cancel_registration", roles={C}, rule=_cancels)
policy.declare("meetings.complete_item", roles={C}, rule=_completes)
