"""The search page and the search box in the workspace header."""

import pytest
from django.urls import reverse

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.members.tests.factories import OrganisationFactory

from .test_search import entry

pytestmark = pytest.mark.django_db


def search_url(network, lang="en"):
    return reverse("core:search", kwargs={"lang": lang, "network": network.slug})


@pytest.fixture
def member_client(client, network):
    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    return client


def test_results_link_to_the_object_with_a_highlighted_snippet(coordinator_client, network):
    organisation = OrganisationFactory(
        network=network, name="Bildungswerk Anadolu", description="Deutschkurse für Mütter"
    )
    response = coordinator_client.get(search_url(network), {"q": "mutter"})
    assert response.status_code == 200
    html = response.text
    detail = f"/en/{network.slug}/manage/members/{organisation.pk}/"
    assert f'<a href="{detail}">Bildungswerk Anadolu</a>' in html
    assert "Deutschkurse für <mark>Mütter</mark>" in html
    assert "1 result for “<bdi>mutter</bdi>”." in html
    assert 'role="search"' in html and '<label for="search-q">' in html
    # The results page has its own search form; the header box would repeat it.
    assert 'id="header-search-q"' not in html


def test_the_page_shows_only_what_the_role_may_see(member_client, network):
    OrganisationFactory(network=network, name="Verein Nur Für Koordination")
    entry(network, "Verein im Netzwerk")
    html = member_client.get(search_url(network), {"q": "verein"}).text
    assert "Verein im Netzwerk" in html
    assert "Koordination" not in html


def test_the_query_is_shown_escaped(member_client, network):
    html = member_client.get(search_url(network), {"q": '<script>alert("x")</script>'}).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "Nothing found." in html


def test_an_empty_query_shows_just_the_form(member_client, network):
    html = member_client.get(search_url(network)).text
    assert 'role="search"' in html
    assert 'role="status"' not in html


def test_visitors_log_in_and_users_without_a_role_are_refused(client, network, other_network):
    response = client.get(search_url(network), {"q": "x"})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    elsewhere = UserFactory()
    grant_role(elsewhere, other_network, "coordinator")
    client.force_login(elsewhere)
    assert client.get(search_url(network), {"q": "x"}).status_code == 403


def test_results_are_paged(member_client, network):
    for n in range(45):
        entry(network, f"Protokoll {n:02d}", "Sitzung", key=str(n))
    first = member_client.get(search_url(network), {"q": "protokoll"}).text
    assert "45 results for" in first and first.count('<h2 dir="auto">') == 20
    assert "Page 1 of 3" in first and 'rel="next"' in first and 'rel="prev"' not in first
    last = member_client.get(search_url(network), {"q": "protokoll", "page": "3"}).text
    assert last.count('<h2 dir="auto">') == 5 and 'start="41"' in last and 'rel="next"' not in last
    for page in ("0", "abc", "-3", "99999999999999999999999"):
        response = member_client.get(search_url(network), {"q": "protokoll", "page": page})
        assert response.status_code == 200


def test_the_page_costs_the_same_queries_for_few_and_many_results(
    member_client, network, django_assert_max_num_queries
):
    for n in range(60):
        entry(network, f"Beschluss {n}", "Wohnen und Arbeit " * 20, key=str(n))
    # session, user, network, roles, groups, count, page, footer, header roles
    with django_assert_max_num_queries(9):
        response = member_client.get(search_url(network), {"q": "beschluss wohnen"})
    assert response.text.count("<mark>") >= 40


def test_the_header_has_a_search_box_for_people_with_a_role(client, member_client, network):
    home = reverse("members:workspace", kwargs={"lang": "en", "network": network.slug})
    html = member_client.get(home).text
    assert 'id="header-search-q"' in html
    assert f'action="{search_url(network)}"' in html
    client.logout()
    public = reverse("core:home", kwargs={"lang": "en", "network": network.slug})
    assert 'id="header-search-q"' not in client.get(public).text


def test_the_page_works_in_a_right_to_left_language(member_client, network):
    entry(network, "مدرسة الأمل")
    html = member_client.get(search_url(network, "ar"), {"q": "مدرسه"}).text
    assert 'dir="rtl"' in html
    assert "<mark>مدرسة</mark>" in html
