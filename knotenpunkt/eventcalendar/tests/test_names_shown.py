"""The moderation pages show people by their names, not their e-mail addresses; the
coordinator searches the organiser among all organisations (core/widgets.py)."""

import pytest

from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.members.tests.factories import OrganisationFactory

BASE = "/en/musterstadt"


@pytest.fixture
def submitter():
    from knotenpunkt.accounts.tests.factories import UserFactory

    return UserFactory(email="aylin@verein.example", full_name="Aylin Demir")


def test_the_moderation_page_names_who_entered_and_who_moderated(
    coordinator_client, coordinator, network, submitter
):
    organisation = OrganisationFactory(network=network)
    event = EventFactory(
        network=network,
        organiser=organisation,
        status="published",
        submitted_by=submitter,
        moderated_by=coordinator,
    )
    page = coordinator_client.get(f"{BASE}/manage/calendar/{event.pk}/").content.decode()
    assert "<bdi>Aylin Demir</bdi>" in page
    assert "aylin@verein.example" not in page
    assert f"<bdi>{coordinator.full_name}</bdi>" in page
    assert coordinator.email not in page


def test_an_erased_account_is_a_former_contact(db, submitter):
    submitter.erased_at = submitter.date_joined
    assert submitter.display_name == "Former contact"
    assert str(submitter) == "Former contact"


def test_the_coordinator_searches_the_organiser_a_member_contact_has_a_short_list(
    coordinator_client, client, network
):
    from knotenpunkt.eventcalendar.tests.factories import member_contact_for

    own = OrganisationFactory(network=network, name="Frauentreff Nord")
    OrganisationFactory(network=network, name="Caritas Musterstadt")
    page = coordinator_client.get(f"{BASE}/calendar/submit/").text
    assert 'hx-get="/en/musterstadt/workspace/lookup/organisations/"' in page
    client.force_login(member_contact_for(own))
    page = client.get(f"{BASE}/calendar/submit/").text
    assert "Frauentreff Nord" in page and "Caritas" not in page
    assert "/workspace/lookup/" not in page
