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
    """A member contact who speaks for "Eigener Verein"; `.person` is their own contact person."""
    user = UserFactory(email="member@example.org")
    grant_role(user, network, "member_contact")
    person = PersonFactory(network=network, user=user, email=user.email, full_name="Mia Mitglied")
    organisation = OrganisationFactory(network=network, name="Eigener Verein")
    ContactPositionFactory(organisation=organisation, person=person)
    user.person = person
    user.own_organisation = organisation
    return user


@pytest.fixture
def colleague(member_contact):
    """Another person of the member contact's organisation (registrable by them)."""
    person = PersonFactory(
        network=member_contact.own_organisation.network,
        full_name="Cem Kollege",
        email="cem@example.org",
    )
    ContactPositionFactory(
        organisation=member_contact.own_organisation, person=person, role="deputy contact"
    )
    return person


@pytest.fixture
def ics_of():
    """The parsed text/calendar part of a mail read from the SMTP server."""
    from icalendar import Calendar

    def parse(message):
        parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
        assert len(parts) == 1, "expected exactly one calendar part"
        assert parts[0].get_param("method")
        return Calendar.from_ical(parts[0].get_content()), parts[0].get_param("method")

    return parse
