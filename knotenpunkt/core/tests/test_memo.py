"""The per-process memo (core/memo.py) must never show a change late.

Every test first fills the memo with a request, then changes the data the way another process
(or the worker) would, and expects the very next request to show the change: the memo has no
way to learn of it except the network's token in the database.
"""

import datetime

import pytest
from django_scopes import scopes_disabled

from knotenpunkt.accounts.models import Role
from knotenpunkt.accounts.services import role_grant, role_revoke
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import memo
from knotenpunkt.core.memo import network_data_changed, network_memo
from knotenpunkt.core.models import Network
from knotenpunkt.core.testing import translated
from knotenpunkt.members.models import OrganisationKind
from knotenpunkt.members.services import agreement_version_create
from knotenpunkt.publishing.models import StaticPageTranslation

pytestmark = pytest.mark.django_db


def _fresh(network) -> Network:
    """The network as the next request loads it."""
    return Network.objects.get(pk=network.pk)


def test_a_value_is_computed_once_until_the_network_data_changes(network):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert network_memo(_fresh(network), "answer", compute) == 1
    assert network_memo(_fresh(network), "answer", compute) == 1
    network_data_changed(network.pk)
    assert network_memo(_fresh(network), "answer", compute) == 2
    assert network_memo(_fresh(network), "other key", compute) == 3


def test_saving_a_stale_network_instance_cannot_bring_back_an_old_token(network):
    stale = _fresh(network)
    tokens = {stale.memo_token}
    network_data_changed(network.pk)
    tokens.add(_fresh(network).memo_token)
    stale.name = "Netzwerk Musterstadt (neu)"
    stale.save()
    assert _fresh(network).memo_token not in tokens


def test_the_writer_sees_its_own_change_in_the_same_request(network):
    loaded = _fresh(network)
    before = loaded.memo_token
    with scopes_disabled():
        OrganisationKind.objects.create(network=loaded, key="choir", name="Chor", position=99)
    assert loaded.memo_token != before
    assert loaded.memo_token == _fresh(network).memo_token


def test_the_memo_is_emptied_when_it_grows_past_its_limit(network, monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    monkeypatch.setattr(memo, "_entries", {})
    for key in range(10):
        network_memo(network, key, lambda key=key: key)
    assert len(memo._entries) <= 3
    assert network_memo(network, 9, lambda: "recomputed") == 9


def _page(client, network, path="manage/members/", lang="en"):
    response = client.get(f"/{lang}/{network.slug}/{path}")
    assert response.status_code == 200
    return response.text


def test_a_changed_footer_title_shows_on_the_next_page(client, network):
    imprint = translated("Imprint", "de")  # the starter pages are in the default language
    assert f">{imprint}</a>" in _page(client, network, path="members/", lang="de")
    with scopes_disabled():
        title = StaticPageTranslation.objects.get(network=network, page__slug="imprint")
        title.title = "Rechtliche Hinweise"
        title.save()
    page = _page(client, network, path="members/", lang="de")
    assert ">Rechtliche Hinweise</a>" in page and f">{imprint}</a>" not in page


def test_a_new_organisation_kind_is_offered_on_the_next_page(coordinator_client, network):
    assert "Sports club" not in _page(coordinator_client, network)
    with scopes_disabled():
        OrganisationKind.objects.create(
            network=network, key="sports", name="Sports club", position=50
        )
    assert '<option value="sports">Sports club</option>' in _page(coordinator_client, network)


def test_a_new_agreement_version_is_current_on_the_next_page(coordinator_client, network):
    _page(coordinator_client, network)
    with scopes_disabled():
        agreement_version_create(
            network=network,
            actor=None,
            title="Agreement 2026",
            text="We cooperate.",
            valid_from=datetime.date(2020, 1, 1),
        )
    assert "Current agreement: <bdi>Agreement 2026</bdi>" in _page(coordinator_client, network)


def test_a_revoked_role_counts_nowhere_from_the_next_request(client, network, coordinator):
    liaison = UserFactory(email="liaison@example.org")
    grant_role(liaison, network, Role.CITY_LIAISON)
    client.force_login(liaison)
    assert 'href="/en/musterstadt/manage/members/"' in _page(client, network, path="")
    with scopes_disabled():
        role_revoke(network=_fresh(network), user=liaison, role=Role.CITY_LIAISON, actor=None)
    assert client.get(f"/en/{network.slug}/manage/members/").status_code == 403
    assert 'href="/en/musterstadt/manage/members/"' not in _page(client, network, path="")
    with scopes_disabled():
        role_grant(network=_fresh(network), user=liaison, role=Role.CITY_LIAISON, actor=None)
    assert client.get(f"/en/{network.slug}/manage/members/").status_code == 200


def test_the_main_navigation_marks_the_current_page(coordinator_client, network):
    page = _page(coordinator_client, network)
    assert '<a href="/en/musterstadt/manage/members/" aria-current="page">' in page
    assert '<a href="/en/musterstadt/" aria-current="page">' not in page


@pytest.mark.parametrize("lang", ["de", "ar", "en"])
def test_the_main_navigation_is_in_the_page_language(coordinator_client, network, lang):
    _page(coordinator_client, network, lang="uk")  # another language's links are memoised too
    assert f">{translated('Manage', lang)}</a>" in _page(coordinator_client, network, lang=lang)
