"""A member contact invited for an organisation becomes its contact on accepting.

Accounts cannot know organisations (it is the lower layer), so it sends `invitation_accepted`
and this module, connected in members/receivers.py, does the members' part in the same
transaction: the account gets its contact person in the network (the one it already has, the
one with its address, or a new one) and an open position at the organisation from today.
"""

from knotenpunkt.core.dates import network_today

from .models import ContactPosition, Person
from .services import person_create, position_open


def _person_for(*, network, user) -> Person:
    """The account's contact person here: linked, found by address, or new (with the name
    the invited person gave when creating the account)."""
    person = Person.objects.filter(network=network, user=user, erased_at__isnull=True).first()
    if person is None:
        person = Person.objects.filter(
            network=network, email__iexact=user.email, user__isnull=True, erased_at__isnull=True
        ).first()
    if person is None:
        # The system acts on the coordination's invitation (actor None, core/policy.py).
        person = person_create(
            network=network,
            actor=None,
            full_name=user.full_name or user.email.split("@", 1)[0],
            email=user.email,
            languages=[user.preferred_language],
        )
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return person


def contact_from_invitation(*, invitation, user) -> ContactPosition | None:
    """Make the invited member contact a contact of the invitation's organisation (if any)."""
    organisation = invitation.organisation
    if organisation is None:
        return None
    network = invitation.network
    person = invitation.person or _person_for(network=network, user=user)
    open_position = ContactPosition.objects.filter(
        organisation=organisation, person=person, ended_on__isnull=True
    ).first()
    if open_position is not None:
        return open_position
    return position_open(
        organisation=organisation,
        actor=None,
        started_on=network_today(network),
        person=person,
    )
