import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from knotenpunkt.core.models import AuditEntry, Network
from knotenpunkt.core.testing import translated
from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.members.models import OrganisationKind
from knotenpunkt.publishing.models import StaticPage

pytestmark = pytest.mark.django_db


def test_root_lists_every_network(client, network, other_network):
    response = client.get("/")
    assert response.status_code == 200
    assert network.name in response.text
    assert other_network.name in response.text


def test_network_homepage_is_served_in_the_language_of_the_path(client, network):
    response = client.get(f"/ar/{network.slug}/")
    assert response.status_code == 200
    assert 'lang="ar"' in response.text
    assert 'dir="rtl"' in response.text
    response = client.get(f"/de/{network.slug}/")
    assert 'dir="ltr"' in response.text


@pytest.mark.parametrize("path", ["/de/nowhere/", "/xx/musterstadt/", "/de/nowhere/members/"])
def test_unknown_network_or_language_gives_a_styled_404(client, network, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "<main" in response.text
    assert 'class="skip-link"' in response.text


def test_language_not_enabled_for_the_network_is_404(client):
    from knotenpunkt.core.tests.factories import NetworkFactory

    small = NetworkFactory(slug="klein", name="Netzwerk Klein", languages=["de", "en"])
    offered = client.get(f"/en/{small.slug}/")
    assert offered.status_code == 200
    assert '<html lang="en"' in offered.text and "Netzwerk Klein" in offered.text
    assert client.get(f"/tr/{small.slug}/").status_code == 404


def test_scoped_query_outside_a_network_scope_is_refused(db):
    # No `network` fixture: this test runs outside any network's scope, as a task or command would.
    with pytest.raises(ScopeError):
        list(AuditEntry.objects.all())
    with scope(network=NetworkFactory()):
        # Only the new network's own trail: its creation.
        assert list(AuditEntry.objects.values_list("action", flat=True)) == ["network.create"]


def test_scope_only_shows_the_networks_own_rows(network, other_network):
    with scope(network=network):
        kinds = list(OrganisationKind.objects.all())
    assert kinds and all(kind.network_id == network.pk for kind in kinds)


def test_network_create_command_makes_a_working_network(client):
    call_command(
        "network_create",
        "erfurt",
        name="Netzwerk für Integration Erfurt",
        city="Erfurt",
        language="de",
    )
    network = Network.objects.get(slug="erfurt")
    with scope(network=network):
        assert OrganisationKind.objects.count() == 8
        assert set(StaticPage.objects.values_list("slug", flat=True)) == {
            "imprint",
            "privacy",
            "accessibility",
        }
    response = client.get("/de/erfurt/")
    assert response.status_code == 200
    assert "Netzwerk für Integration Erfurt" in response.text
    assert client.get("/de/erfurt/pages/imprint/").status_code == 200


def test_network_create_refuses_a_taken_slug(network):
    from django.core.management.base import CommandError

    # manage.py activates no language, so operators read the project's default one.
    language = settings.LANGUAGE_CODE
    expected = translated(
        "A network with the short name “%(slug)s” exists already.", language, slug=network.slug
    )
    with translation.override(language), pytest.raises(CommandError) as refused:
        call_command("network_create", network.slug, name="X", city="Y")
    assert str(refused.value) == expected


@pytest.mark.parametrize("path", ["/foo/bar/", "/deu/musterstadt/", "/accounts/password_reset/"])
def test_other_two_part_paths_are_plain_404s(client, network, path):
    assert client.get(path).status_code == 404


def test_an_operator_can_delete_a_whole_network_with_its_data(network, other_network):
    from knotenpunkt.members.models import Organisation
    from knotenpunkt.members.tests.factories import (
        AgreementSignatureFactory,
        ContactPositionFactory,
        OrganisationFactory,
    )

    organisation = OrganisationFactory(network=network)
    ContactPositionFactory(organisation=organisation)
    AgreementSignatureFactory(organisation=organisation)
    kept = OrganisationFactory(network=other_network)

    network.delete()

    assert not Network.objects.filter(slug="musterstadt").exists()
    with scopes_disabled():  # what is left of any network
        assert list(Organisation.objects.all()) == [kept]


def test_a_kind_in_use_cannot_be_deleted_on_its_own(network):
    from django.db.models import RestrictedError

    from knotenpunkt.members.tests.factories import OrganisationFactory

    organisation = OrganisationFactory(network=network)
    with pytest.raises(RestrictedError):
        organisation.kind.delete()
