"""The account home (networks, roles, settings) and the GDPR data export."""

import json

import pytest
from django.conf import settings

from knotenpunkt.accounts.models import Role
from knotenpunkt.accounts.services import invitation_create
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.members.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(network, other_network):
    user = UserFactory(email="anna@example.org", full_name="Anna Alt")
    grant_role(user, network, Role.COORDINATOR)
    grant_role(user, network, Role.MEMBER_CONTACT)
    grant_role(user, other_network, Role.CITY_LIAISON)
    return user


def test_the_account_lists_every_network_with_its_roles_and_links(client, user):
    client.force_login(user)
    response = client.get("/accounts/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = response.text
    assert "Netzwerk Musterstadt" in text and "Netzwerk Beispielhausen" in text
    assert "Coordinator" in text and "Member contact" in text and "City liaison" in text
    assert 'href="/en/musterstadt/"' in text
    assert 'href="/en/beispielhausen/workspace/"' in text
    assert 'href="/accounts/export/"' in text
    assert 'href="/accounts/password-change/"' in text


def test_the_account_needs_a_login(client):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_account_page_needs_the_same_queries_for_many_networks(
    client, user, django_assert_max_num_queries
):
    for number in range(10):
        grant_role(user, NetworkFactory(slug=f"stadt{number}"), Role.MEMBER_CONTACT)
    client.force_login(user)
    # session, user, roles with their networks, open erasure requests: none per network
    with django_assert_max_num_queries(4):
        response = client.get("/accounts/")
    assert response.text.count('class="card card--accent"') == 12


def test_the_preferred_language_is_saved_and_used(client, user):
    client.force_login(user)
    response = client.post("/accounts/", {"full_name": "Anna Neu", "preferred_language": "uk"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Anna Neu", "uk")
    assert 'lang="uk"' in client.get("/accounts/").text


def test_an_unknown_language_is_refused_at_its_field(client, user):
    client.force_login(user)
    response = client.post(
        "/accounts/",
        {"full_name": "Anna", "preferred_language": "xx"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.context["form"].errors["preferred_language"][0]
    assert 'href="#id_preferred_language"' in response.text
    user.refresh_from_db()
    assert user.preferred_language == "de"


def test_the_export_is_a_json_download_of_everything_about_the_user(
    client, user, network, other_network
):
    Person.objects.create(
        network=network, full_name="Anna Alt", email="anna@example.org", user=user
    )
    invitation_create(
        network=other_network, email="Anna@example.org", role="coordinator", actor=None
    )
    stranger = UserFactory(email="stranger@example.org")
    grant_role(stranger, network, Role.COORDINATOR)
    client.force_login(user)

    response = client.get("/accounts/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="knotenpunkt-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["full_name"] == "Anna Alt"
    assert data["account"]["preferred_language"] == "de"
    assert data["account"]["date_joined"]
    assert sorted((r["network"]["slug"], r["role"]) for r in data["roles"]) == [
        ("beispielhausen", "city_liaison"),
        ("musterstadt", "coordinator"),
        ("musterstadt", "member_contact"),
    ]
    assert [(i["network"]["slug"], i["role"]) for i in data["invitations"]] == [
        ("beispielhausen", "coordinator")
    ]
    assert [p["name"] for p in data["contact_persons"]] == ["Anna Alt"]
    assert "stranger@example.org" not in response.content.decode()


def test_the_export_needs_a_login(client):
    response = client.get("/accounts/export/")
    assert response.status_code == 302
