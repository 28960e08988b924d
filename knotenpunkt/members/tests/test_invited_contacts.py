"""An invited member contact becomes the contact of the organisation they were invited for."""

import pytest

from knotenpunkt.accounts.models import Role
from knotenpunkt.accounts.services import invitation_accept, invitation_create
from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused
from knotenpunkt.members.models import ContactPosition, Person
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(network):
    return OrganisationFactory(network=network, name="Frauentreff Nord")


def _accept(network, organisation, user):
    invitation = invitation_create(
        network=network,
        email=user.email,
        role=Role.MEMBER_CONTACT,
        actor=None,
        organisation=organisation,
    )
    invitation_accept(invitation=invitation, user=user)


def test_the_person_with_the_address_is_linked_and_becomes_the_contact(
    network, organisation, clock
):
    clock.move_to("2030-03-02T09:00")
    person = PersonFactory(network=network, email="nora@example.org", full_name="Nora Neu")
    user = UserFactory(email="nora@example.org")
    _accept(network, organisation, user)
    person.refresh_from_db()
    assert person.user == user
    [position] = ContactPosition.objects.filter(organisation=organisation)
    assert (position.person, position.started_on.isoformat()) == (person, "2030-03-02")
    assert AuditEntry.objects.filter(action="position.open").exists()


def test_without_a_person_one_is_made_from_the_account(network, organisation):
    user = UserFactory(email="neu@example.org", full_name="Nora Neu")
    _accept(network, organisation, user)
    person = Person.objects.get(network=network, user=user)
    assert (person.full_name, person.email) == ("Nora Neu", "neu@example.org")
    assert person.positions.get().organisation == organisation


def test_a_contact_already_is_not_made_one_twice(network, organisation):
    user = UserFactory(email="neu@example.org")
    _accept(network, organisation, user)
    _accept(network, organisation, user)
    assert ContactPosition.objects.filter(organisation=organisation).count() == 1


def test_only_a_member_contact_is_invited_for_an_organisation(network, organisation):
    with refused(
        "Only a member contact speaks for an organisation of this network.", field="organisation"
    ):
        invitation_create(
            network=network,
            email="x@example.org",
            role=Role.CITY_LIAISON,
            actor=None,
            organisation=organisation,
        )
