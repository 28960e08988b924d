"""Access to the network's workspace follows contact positions.

Someone who no longer speaks for any member organisation does not need the member-contact
role; when a coordinator hands their role over, the handover can end it (an explicit choice:
a handover may be dated ahead, and some keep helping the network in another way).
"""

from knotenpunkt.accounts.models import NetworkRole, Role
from knotenpunkt.accounts.services import role_revoke

from .models import ContactPosition

MEMBER_CONTACT_ROLE = Role.MEMBER_CONTACT


def speaks_for_an_organisation(*, network, person, besides=None) -> bool:
    """Whether the person holds an open contact position here (other than `besides`)."""
    positions = ContactPosition.objects.filter(
        network=network, person=person, ended_on__isnull=True
    )
    if besides is not None:
        positions = positions.exclude(pk=besides.pk)
    return positions.exists()


def has_member_access(*, network, person) -> bool:
    """Whether the person's account holds the member-contact role in this network."""
    if person.user_id is None:
        return False
    return NetworkRole.objects.filter(
        network=network, user_id=person.user_id, role=MEMBER_CONTACT_ROLE
    ).exists()


def member_access_end(*, network, person, actor) -> bool:
    """Revoke the person's member-contact role unless they still hold an open contact position
    here; other roles (coordinator, city liaison) stay. Returns whether access ended."""
    if not has_member_access(network=network, person=person):
        return False
    if speaks_for_an_organisation(network=network, person=person):
        return False
    role_revoke(network=network, user=person.user, role=MEMBER_CONTACT_ROLE, actor=actor)
    return True
