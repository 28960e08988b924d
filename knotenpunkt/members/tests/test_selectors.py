import datetime

import pytest
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core.dates import network_today
from knotenpunkt.members import selectors, services

from .factories import (
    AgreementSignatureFactory,
    AgreementVersionFactory,
    ContactPositionFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    kind_of,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def names(queryset):
    return [organisation.name for organisation in queryset]


@pytest.fixture
def registry(network, other_network):
    """Members, a former member, a never-member, and a stranger in another network."""
    current = AgreementVersionFactory(network=network, valid_from=D(2024, 1, 1))
    AgreementVersionFactory(network=network, valid_from=D(2019, 1, 1))
    signed = OrganisationFactory(
        network=network, name="Arbeiterwohlfahrt", city="Musterstadt", joined_on=D(2018, 1, 1)
    )
    AgreementSignatureFactory(organisation=signed, version=current)
    unsigned = OrganisationFactory(
        network=network,
        name="Bildungswerk",
        city="Nachbarort",
        kind=kind_of(network, "education"),
        joined_on=D(2020, 3, 1),
    )
    former = OrganisationFactory(network=network, name="Chor der Nationen")
    MembershipFactory(organisation=former, joined_on=D(2015, 1, 1), left_on=D(2022, 1, 1))
    never = OrganisationFactory(network=network, name="Dachverband")
    OrganisationFactory(network=other_network, name="Fremder Verein", joined_on=D(2020, 1, 1))
    return {
        "version": current,
        "signed": signed,
        "unsigned": unsigned,
        "former": former,
        "never": never,
    }


def test_list_filters_by_status(network, registry):
    def listed(status):
        return names(selectors.organisations_list(network=network, status=status))

    assert listed("all") == [
        "Arbeiterwohlfahrt",
        "Bildungswerk",
        "Chor der Nationen",
        "Dachverband",
    ]
    assert listed("member") == ["Arbeiterwohlfahrt", "Bildungswerk"]
    assert listed("former") == ["Chor der Nationen"]


def test_list_filters_by_current_agreement(network, registry):
    version = selectors.current_agreement_version(network=network)
    assert version == registry["version"]
    signed = selectors.organisations_list(network=network, agreement="signed", version=version)
    unsigned = selectors.organisations_list(
        network=network, agreement="unsigned", status="member", version=version
    )
    assert names(signed) == ["Arbeiterwohlfahrt"]
    assert names(unsigned) == ["Bildungswerk"]


def test_list_annotates_status_contacts_and_signature(network, registry):
    ContactPositionFactory(organisation=registry["signed"], person__full_name="Emine Kaya")
    ContactPositionFactory(
        organisation=registry["signed"], person__full_name="Ehemals", ended_on=D(2022, 1, 1)
    )
    ContactPositionFactory(
        organisation=registry["signed"], person__full_name="Vertreterin", role="deputy contact"
    )
    listed = selectors.organisations_list(network=network, version=registry["version"])
    rows = {
        organisation.name: organisation
        for organisation in selectors.attach_current_contacts(listed)
    }
    awo = rows["Arbeiterwohlfahrt"]
    assert awo.member_since == D(2018, 1, 1) and awo.signed_current
    assert [(c.display_name, c.role_label) for c in awo.current_contacts] == [
        ("Vertreterin", "Deputy contact"),
        ("Emine Kaya", "Main contact"),
    ]
    assert rows["Bildungswerk"].current_contacts == []
    assert rows["Chor der Nationen"].member_since is None
    assert rows["Chor der Nationen"].last_left_on == D(2022, 1, 1)
    assert not rows["Bildungswerk"].signed_current


def test_list_searches_name_city_and_current_contact(network, registry):
    ContactPositionFactory(organisation=registry["never"], person__full_name="Oksana Bondar")

    def found(query):
        return names(selectors.organisations_list(network=network, query=query))

    assert found("bildung") == ["Bildungswerk"]
    assert found("Nachbarort") == ["Bildungswerk"]
    assert found("Oksana") == ["Dachverband"]
    assert found("Fremder") == []  # never another network's rows


def test_list_filters_by_kind_and_sorts(network, registry):
    assert names(selectors.organisations_list(network=network, kind="education")) == [
        "Bildungswerk"
    ]
    assert names(selectors.organisations_list(network=network, sort="-name"))[0] == "Dachverband"
    assert names(selectors.organisations_list(network=network, sort="city"))[-1] == "Bildungswerk"
    by_joining = names(selectors.organisations_list(network=network, sort="joined"))
    assert by_joining[:2] == ["Arbeiterwohlfahrt", "Bildungswerk"]


def test_without_current_signature_lists_current_members_only(network, registry):
    assert names(selectors.organisations_without_current_signature(network=network)) == [
        "Bildungswerk"
    ]


def test_no_agreement_version_means_nobody_to_chase(network):
    OrganisationFactory(network=network, joined_on=D(2020, 1, 1))
    assert list(selectors.organisations_without_current_signature(network=network)) == []


def test_a_version_valid_from_tomorrow_is_not_current_yet(network):
    today = network_today(network)
    old = AgreementVersionFactory(network=network, valid_from=today - datetime.timedelta(days=1))
    AgreementVersionFactory(network=network, valid_from=today + datetime.timedelta(days=1))
    assert selectors.current_agreement_version(network=network) == old


def test_public_directory_shows_consenting_current_members(network, registry):
    for key in ("signed", "former", "never"):
        registry[key].public_listing = True
        registry[key].save()
    assert names(selectors.public_directory(network=network)) == ["Arbeiterwohlfahrt"]
    assert names(selectors.public_directory(network=network, kind="education")) == []


def test_organisations_spoken_for_are_open_positions_of_the_users_person(network, other_network):
    user = UserFactory()
    mine = OrganisationFactory(network=network, name="Meine")
    earlier = OrganisationFactory(network=network, name="Frühere")
    OrganisationFactory(network=network, name="Fremde")
    person = PersonFactory(network=network, user=user)
    ContactPositionFactory(organisation=mine, person=person)
    ContactPositionFactory(organisation=earlier, person=person, ended_on=D(2023, 1, 1))
    elsewhere = OrganisationFactory(network=other_network, name="Anderswo")
    ContactPositionFactory(organisation=elsewhere, person__user=user)
    assert names(selectors.organisations_spoken_for(user=user, network=network)) == ["Meine"]
    with scope(network=other_network):
        spoken_for_elsewhere = selectors.organisations_spoken_for(user=user, network=other_network)
        assert names(spoken_for_elsewhere) == ["Anderswo"]


def test_timeline_merges_rows_and_audit_trail(network, coordinator):
    organisation = services.organisation_create(
        network=network,
        actor=coordinator,
        name="Integrationsrat",
        kind=kind_of(network),
        joined_on=D(2019, 1, 1),
    )
    first = services.position_open(
        organisation=organisation,
        actor=coordinator,
        started_on=D(2019, 2, 1),
        person_data={"full_name": "Kemal Öztürk", "email": "", "phone": "", "languages": []},
    )
    services.contact_handover(
        position=first,
        actor=coordinator,
        on=D(2022, 5, 1),
        successor_data={"full_name": "Lina Saleh", "email": "", "phone": "", "languages": []},
    )
    version = AgreementVersionFactory(network=network, title="Vereinbarung 2019")
    services.agreement_sign(
        organisation=organisation, version=version, actor=coordinator, signed_on=D(2019, 3, 1)
    )
    services.organisation_update(organisation=organisation, actor=coordinator, phone="0301")
    services.membership_leave(
        organisation=organisation, actor=coordinator, left_on=D(2023, 1, 1), reason="Fusion"
    )

    organisation = selectors.organisation_get(network=network, organisation_id=organisation.pk)
    events = selectors.organisation_timeline(organisation=organisation)
    texts = [event.text for event in events]
    assert any("from Kemal Öztürk to Lina Saleh" in text for text in texts)
    assert any("Kemal Öztürk became" in text for text in texts)
    assert any("Vereinbarung 2019" in text for text in texts)
    assert "Left the network" in texts and "Joined the network" in texts
    edits = [event for event in events if event.text == "Profile edited"]
    assert [event.detail for event in edits] == ["phone"]
    # Facts with a row are not repeated from the audit trail; they say who recorded them.
    assert texts.count("Joined the network") == 1
    assert all(event.recorded_by == coordinator.email for event in events)
    # Newest first: today's edits, then the facts by their own dates (leaving in 2023).
    assert [event.text for event in events[:2]] == ["Profile edited", "Organisation added"]
    assert (events[2].text, events[2].detail) == ("Left the network", "Fusion")
    assert [event.on for event in events] == sorted((event.on for event in events), reverse=True)

    without_audit = selectors.organisation_timeline(organisation=organisation, include_audit=False)
    assert "Profile edited" not in [event.text for event in without_audit]
