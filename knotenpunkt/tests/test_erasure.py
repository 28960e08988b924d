"""Erasing a contact person: the account goes with them, the name's places in texts are listed.

Cross-app on purpose: the texts that may name a person live in meetings, the knowledge base
and the calendar, which the members app does not know.
"""

import pytest
from axes.models import AccessLog
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from knotenpunkt.accounts.erasure import former_contact
from knotenpunkt.accounts.models import NetworkRole
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.policy import roles_of
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.knowledge import services as knowledge
from knotenpunkt.knowledge.tests.factories import make_page
from knotenpunkt.meetings.tests.factories import (
    ActionItemFactory,
    DecisionFactory,
    MeetingFactory,
    MinutesVersionFactory,
)
from knotenpunkt.members import services
from knotenpunkt.members.tests.factories import ContactPositionFactory, PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def ines(network):
    """A member contact with an account, logged in once (a login record)."""
    user = UserFactory(email="ines.roth@example.org", full_name="Ines Roth")
    grant_role(user, network, "member_contact")
    person = PersonFactory(network=network, user=user, full_name="Ines Roth", email=user.email)
    ContactPositionFactory(organisation__network=network, person=person)
    return person


def log_in(client, email):
    return client.post(LOGIN, {"username": email, "password": PASSWORD})


def workspace(network):
    return reverse("members:workspace", kwargs={"lang": "en", "network": network.slug})


def test_erasure_disables_the_account_of_a_person_who_belongs_nowhere_else(
    client, network, coordinator, ines
):
    user = ines.user
    assert log_in(client, "ines.roth@example.org").status_code == 302
    assert client.get(workspace(network)).status_code == 200
    assert AccessLog.objects.filter(username="ines.roth@example.org").exists()

    with scope(network=network):
        services.person_erase(person=ines, actor=coordinator)

    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert user.email.endswith("@erased.invalid") and user.full_name == ""
    assert str(user) == "Former contact"
    assert not NetworkRole.objects.filter(user=user).exists()
    # The session that was open is over, and the old address and password no longer log in.
    assert client.get(workspace(network)).status_code == 302
    assert "_auth_user_id" not in client.session
    assert log_in(client, "ines.roth@example.org").status_code == 200
    assert "_auth_user_id" not in client.session
    # The login record of the earlier login went with the address.
    assert not AccessLog.objects.filter(username="ines.roth@example.org").exists()
    # Revoking the role was recorded without the name or the address.
    with scope(network=network):
        revoked = AuditEntry.objects.get(action="role.revoke")
        texts = " ".join(
            f"{entry.actor_label} {entry.target_label} {entry.summary}"
            for entry in AuditEntry.objects.all()
        )
    assert revoked.target_label == former_contact(network)  # in the network's language
    assert "Ines" not in texts and "ines.roth@" not in texts


def test_an_account_that_serves_another_network_only_leaves_this_one(
    client, network, other_network, coordinator, ines
):
    user = ines.user
    grant_role(user, other_network, "city_liaison")

    with scope(network=network):
        services.person_erase(person=ines, actor=coordinator)

    user.refresh_from_db()
    assert user.is_active and user.erased_at is None and user.email == "ines.roth@example.org"
    assert roles_of(user, network) == frozenset()
    assert roles_of(user, other_network) == {"city_liaison"}
    assert log_in(client, "ines.roth@example.org").status_code == 302
    assert client.get(workspace(network)).status_code == 403
    assert client.get(workspace(other_network)).status_code == 200


def test_the_last_coordinator_cannot_be_erased_and_nothing_changes(network, coordinator):
    person = PersonFactory(network=network, user=coordinator, full_name="Kai Koordinator")

    with scope(network=network), pytest.raises(DomainError) as refused:
        services.person_erase(person=person, actor=coordinator)

    assert "at least one coordinator" in refused.value.message
    assert refused.value.field == "role"
    person.refresh_from_db()
    coordinator.refresh_from_db()
    assert person.full_name == "Kai Koordinator" and person.erased_at is None
    assert coordinator.is_active and roles_of(coordinator, network) == {"coordinator"}


def test_the_person_page_lists_the_texts_that_still_name_the_erased_person(
    coordinator_client, network, coordinator, ines
):
    meeting = MeetingFactory(network=network, title="Plenum März")
    MinutesVersionFactory(meeting=meeting, text="Ines Roth berichtet vom Sprachcafé.")
    DecisionFactory(meeting=meeting, text="Das Sommerfest organisiert ines roth.")
    ActionItemFactory(meeting=meeting, text="Raum anfragen (Ines Roth)", owner=None)
    page = make_page(network, title="Ansprechpersonen", body="Fragen an Ines Roth.")
    with scope(network=network):
        # The current text no longer names her; an older version still does.
        knowledge.page_update(
            page=page,
            actor=coordinator,
            title="Ansprechpersonen",
            body="Fragen an das Büro.",
            visibility=page.visibility,
        )
    EventFactory(network=network, title="Lesecafé", description="Kontakt: ines.roth@example.org")
    MinutesVersionFactory(meeting=MeetingFactory(network=network), text="Nichts dazu.")
    detail = reverse(
        "members:person_detail",
        kwargs={"lang": "en", "network": network.slug, "person_id": ines.pk},
    )
    erase = reverse(
        "members:person_erase", kwargs={"lang": "en", "network": network.slug, "person_id": ines.pk}
    )

    response = coordinator_client.post(erase)

    assert response.status_code == 302 and response["Location"] == detail
    text = coordinator_client.get(detail).text
    assert "Where the name may still be written" in text
    assert "Ines" not in text and "ines.roth" not in text
    root = f"/en/{network.slug}/"
    for kind, title, path in [
        ("Minutes", "Plenum März", f"workspace/meetings/{meeting.pk}/minutes/"),
        ("Decision", "Plenum März", f"workspace/meetings/{meeting.pk}/"),
        ("Action item", "Plenum März", f"workspace/meetings/{meeting.pk}/"),
        ("Wiki page", "Ansprechpersonen", f"workspace/knowledge/pages/{page.pk}/history/"),
        ("Event", "Lesecafé", "calendar/events/"),
    ]:
        assert f'{kind}: <a href="{root}{path}' in text, kind
        assert title in text
    assert text.count("<li>Minutes: ") == 1


def test_the_confirmation_says_what_happens_to_the_account(coordinator_client, network, ines):
    erase = reverse(
        "members:person_erase", kwargs={"lang": "en", "network": network.slug, "person_id": ines.pk}
    )
    text = coordinator_client.get(erase).text
    assert "the linked account loses its roles in this network" in text
