"""The coordinator's audit log: filtered by person, kind and object, paged, changes in words."""

import pytest
from django.utils.text import capfirst
from django_scopes import scope

from knotenpunkt.accounts.services import role_grant
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.services import audit_record, network_update
from knotenpunkt.core.testing import translated

pytestmark = pytest.mark.django_db

LOG = "/de/musterstadt/manage/audit/"


@pytest.fixture
def history(network, coordinator):
    """A settings change by the coordinator, a role given by a colleague, a system entry."""
    colleague = UserFactory(email="colleague@example.org", full_name="Kim Kollegin")
    grant_role(colleague, network, "coordinator")
    newcomer = UserFactory(email="new@example.org", full_name="Nora Neu")
    with scope(network=network):
        network_update(network=network, actor=coordinator, plenaries_per_year_target=6)
        role_grant(network=network, user=newcomer, role="city_liaison", actor=colleague)
        audit_record(network=network, actor=None, action="registration.remind", target=newcomer)
    return {"colleague": colleague, "newcomer": newcomer}


def rows(response) -> list[str]:
    return [row["kind"] for row in response.context["rows"]]


def test_the_log_shows_every_entry_with_its_changes_in_the_readers_language(
    coordinator_client, network, history
):
    response = coordinator_client.get(LOG)

    assert response.status_code == 200
    assert rows(response) == [
        translated("Meeting reminder sent", "de"),
        translated("Role given", "de"),
        translated("Network settings changed", "de"),
        translated("Network created", "de"),
    ]
    page = response.content.decode()
    label = capfirst(translated("plenary meetings per year (target)", "de"))
    assert f"<dt>{label}</dt>" in page
    assert (
        translated("%(before)s → %(after)s", "de", before="<bdi>5</bdi>", after="<bdi>6</bdi>")
        in page
    )
    assert "Kim Kollegin" in page and "Nora Neu" in page


def test_the_log_is_filtered_by_person_kind_and_object(
    coordinator_client, coordinator, network, history
):
    colleague = history["colleague"]
    by_person = coordinator_client.get(LOG, {"actor": colleague.pk})
    assert rows(by_person) == [translated("Role given", "de")]

    by_system = coordinator_client.get(LOG, {"actor": "system"})
    assert translated("Meeting reminder sent", "de") in rows(by_system)
    assert translated("Role given", "de") not in rows(by_system)

    by_kind = coordinator_client.get(LOG, {"kind": "network.update"})
    assert rows(by_kind) == [translated("Network settings changed", "de")]

    by_type = coordinator_client.get(LOG, {"target_type": "accounts.user"})
    assert rows(by_type) == [
        translated("Meeting reminder sent", "de"),
        translated("Role given", "de"),
    ]

    by_name = coordinator_client.get(LOG, {"text": "Nora"})
    assert len(by_name.context["rows"]) == 2
    combined = coordinator_client.get(LOG, {"text": "Nora", "actor": colleague.pk})
    assert rows(combined) == [translated("Role given", "de")]


def test_values_that_are_not_offered_are_ignored_rather_than_failing(coordinator_client, history):
    for query in (
        {"actor": "²"},
        {"actor": "99999999999999999999999999999"},
        {"kind": "nonsense"},
        {"target_type": "no.such"},
        {"page": "-1"},
        {"text": "x" * 5000},
    ):
        response = coordinator_client.get(LOG, query)
        assert response.status_code == 200, query
    assert len(coordinator_client.get(LOG, {"kind": "nonsense"}).context["rows"]) == 4


def test_the_log_is_paged(coordinator_client, coordinator, network, django_assert_max_num_queries):
    with scope(network=network):
        for target in range(1, 61):
            network_update(network=network, actor=coordinator, plenaries_per_year_target=target)

    with django_assert_max_num_queries(20):
        first = coordinator_client.get(LOG)
    second = coordinator_client.get(LOG, {"page": 2})

    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == 11  # 60 changes and the network's creation
    assert first.context["page"].paginator.count == 61


def test_only_the_coordinator_reads_the_log(client, network, other_network, history):
    liaison = UserFactory()
    grant_role(liaison, network, "city_liaison")
    foreign = UserFactory()
    grant_role(foreign, other_network, "coordinator")

    assert client.get(LOG).status_code == 302
    for user in (liaison, foreign):
        client.force_login(user)
        assert client.get(LOG).status_code == 403


def test_a_role_reads_in_words_in_the_readers_language(coordinator_client, network, history):
    page = coordinator_client.get("/tr/musterstadt/manage/audit/?kind=role.grant").text

    assert translated("City liaison", "tr") in page
    assert "city_liaison" not in page


def test_the_system_is_named_in_the_readers_language_whoever_wrote_the_entry(
    coordinator_client, network, history
):
    """An entry the system wrote while German was active reads as the system in Arabic."""
    from django.utils import translation

    with translation.override("de"), scope(network=network):
        audit_record(network=network, actor=None, action="registration.remind", target=network)
    network.enabled_languages = [*network.languages, "ar"]
    network.save()

    page = coordinator_client.get(LOG.replace("/de/", "/ar/")).content.decode()

    assert translated("The system (automatic)", "ar") in page
    assert translated("system", "de") not in page
