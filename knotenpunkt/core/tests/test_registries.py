"""What core shows for the apps comes from what they registered: header links and page blocks.

Core's templates name no app's URLs; the apps fill core/navigation.py and core/blocks.py
in their AppConfig.ready().
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.test import Client

from knotenpunkt.core import blocks, navigation

pytestmark = pytest.mark.django_db

CORE_TEMPLATES = Path(apps.get_app_config("core").path) / "templates"
DOMAIN_APPS = {"accounts", "members", "workinggroups", "meetings", "eventcalendar", "knowledge"}
NAMED_URL = re.compile(r"""{%\s*(?:url|net_url)\s+["']([\w-]+):""")


def test_core_templates_name_no_domain_apps_urls():
    named = {
        (template.relative_to(CORE_TEMPLATES).as_posix(), namespace)
        for template in CORE_TEMPLATES.rglob("*.html")
        for namespace in NAMED_URL.findall(template.read_text())
    }
    assert {(name, namespace) for name, namespace in named if namespace != "core"} == set()


@pytest.fixture
def team_probe():
    """A main entry that only holders of "roles.manage" see (the coordinator)."""
    navigation.register_main("core:search", "Probe link", order=15, action="roles.manage")
    yield
    navigation.unregister("core:search")


def test_a_registered_main_entry_shows_for_whom_its_action_allows(
    coordinator_client, network, team_probe
):
    link = f'<a href="/en/{network.slug}/workspace/search/">Probe link</a>'
    assert link in coordinator_client.get(f"/en/{network.slug}/members/").text
    assert link not in Client().get(f"/en/{network.slug}/members/").text


def test_the_main_entries_keep_the_order_the_apps_gave_them(coordinator_client, network):
    page = coordinator_client.get(f"/en/{network.slug}/members/").text
    nav = page[
        page.index('class="main-nav"') : page.index("</nav>", page.index('class="main-nav"'))
    ]
    hrefs = re.findall(r'<li><a href="/en/musterstadt/([^"]*)"', nav)
    assert hrefs[:5] == ["", "calendar/", "members/", "news/", "offers/"]
    assert hrefs[-7:] == [
        "manage/voices/",
        "manage/members/",
        "manage/offers/",
        "manage/mail/",
        "manage/team/",
        "manage/settings/",
        "manage/audit/",
    ]


def test_an_anonymous_visitor_gets_a_login_link_back_to_the_page(client, network):
    page = client.get(f"/en/{network.slug}/members/?kind=verein").text
    assert '<a href="/accounts/login/?next=/en/musterstadt/members/%3Fkind%3Dverein">' in page
    assert "/accounts/logout/" not in page


def test_a_signed_in_visitor_gets_the_account_link_and_a_logout_button(coordinator_client, network):
    page = coordinator_client.get(f"/en/{network.slug}/members/").text
    assert '<a href="/accounts/">My account</a>' in page
    assert '<form action="/accounts/logout/" method="post" class="inline">' in page
    assert "/accounts/login/" not in page


def test_the_footer_links_the_networks_pages(client, network):
    page = client.get(f"/en/{network.slug}/members/").text
    footer = page[page.index('class="site-footer"') :]
    assert f'href="/en/{network.slug}/pages/imprint/"' in footer


@pytest.fixture
def knowledge_on_the_home_page():
    blocks.register(blocks.HOME, "knowledge/_workspace_knowledge.html", order=5)
    yield
    blocks.unregister(blocks.HOME, "knowledge/_workspace_knowledge.html")


def test_a_registered_block_is_included_on_its_page_in_order(
    client, network, knowledge_on_the_home_page
):
    page = client.get(f"/en/{network.slug}/").text
    knowledge = page.index(f'href="/en/{network.slug}/workspace/knowledge/"')
    members = page.index(f'href="/en/{network.slug}/members/">Our members</a>')
    assert knowledge < members


def test_the_workspace_shows_the_apps_blocks_in_their_order(coordinator_client, network):
    page = coordinator_client.get(f"/en/{network.slug}/workspace/").text
    headings = [
        "Your working groups",
        "Meetings and registrations",
        "Event calendar",
        "Meetings this year against the targets",
        "Knowledge base",
    ]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)
