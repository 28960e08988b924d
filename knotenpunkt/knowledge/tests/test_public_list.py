"""The list of public pages: what the network shares with everyone, reachable without login
from the home page (before it, public pages were linked from nowhere)."""

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

from .factories import make_group, make_page
from .helpers import page_url, url

pytestmark = pytest.mark.django_db


def test_visitors_see_the_public_pages_by_section_and_nothing_else(client, network):
    welcome = make_page(network, title="Willkommen", visibility="public")
    group = make_group(network, "Wohnen")
    checklist = make_page(
        network, title="Checkliste <b>Wohnung</b>", visibility="public", group=group
    )
    make_page(network, title="Intern", visibility="network")
    make_page(network, title="Nur die AG", visibility="group", group=group)

    response = client.get(url(network, "public_pages"))
    assert response.status_code == 200
    html = response.text
    assert f'href="{page_url(welcome)}"' in html and f'href="{page_url(checklist)}"' in html
    assert "Checkliste &lt;b&gt;Wohnung&lt;/b&gt;" in html
    assert "Intern" not in html and "Nur die AG" not in html
    assert html.index("The whole network") < html.index("Wohnen") < html.index("Checkliste")
    assert url(network, "page_list") not in html  # the workspace is not theirs


def test_the_empty_list_says_so(client, network):
    make_page(network, title="Intern", visibility="network")
    assert "No public pages yet." in client.get(url(network, "public_pages")).text


def test_people_with_a_role_find_the_whole_knowledge_base_from_there(client, network):
    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    html = client.get(url(network, "public_pages")).text
    assert f'<a href="{url(network, "page_list")}">' in html


def test_a_public_page_leads_visitors_back_to_the_list(client, network):
    page = make_page(network, title="Willkommen", visibility="public")
    html = client.get(page_url(page)).text
    assert f'<a href="{url(network, "public_pages")}">All public pages</a>' in html


def test_the_list_costs_the_same_queries_for_few_and_many_pages(
    client, network, django_assert_max_num_queries
):
    group = make_group(network, "Wohnen")
    for number in range(15):
        make_page(network, visibility="public", group=group if number % 2 else None)
    # network, footer, pages (with group and current version)
    with django_assert_max_num_queries(3):
        client.get(url(network, "public_pages"))
