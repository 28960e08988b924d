import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English msgids, whatever catalogues are compiled."""
    with translation.override("en"):
        yield


@pytest.fixture
def member_contact(network):
    """A user who speaks for one organisation (open contact position) in `network`."""
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

    from .factories import ContactPositionFactory, OrganisationFactory, PersonFactory

    user = UserFactory(email="member@example.org")
    grant_role(user, network, "member_contact")
    person = PersonFactory(network=network, user=user, email=user.email)
    organisation = OrganisationFactory(network=network, name="Eigener Verein")
    ContactPositionFactory(organisation=organisation, person=person)
    user.own_organisation = organisation
    return user


@pytest.fixture
def count_queries():
    """Number of queries one GET makes (to compare pages with few and many rows)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(client, url):
        # Steady state: the first request fills the per-process memo (core/memo.py).
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries)

    return count
