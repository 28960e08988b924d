"""The members app's part of the own-data export, and where it finds names in free text."""

import json

import pytest
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core import personal_data
from knotenpunkt.core.services import audit_record

from .factories import (
    AgreementSignatureFactory,
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_contact_persons_of_every_network_with_positions_signatures_and_audit(
    network, other_network, coordinator
):
    user = UserFactory()
    here = PersonFactory(
        network=network, user=user, full_name="Nadia Rahimi", phone="0170", languages=["fa"]
    )
    there = PersonFactory(network=other_network, user=user, full_name="Nadia Rahimi")
    PersonFactory(network=network, full_name="Someone Else")
    position = ContactPositionFactory(
        organisation=OrganisationFactory(network=network, name="Frauencafé"), person=here
    )
    AgreementSignatureFactory(organisation=position.organisation, signed_by=here)
    ContactPositionFactory(organisation=OrganisationFactory(network=other_network), person=there)
    with scope(network=network):
        audit_record(
            network=network, actor=coordinator, action="person.update", target=here, summary="phone"
        )

    data = personal_data.export_for(user)["contact_persons"]

    json.dumps(data)  # serialisable as it is
    assert {p["network"]["slug"] for p in data} == {network.slug, other_network.slug}
    mine = next(p for p in data if p["network"]["slug"] == network.slug)
    assert (mine["name"], mine["phone"], mine["languages"]) == ("Nadia Rahimi", "0170", ["fa"])
    assert mine["positions"][0]["organisation"] == "Frauencafé"
    assert mine["positions"][0]["started_on"] == "2021-01-01"
    assert mine["signatures"][0]["organisation"] == "Frauencafé"
    assert [(e["action"], e["summary"]) for e in mine["audit_entries"]] == [
        ("person.update", "phone")
    ]
    assert "Someone Else" not in json.dumps(data)


def test_a_user_without_contact_person_has_none(db):
    assert personal_data.export_for(UserFactory())["contact_persons"] == []


def test_names_in_organisation_texts_and_handover_notes_are_found(network, other_network):
    organisation = OrganisationFactory(
        network=network, name="Elternnetz", description="Gegründet von Galina Petrova."
    )
    ContactPositionFactory(
        organisation=OrganisationFactory(network=network, name="Sportverein"),
        handover_note="Schlüssel hat GALINA PETROVA.",
    )
    OrganisationFactory(network=other_network, description="Galina Petrova")  # not this network

    with scope(network=network):
        found = personal_data.mentions_of(network=network, needles=["Galina Petrova"])

    assert [(m.kind, m.title) for m in found] == [
        ("members.organisation", "Elternnetz"),
        ("members.handover_note", "Sportverein"),
    ]
    assert found[0].url == f"manage/members/{organisation.pk}/edit/"
