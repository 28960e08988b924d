"""The network's own settings through the service: rules, memo token, the audit entry."""

import pytest
from django.utils import translation
from django_scopes import scope

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry, Network
from knotenpunkt.core.services import network_update
from knotenpunkt.core.testing import translated

pytestmark = pytest.mark.django_db


def test_a_broken_rule_names_its_field_and_leaves_the_network_as_it_was(network):
    token = network.memo_token
    with translation.override("tr"), pytest.raises(DomainError) as refused:
        network_update(network=network, actor=None, name="Neu", contact_email="kein-at")
    assert refused.value.field == "contact_email"
    assert refused.value.message == translated("Enter a valid email address.", "tr")
    assert (network.name, network.contact_email) == ("Netzwerk Musterstadt", "kontakt@example.org")
    stored = Network.objects.get(pk=network.pk)
    assert (stored.name, stored.memo_token) == ("Netzwerk Musterstadt", token)


def test_months_outside_the_year_are_refused(network):
    with pytest.raises(DomainError) as refused:
        network_update(network=network, actor=None, edition_months=[1, 13])
    assert refused.value.field == "edition_months"
    network.refresh_from_db()
    assert network.edition_months == []


def test_the_default_language_is_always_offered_and_a_change_renews_the_memo_token(network):
    token = network.memo_token
    network_update(
        network=network, actor=None, default_language="tr", enabled_languages=["de", "en"]
    )
    network.refresh_from_db()
    assert network.languages == ["tr", "de", "en"]
    assert network.memo_token != token


def test_saving_unchanged_values_records_nothing(network):
    network_update(network=network, actor=None, name=" Netzwerk Musterstadt ")
    with scope(network=network):
        assert not AuditEntry.objects.filter(action="network.update").exists()


def test_only_the_settings_fields_are_editable(network):
    with pytest.raises(TypeError, match="not editable: slug, time_zone"):
        network_update(network=network, actor=None, slug="anders", time_zone="UTC")
