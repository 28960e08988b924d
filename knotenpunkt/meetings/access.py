"""Who may do what with meetings: the network roles of permissions.py plus the group lead.

The working-group lead role is held per group (workinggroups.permissions.can_lead), so it
cannot live in the role × action table; these helpers combine both.
"""

from django.core.exceptions import PermissionDenied

from knotenpunkt.accounts.permissions import can
from knotenpunkt.members.selectors import organisations_spoken_for, persons_for_choice
from knotenpunkt.workinggroups.permissions import can_lead
from knotenpunkt.workinggroups.selectors import groups_list, groups_of_user


def may_manage(user, meeting) -> bool:
    """Coordinators run every meeting; a group's leads run that group's meetings."""
    if can(user, meeting.network, "meetings.manage"):
        return True
    return meeting.group_id is not None and can_lead(user, meeting.group)


def require_manage(user, meeting) -> None:
    if not may_manage(user, meeting):
        raise PermissionDenied("meetings.manage")


def groups_for_meetings(user, network, *, active_only: bool = True):
    """The groups whose meetings the user may plan: all for coordinators, else those they lead."""
    if can(user, network, "meetings.manage"):
        return groups_list(network=network, active_only=active_only)
    return groups_of_user(user=user, network=network).filter(leads_it=True)


def may_create(user, network) -> bool:
    return can(user, network, "meetings.manage") or groups_for_meetings(user, network).exists()


def registrable_persons(user, meeting):
    """Whom the user may register: anyone (managers), else people of their own organisations."""
    network = meeting.network
    if may_manage(user, meeting):
        return persons_for_choice(network=network)
    if not can(user, network, "meetings.register"):
        return persons_for_choice(network=network).none()
    own = organisations_spoken_for(user=user, network=network)
    return (
        persons_for_choice(network=network)
        .filter(positions__organisation__in=own, positions__ended_on__isnull=True)
        .distinct()
    )


def may_register(user, meeting) -> bool:
    return may_manage(user, meeting) or can(user, meeting.network, "meetings.register")


def may_cancel(user, registration) -> bool:
    """Managers, whoever made the registration, the person, and their organisation's contacts."""
    if may_manage(user, registration.meeting):
        return True
    if registration.registered_by_id == user.pk or registration.person.user_id == user.pk:
        return True
    if registration.organisation_id is None:
        return False
    own = organisations_spoken_for(user=user, network=registration.meeting.network)
    return own.filter(pk=registration.organisation_id).exists()


def may_complete(user, item) -> bool:
    """The owner of an action item marks it done, and so do those who run its meeting."""
    owner = item.owner
    if owner is not None and owner.user_id == user.pk and not owner.is_erased:
        return True
    return may_manage(user, item.meeting)
