"""The operator lists networks in the admin and deactivates one: its pages and jobs stop."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.services import network_active_set
from knotenpunkt.core.testing import translated
from knotenpunkt.eventcalendar.import_tasks import import_sources_due
from knotenpunkt.eventcalendar.models import EventSource
from knotenpunkt.meetings.reminders import send_meeting_reminders
from knotenpunkt.meetings.tests.factories import MeetingFactory, RegistrationFactory
from knotenpunkt.members.tests.factories import OrganisationFactory

NOW = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def operator(db):
    return UserFactory(email="operator@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    return client


def _deactivate(operator_client, *networks):
    return operator_client.post(
        reverse("admin:core_network_changelist"),
        {"action": "deactivate", "_selected_action": [each.pk for each in networks]},
    )


def test_the_admin_lists_networks_and_deactivates_the_chosen_one(
    operator_client, operator, network, other_network
):
    listing = operator_client.get(reverse("admin:core_network_changelist"))
    page = listing.content.decode()
    assert "Netzwerk Musterstadt" in page and "Netzwerk Beispielhausen" in page

    response = _deactivate(operator_client, network)

    assert response.status_code == 302
    network.refresh_from_db()
    other_network.refresh_from_db()
    assert (network.is_active, other_network.is_active) == (False, True)
    with scope(network=network):
        entry = AuditEntry.objects.get(network=network, action="network.deactivate")
    assert entry.actor == operator and entry.changes == {"is_active": [True, False]}


def test_the_admin_cannot_edit_or_delete_a_network_behind_the_services(operator_client, network):
    change_url = reverse("admin:core_network_change", args=[network.pk])
    operator_client.post(change_url, {"name": "Umbenannt", "is_active": ""})
    network.refresh_from_db()
    assert (network.name, network.is_active) == ("Netzwerk Musterstadt", True)
    assert operator_client.get(reverse("admin:core_network_add")).status_code == 403
    delete_url = reverse("admin:core_network_delete", args=[network.pk])
    assert operator_client.get(delete_url).status_code == 403


def test_a_deactivated_network_answers_not_found_and_is_not_listed(
    client, operator, network, other_network
):
    network_active_set(network=network, active=False, actor=operator)

    assert client.get(f"/de/{network.slug}/").status_code == 404
    assert client.get(f"/de/{network.slug}/pages/imprint/").status_code == 404
    assert client.get(f"/feeds/{network.slug}/events.ics").status_code == 404
    start = client.get("/").content.decode()
    assert "Netzwerk Musterstadt" not in start and "Netzwerk Beispielhausen" in start
    assert client.get(f"/de/{other_network.slug}/").status_code == 200

    network_active_set(network=network, active=True, actor=operator)
    assert client.get(f"/de/{network.slug}/").status_code == 200


def test_the_periodic_jobs_skip_a_deactivated_network(operator, network, other_network):
    with time_machine.travel(NOW, tick=False):
        for each in (network, other_network):
            with scope(network=each):
                meeting = MeetingFactory(
                    network=each,
                    starts_at=NOW + datetime.timedelta(hours=5),
                    ends_at=NOW + datetime.timedelta(hours=7),
                )
                RegistrationFactory(meeting=meeting)
                EventSource.objects.create(
                    network=each,
                    organisation=OrganisationFactory(network=each),
                    name="Vereinskalender",
                    url="https://verein.example.org/termine.ics",
                    active=True,
                )
        network_active_set(network=network, active=False, actor=operator)

        assert send_meeting_reminders() == 1
        assert import_sources_due.call() == 1

    with scope(network=other_network):
        assert EventSource.objects.get().last_status == "queued"
    with scope(network=network):
        assert EventSource.objects.get().last_status != "queued"


def test_the_account_page_no_longer_links_to_a_deactivated_network(
    client, coordinator, operator, network
):
    client.force_login(coordinator)
    network_active_set(network=network, active=False, actor=operator)

    page = client.get("/accounts/").content.decode()

    assert "Netzwerk Musterstadt" in page
    assert f"/{network.slug}/" not in page
    assert (
        translated(
            "This network has been deactivated by the platform's operator; its pages are closed.",
            coordinator.preferred_language,
        )
        in page
    )
