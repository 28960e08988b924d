"""Django's admin for installation operators: accounts with their roles."""

import pytest

from knotenpunkt.accounts.models import Role, User
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

pytestmark = pytest.mark.django_db

ADMIN = "/operator-admin/accounts/user/"


@pytest.fixture
def operator_client(client):
    client.force_login(User.objects.create_superuser("operator@example.org", "operator pass 1"))
    return client


def test_operators_find_accounts_and_see_their_roles(operator_client, network):
    user = UserFactory(email="anna@example.org")
    grant_role(user, network, Role.COORDINATOR)
    listing = operator_client.get(f"{ADMIN}?q=anna")
    assert listing.status_code == 200
    assert "anna@example.org" in listing.text
    change = operator_client.get(f"{ADMIN}{user.pk}/change/")
    assert change.status_code == 200
    assert "Netzwerk Musterstadt" in change.text


def test_operators_create_accounts_that_can_log_in(operator_client, client):
    response = operator_client.post(
        f"{ADMIN}add/",
        {
            "email": "Neu@Example.org",
            "usable_password": "true",
            "password1": "Sonnenblume-4711",
            "password2": "Sonnenblume-4711",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="neu@example.org")
    assert user.check_password("Sonnenblume-4711")


def test_network_users_do_not_get_into_the_admin(client, coordinator):
    client.force_login(coordinator)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert "/operator-admin/login/" in response["Location"]


def test_operators_can_delete_an_account_with_roles(operator_client, network):
    user = UserFactory(email="weg@example.org")
    grant_role(user, network, Role.MEMBER_CONTACT)
    assert operator_client.get(f"{ADMIN}{user.pk}/delete/").status_code == 200
    response = operator_client.post(f"{ADMIN}{user.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(email="weg@example.org").exists()
