"""The knowledge workspace is for the network's people: an account without a role here sees
nothing of it, not even the history of public pages (old versions may hold removed text)."""

import pytest
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.knowledge import services
from knotenpunkt.knowledge.models import Visibility

from .factories import make_page
from .helpers import page_url, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_page(network):
    with scope(network=network):
        page = make_page(
            network, title="Willkommen", body="Alter Text", visibility=Visibility.PUBLIC
        )
        first = page.current_revision
        services.page_update(
            page=page, actor=None, title="Willkommen", body="Neuer Text", visibility="public"
        )
    page.first_revision = first
    return page


def _workspace_urls(network, page):
    return [
        url(network, "page_list"),
        url(network, "document_list"),
        url(network, "page_history", page_id=page.pk),
        url(network, "page_diff", page_id=page.pk),
        url(network, "revision_detail", revision_id=page.first_revision.pk),
    ]


@pytest.mark.parametrize("outsider", ["no role", "another network's coordinator"])
def test_an_account_without_a_role_here_gets_403_in_the_workspace(
    client, network, other_network, public_page, outsider
):
    user = UserFactory()
    if outsider != "no role":
        grant_role(user, other_network, "coordinator")
    client.force_login(user)
    for address in _workspace_urls(network, public_page):
        response = client.get(address)
        assert response.status_code == 403, address
        assert "Alter Text" not in response.text
    # The public page itself stays public.
    assert "Neuer Text" in client.get(page_url(public_page)).text


def test_a_member_contact_reads_the_history_of_a_public_page(client, network, public_page):
    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    for address in _workspace_urls(network, public_page):
        assert client.get(address).status_code == 200, address
    assert "Alter Text" in client.get(_workspace_urls(network, public_page)[-1]).text
