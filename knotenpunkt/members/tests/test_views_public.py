"""The public directory and the member contact's workspace."""

import datetime

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry

from .factories import ContactPositionFactory, MembershipFactory, OrganisationFactory, kind_of
from .helpers import url

pytestmark = pytest.mark.django_db

D = datetime.date


def listed_organisations(network, count, **kwargs):
    for number in range(count):
        organisation = OrganisationFactory(
            network=network, public_listing=True, joined_on=D(2020, 1, 1), **kwargs
        )
        ContactPositionFactory(organisation=organisation, person__full_name=f"Privat {number}")


# Directory -------------------------------------------------------------------------------


def test_directory_lists_consenting_current_members_without_personal_data(client, network):
    listed = OrganisationFactory(
        network=network,
        name="Stadtteilmütter",
        public_listing=True,
        website="https://stadtteilmuetter.example",
        languages=["ar", "tr"],
        email="info@stadtteilmuetter.example",
        phone="0301234567",
        joined_on=D(2020, 1, 1),
    )
    ContactPositionFactory(
        organisation=listed, person__full_name="Geheime Person", person__email="geheim@example.org"
    )
    OrganisationFactory(network=network, name="Ohne Zustimmung", joined_on=D(2020, 1, 1))
    former = OrganisationFactory(network=network, name="Ausgetreten", public_listing=True)
    MembershipFactory(organisation=former, left_on=D(2021, 1, 1))

    response = client.get(url(network, "directory"))

    assert response.status_code == 200
    text = response.text
    assert "Stadtteilmütter" in text
    assert "https://stadtteilmuetter.example" in text
    assert "Arabic" in text and "Turkish" in text
    assert "Ohne Zustimmung" not in text and "Ausgetreten" not in text
    for private in ("Geheime Person", "geheim@example.org", "0301234567", "info@stadtteil"):
        assert private not in text


def test_directory_search_and_kind_filter(client, network):
    OrganisationFactory(
        network=network,
        name="Sprachschule Babel",
        kind=kind_of(network, "education"),
        public_listing=True,
        joined_on=D(2020, 1, 1),
    )
    OrganisationFactory(
        network=network, name="Sportverein", public_listing=True, joined_on=D(2020, 1, 1)
    )
    response = client.get(url(network, "directory"), {"kind": "education"})
    assert "Sprachschule Babel" in response.text and "Sportverein" not in response.text
    response = client.get(url(network, "directory"), {"q": "sport"})
    assert "Sportverein" in response.text and "Sprachschule Babel" not in response.text


def test_directory_shows_only_its_own_network(client, network, other_network):
    OrganisationFactory(
        network=other_network, name="Anderswo e.V.", public_listing=True, joined_on=D(2020, 1, 1)
    )
    assert "Anderswo e.V." not in client.get(url(network, "directory")).text


def test_directory_query_count_does_not_grow_with_rows(client, network, count_queries):
    listed_organisations(network, 3)
    few = count_queries(client, url(network, "directory"))
    listed_organisations(network, 30)
    assert count_queries(client, url(network, "directory")) == few


# Workspace -------------------------------------------------------------------------------


def test_workspace_needs_a_login(client, network):
    response = client.get(url(network, "workspace"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_workspace_lists_the_organisations_the_user_speaks_for(client, network, member_contact):
    OrganisationFactory(network=network, name="Nicht meiner")
    client.force_login(member_contact)
    response = client.get(url(network, "workspace"))
    assert response.status_code == 200
    assert "Eigener Verein" in response.text
    assert "Nicht meiner" not in response.text
    edit = url(
        network,
        "workspace_organisation_edit",
        organisation_id=member_contact.own_organisation.pk,
    )
    assert edit in response.text


def test_member_contact_edits_their_own_organisation(client, network, member_contact):
    organisation = member_contact.own_organisation
    client.force_login(member_contact)
    edit = url(network, "workspace_organisation_edit", organisation_id=organisation.pk)
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "street": "Neue Straße 5",
            "postal_code": "12345",
            "city": "Musterstadt",
            "website": "verein.example",
            "email": "",
            "phone": "",
            "languages": "de, uk",
            "description": "Wir beraten auf Ukrainisch.",
            "public_listing": "on",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.street == "Neue Straße 5"
    assert organisation.website == "https://verein.example"
    assert organisation.languages == ["de", "uk"]
    assert organisation.public_listing and organisation.public_listing_changed_at
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.actor == member_contact


def test_member_contact_gets_404_for_someone_elses_organisation(client, network, member_contact):
    other = OrganisationFactory(network=network, name="Fremder Verein")
    client.force_login(member_contact)
    edit = url(network, "workspace_organisation_edit", organisation_id=other.pk)
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"street": "Gekapert"}).status_code == 404
    other.refresh_from_db()
    assert other.street != "Gekapert"


def test_member_contact_loses_editing_when_the_role_was_handed_over(
    client, network, member_contact
):
    position = member_contact.own_organisation.positions.get()
    position.ended_on = D(2024, 1, 1)
    position.save()
    client.force_login(member_contact)
    edit = url(
        network, "workspace_organisation_edit", organisation_id=member_contact.own_organisation.pk
    )
    assert client.get(edit).status_code == 404


def test_coordinator_may_edit_any_profile_through_the_workspace(coordinator_client, network):
    organisation = OrganisationFactory(network=network)
    edit = url(network, "workspace_organisation_edit", organisation_id=organisation.pk)
    response = coordinator_client.post(edit, {"city": "Musterstadt", "website": "not a url"})
    assert response.status_code == 200
    assert "Enter a valid URL." in response.text
    response = coordinator_client.post(edit, {"city": "Musterstadt", "phone": "0301"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.phone == "0301"


def test_city_liaison_may_not_edit_profiles(client, network, city_liaison):
    organisation = OrganisationFactory(network=network)
    client.force_login(city_liaison)
    edit = url(network, "workspace_organisation_edit", organisation_id=organisation.pk)
    assert client.get(edit).status_code == 403


def test_member_contact_of_another_network_gets_404(client, network, other_network):
    user = UserFactory()
    grant_role(user, other_network, "member_contact")
    grant_role(user, network, "member_contact")
    foreign = OrganisationFactory(network=other_network)
    ContactPositionFactory(organisation=foreign, person__user=user)
    client.force_login(user)
    # The organisation exists, but in another network: the URL of this network does not find it.
    edit = url(network, "workspace_organisation_edit", organisation_id=foreign.pk)
    assert client.get(edit).status_code == 404
    assert (
        client.get(
            url(other_network, "workspace_organisation_edit", organisation_id=foreign.pk)
        ).status_code
        == 200
    )


def test_workspace_query_count_does_not_grow_with_organisations(
    client, network, member_contact, count_queries, django_assert_max_num_queries
):
    person = member_contact.persons.get()

    def speak_for(count):
        for _number in range(count):
            ContactPositionFactory(organisation=OrganisationFactory(network=network), person=person)

    client.force_login(member_contact)
    speak_for(2)
    few = count_queries(client, url(network, "workspace"))
    speak_for(30)
    with django_assert_max_num_queries(few):
        response = client.get(url(network, "workspace"))
    assert response.text.count("Edit the profile of") == 33
