"""The searchable person and organisation pickers (core/lookups.py, core/widgets.py)."""

import pytest
from django_scopes import scopes_disabled

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/en/musterstadt/workspace/lookup/people/"
ORGANISATIONS = "/en/musterstadt/workspace/lookup/organisations/"


@pytest.fixture
def people(network):
    return {
        name: PersonFactory(network=network, full_name=name)
        for name in ["Aylin Demir", "Ayşe Kaya", "Bernd Schulz", "Demir Yılmaz"]
    }


def test_the_form_keeps_the_plain_list_and_adds_a_labelled_search(
    coordinator_client, network, people
):
    organisation = OrganisationFactory(network=network)
    page = coordinator_client.get(
        f"/en/musterstadt/manage/members/{organisation.pk}/contacts/add/"
    ).text
    # Without JavaScript: every person in the <select>, the search field hidden.
    select = page.split('<select name="person"', 1)[1].split("</select>", 1)[0]
    assert all(name in select for name in people)
    assert "— a new person (enter below) —" in select
    assert '<div class="search-select-search" data-search-select hidden>' in page
    assert '<label for="id_person_search">Search: Person</label>' in page
    assert f'hx-get="{PEOPLE}"' in page
    assert 'aria-controls="id_person"' in page


def test_typing_finds_people_by_any_word(coordinator_client, people):
    answer = coordinator_client.get(PEOPLE, {"q": "demir"}).text
    assert "Aylin Demir" in answer and "Demir Yılmaz" in answer
    assert "Bernd Schulz" not in answer
    answer = coordinator_client.get(PEOPLE, {"q": "demir aylin"}).text
    assert "Aylin Demir" in answer and "Demir Yılmaz" not in answer
    assert "Nothing matches." in coordinator_client.get(PEOPLE, {"q": "zzz"}).text


def test_the_chosen_person_stays_in_the_list(coordinator_client, people):
    chosen = people["Bernd Schulz"]
    answer = coordinator_client.get(
        PEOPLE, {"q": "demir", "field": "person", "person": chosen.pk}
    ).text
    assert f'<option value="{chosen.pk}" selected>Bernd Schulz' in answer
    assert "Aylin Demir" in answer


def test_organisations_are_found_by_name(coordinator_client, network):
    OrganisationFactory(network=network, name="Kulturverein Brückenschlag e.V.")
    OrganisationFactory(network=network, name="Caritas Musterstadt")
    answer = coordinator_client.get(ORGANISATIONS, {"q": "brücken"}).text
    assert "Kulturverein Brückenschlag e.V." in answer
    assert "Caritas" not in answer


def test_another_networks_people_are_never_found(coordinator_client, network, other_network):
    with scopes_disabled():
        PersonFactory(network=other_network, full_name="Aylin Fremd")
        OrganisationFactory(network=other_network, name="Fremder Verein")
    assert "Aylin Fremd" not in coordinator_client.get(PEOPLE, {"q": "aylin"}).text
    assert "Fremder Verein" not in coordinator_client.get(ORGANISATIONS, {"q": "verein"}).text


@pytest.mark.parametrize("role", ["member_contact", "city_liaison"])
def test_only_those_who_fill_such_forms_may_look_up(client, network, people, role):
    user = UserFactory()
    grant_role(user, network, role)
    client.force_login(user)
    assert client.get(PEOPLE, {"q": "a"}).status_code == 403
    assert client.get(ORGANISATIONS, {"q": "a"}).status_code == 403


def test_a_long_list_is_cut_and_says_so(coordinator_client, network):
    for number in range(25):
        PersonFactory(network=network, full_name=f"Person {number:02}")
    answer = coordinator_client.get(PEOPLE, {"q": "person"}).text
    assert answer.count("<option value=") == 21
    assert "type more to narrow the list" in answer
