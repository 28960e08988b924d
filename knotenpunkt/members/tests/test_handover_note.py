"""The note a contact writes for their successor, and the successor reading it after handover."""

import datetime
import importlib

import pytest
from django.apps import apps

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused
from knotenpunkt.members import services
from knotenpunkt.members.models import ContactPosition
from knotenpunkt.members.tests.factories import (
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)
from knotenpunkt.members.tests.helpers import url

pytestmark = pytest.mark.django_db
D = datetime.date


def own_position(user):
    return user.own_organisation.positions.get()


def test_the_holder_writes_a_note_for_the_successor_in_the_workspace(
    client, network, member_contact
):
    position = own_position(member_contact)
    client.force_login(member_contact)
    workspace = client.get(url(network, "workspace")).text
    assert "You have not written a note yet." in workspace
    note_url = url(network, "position_note", position_id=position.pk)
    assert note_url in workspace

    response = client.post(note_url, {"note": "Die Kasse prüft Frau Yıldız im März."})

    assert response.status_code == 302
    position.refresh_from_db()
    assert position.handover_note == "Die Kasse prüft Frau Yıldız im März."
    assert position.handover_note_updated_at is not None
    entry = AuditEntry.objects.get(action="position.note")
    assert entry.actor == member_contact and entry.target_id == str(position.pk)
    assert "Die Kasse prüft Frau Yıldız im März." in client.get(url(network, "workspace")).text


def test_nobody_else_reaches_the_note_of_a_position(client, network, member_contact):
    foreign = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    client.force_login(member_contact)
    note_url = url(network, "position_note", position_id=foreign.pk)
    assert client.get(note_url).status_code == 404
    assert client.post(note_url, {"note": "Gekapert"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.handover_note == ""


def test_an_ended_role_keeps_its_note_unchanged(client, network, member_contact):
    position = own_position(member_contact)
    position.ended_on = D(2024, 1, 1)
    position.handover_note = "Alles im Ordner „Netzwerk“."
    position.save()
    client.force_login(member_contact)
    assert client.get(url(network, "position_note", position_id=position.pk)).status_code == 404
    with refused("This contact role has ended already.", field=None):
        services.position_note_update(position=position, actor=member_contact, note="Neu")
    position.refresh_from_db()
    assert position.handover_note == "Alles im Ordner „Netzwerk“."


def test_the_coordinator_may_write_the_note_of_any_open_position(coordinator_client, network):
    position = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    note_url = url(network, "position_note", position_id=position.pk)
    detail = url(network, "organisation_detail", organisation_id=position.organisation_id)
    assert note_url in coordinator_client.get(detail).text
    response = coordinator_client.post(note_url, {"note": "Bitte anrufen."})
    assert response.status_code == 302
    position.refresh_from_db()
    assert position.handover_note == "Bitte anrufen."


def test_the_successor_is_shown_the_predecessors_note_after_the_handover(
    coordinator_client, client, network
):
    organisation = OrganisationFactory(network=network, name="Familienzentrum Süd")
    old = ContactPositionFactory(
        organisation=organisation,
        person__full_name="Peter Alt",
        started_on=D(2019, 1, 1),
        handover_note="Der Schlüssel zum Lager liegt bei der Hausmeisterin.",
    )
    successor_user = UserFactory(email="neu@example.org")
    successor = PersonFactory(network=network, full_name="Amira Neu", user=successor_user)
    handover = url(network, "contact_handover", position_id=old.pk)
    # The form starts with what the holder wrote, so that the coordinator can complete it.
    assert "Der Schlüssel zum Lager liegt bei der Hausmeisterin." in (
        coordinator_client.get(handover).text
    )

    response = coordinator_client.post(
        handover,
        {
            "successor": successor.pk,
            "on": "2024-10-01",
            "note": "Der Schlüssel liegt bei der Hausmeisterin.\nDas Sommerfest ist am 5.7.",
        },
        follow=True,
    )

    assert "Amira Neu finds the note from Peter Alt in their workspace." in response.text
    new = ContactPosition.objects.get(predecessor=old)
    old.refresh_from_db()
    assert old.handover_note.endswith("Das Sommerfest ist am 5.7.")
    assert new.handover_note == ""
    client.force_login(successor_user)
    workspace = client.get(url(network, "workspace")).text
    assert "Note from your predecessor" in workspace
    assert "Das Sommerfest ist am 5.7." in workspace
    assert "<bdi>Peter Alt</bdi>, before you in this role" in workspace


def test_the_successors_own_note_leaves_the_predecessors_in_the_history(network, coordinator):
    old = ContactPositionFactory(
        organisation=OrganisationFactory(network=network),
        started_on=D(2019, 1, 1),
        handover_note="Erste Notiz.",
    )
    new = services.contact_handover(
        position=old,
        actor=coordinator,
        on=D(2024, 1, 1),
        successor=PersonFactory(network=network, email=""),
    )
    services.position_note_update(position=new, actor=coordinator, note="Zweite Notiz.")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.handover_note, new.handover_note) == ("Erste Notiz.", "Zweite Notiz.")


def test_a_handover_without_a_note_keeps_what_the_holder_wrote(network, coordinator):
    old = ContactPositionFactory(
        organisation=OrganisationFactory(network=network),
        started_on=D(2019, 1, 1),
        handover_note="Vom Halter geschrieben.",
    )
    new = services.contact_handover(
        position=old,
        actor=coordinator,
        on=D(2024, 1, 1),
        successor=PersonFactory(network=network, email=""),
    )
    assert new.predecessor.handover_note == "Vom Halter geschrieben."


def test_the_migration_moves_old_notes_to_the_position_of_their_writer(network):
    """Before, a note typed at a handover was stored on the successor's position."""
    migration = importlib.import_module(
        "knotenpunkt.members.migrations.0003_handover_note_by_the_holder"
    )
    organisation = OrganisationFactory(network=network)
    first = ContactPositionFactory(organisation=organisation, ended_on=D(2022, 1, 1))
    second = ContactPositionFactory(
        organisation=organisation,
        started_on=D(2022, 1, 1),
        ended_on=D(2023, 1, 1),
        predecessor=first,
        handover_note="Von der ersten an die zweite.",
    )
    third = ContactPositionFactory(
        organisation=organisation,
        started_on=D(2023, 1, 1),
        predecessor=second,
        handover_note="Von der zweiten an die dritte.",
    )

    migration.notes_to_the_writer(apps, None)

    notes = [
        ContactPosition.objects.get(pk=position.pk).handover_note
        for position in (first, second, third)
    ]
    assert notes == ["Von der ersten an die zweite.", "Von der zweiten an die dritte.", ""]
    migration.notes_to_the_reader(apps, None)
    notes = [
        ContactPosition.objects.get(pk=position.pk).handover_note
        for position in (first, second, third)
    ]
    assert notes == ["", "Von der ersten an die zweite.", "Von der zweiten an die dritte."]


def test_a_member_contact_without_a_person_sees_no_roles(client, network):
    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    response = client.get(url(network, "workspace"))
    assert response.status_code == 200
    assert "Your contact roles" not in response.text


def test_an_invited_successor_reads_the_note_in_the_invitation_mail(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    old = ContactPositionFactory(
        organisation=OrganisationFactory(network=network),
        started_on=D(2019, 1, 1),
        handover_note="Die Fördermittel laufen im Juni aus.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_handover(
            position=old,
            actor=coordinator,
            on=D(2024, 1, 1),
            successor_data={"full_name": "Lena Neu", "email": "lena@example.org"},
        )
    run_tasks()
    [mail] = mailbox.to("lena@example.org")
    assert "Die Fördermittel laufen im Juni aus." in mailbox.body(mail)
