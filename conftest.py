"""Fixtures shared by every app's tests and the browser tests."""

import pytest
from django_scopes import scopes_disabled

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.tests.factories import NetworkFactory


@pytest.fixture(autouse=True)
def _scopes_off_in_test_code():
    """Test set-up may query freely; requests still run inside their network's scope."""
    with scopes_disabled():
        yield


@pytest.fixture
def network(db):
    return NetworkFactory(slug="musterstadt", name="Netzwerk Musterstadt", city="Musterstadt")


@pytest.fixture
def other_network(db):
    return NetworkFactory(
        slug="beispielhausen", name="Netzwerk Beispielhausen", city="Beispielhausen"
    )


@pytest.fixture
def coordinator(network):
    user = UserFactory(email="coordinator@example.org")
    grant_role(user, network, "coordinator")
    return user


@pytest.fixture
def city_liaison(network):
    user = UserFactory(email="city@example.org")
    grant_role(user, network, "city_liaison")
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
