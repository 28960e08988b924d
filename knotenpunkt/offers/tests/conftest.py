import pytest
from django.utils import translation

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.members.tests.factories import (
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English msgids, whatever catalogues are compiled."""
    with translation.override("en"):
        yield


@pytest.fixture
def member_contact(network):
    """A member contact who speaks for "Sprachschule Nord"; `.own_organisation` is it."""
    user = UserFactory(email="member@example.org", preferred_language="tr")
    grant_role(user, network, "member_contact")
    person = PersonFactory(network=network, user=user, email=user.email, full_name="Mia Mitglied")
    organisation = OrganisationFactory(network=network, name="Sprachschule Nord")
    ContactPositionFactory(organisation=organisation, person=person)
    user.person = person
    user.own_organisation = organisation
    return user


@pytest.fixture
def member_client(client, member_contact):
    client.force_login(member_contact)
    return client


@pytest.fixture
def competitor(network):
    """Another member organisation, whose offers the member contact must not touch."""
    return OrganisationFactory(network=network, name="Sprachschule Süd")
