import datetime

import pytest

from knotenpunkt.accounts.models import Invitation, NetworkRole
from knotenpunkt.accounts.services import invitation_create
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.selectors import audit_trail
from knotenpunkt.core.testing import refused
from knotenpunkt.members import services
from knotenpunkt.members.models import ContactPosition, Membership, Person

from .factories import (
    AgreementVersionFactory,
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
    kind_of,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def trail_actions(organisation):
    return [
        entry.action
        for entry in audit_trail(
            network=organisation.network,
            target_type="members.organisation",
            target_id=organisation.pk,
        )
    ]


# Organisations ---------------------------------------------------------------------------


def test_organisation_create_records_consent_time_and_membership(network, coordinator):
    organisation = services.organisation_create(
        network=network,
        actor=coordinator,
        name=" Café Global ",
        kind=kind_of(network, "migrant_organisation"),
        city="Musterstadt",
        languages="de, tr ar",
        public_listing=True,
        joined_on=D(2023, 5, 1),
    )
    assert organisation.name == "Café Global"
    assert organisation.languages == ["de", "tr", "ar"]
    assert organisation.public_listing_changed_at is not None
    assert organisation.memberships.get().joined_on == D(2023, 5, 1)
    assert sorted(trail_actions(organisation)) == ["membership.join", "organisation.create"]


def test_every_broken_rule_of_an_organisation_is_reported_at_once(network, coordinator):
    OrganisationFactory(network=network, name="Caritas", city="Musterstadt")
    with pytest.raises(DomainError) as raised:
        services.organisation_create(
            network=network,
            actor=coordinator,
            name="Caritas",
            kind=kind_of(network),
            city="Musterstadt",
            website="javascript:alert(1)",
            email="kaputt",
            languages="xx-nonsense-language",
        )
    fields = {field for field, _message in raised.value.errors}
    assert fields == {"name", "website", "email", "languages"}


def test_organisation_name_is_unique_per_city_ignoring_case(network, other_network, coordinator):
    OrganisationFactory(network=network, name="Caritas", city="Musterstadt")
    with refused("An organisation with this name exists already in %(city)s.", field="name"):
        services.organisation_create(
            network=network,
            actor=coordinator,
            name="CARITAS",
            kind=kind_of(network),
            city="musterstadt",
        )
    # Another city, or another network, is fine.
    grant_role(coordinator, other_network, "coordinator")
    services.organisation_create(
        network=network, actor=coordinator, name="Caritas", kind=kind_of(network), city="Anderswo"
    )
    services.organisation_create(
        network=other_network,
        actor=coordinator,
        name="Caritas",
        kind=kind_of(other_network),
        city="Musterstadt",
    )


def test_organisation_refuses_a_kind_of_another_network(network, other_network, coordinator):
    with refused("Choose a kind of organisation of this network.", field="kind"):
        services.organisation_create(
            network=network, actor=coordinator, name="X", kind=kind_of(other_network)
        )


def test_organisation_refuses_malformed_language_codes(network, coordinator):
    with refused(
        "These are not language codes (use codes like de, tr, ar): %(codes)s", field="languages"
    ) as error:
        services.organisation_create(
            network=network,
            actor=coordinator,
            name="X",
            kind=kind_of(network),
            languages="de, Deutsch!",
        )
    assert "Deutsch!" in str(error.value.message)


def test_organisation_update_audits_changed_fields_only(network, coordinator):
    organisation = OrganisationFactory(network=network, website="")
    services.organisation_update(
        organisation=organisation,
        actor=coordinator,
        website="https://example.org",
        city=organisation.city,
        public_listing=True,
    )
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.summary == "website, public_listing"
    assert entry.actor == coordinator
    organisation.refresh_from_db()
    assert organisation.public_listing_changed_at is not None
    # Saving without a change writes nothing.
    services.organisation_update(
        organisation=organisation, actor=coordinator, website="https://example.org"
    )
    assert AuditEntry.objects.filter(action="organisation.update").count() == 1


def test_organisation_update_keeps_name_and_city_unique(network, coordinator):
    OrganisationFactory(network=network, name="AWO", city="Musterstadt")
    other = OrganisationFactory(network=network, name="DRK", city="Musterstadt")
    with refused("An organisation with this name exists already in %(city)s.", field="name"):
        services.organisation_update(organisation=other, actor=coordinator, name="awo")


# Memberships -----------------------------------------------------------------------------


def test_leaving_and_rejoining_keeps_every_period(network, coordinator):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    services.membership_leave(
        organisation=organisation, actor=coordinator, left_on=D(2021, 6, 30), reason="Auflösung"
    )
    services.membership_join(organisation=organisation, actor=coordinator, joined_on=D(2023, 1, 1))
    periods = list(Membership.objects.filter(organisation=organisation).order_by("joined_on"))
    assert [(p.joined_on, p.left_on, p.leave_reason) for p in periods] == [
        (D(2019, 1, 1), D(2021, 6, 30), "Auflösung"),
        (D(2023, 1, 1), None, ""),
    ]
    assert trail_actions(organisation).count("membership.join") == 1  # the factory made the first
    assert "membership.leave" in trail_actions(organisation)


def test_joining_while_a_member_is_refused(network, coordinator):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    with refused("%(name)s is a member already (since %(date)s).", field="joined_on") as error:
        services.membership_join(
            organisation=organisation, actor=coordinator, joined_on=D(2020, 1, 1)
        )
    assert error.value.field == "joined_on"


def test_leaving_twice_is_refused(network, coordinator):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    services.membership_leave(organisation=organisation, actor=coordinator, left_on=D(2020, 1, 1))
    with pytest.raises(DomainError, match="not a member"):
        services.membership_leave(
            organisation=organisation, actor=coordinator, left_on=D(2020, 2, 1)
        )


def test_periods_cannot_overlap_or_run_backwards(network, coordinator):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    with refused("The membership cannot end before it began (%(date)s).", field="left_on"):
        services.membership_leave(
            organisation=organisation, actor=coordinator, left_on=D(2018, 1, 1)
        )
    services.membership_leave(organisation=organisation, actor=coordinator, left_on=D(2020, 1, 1))
    with pytest.raises(DomainError, match="before the last one ended"):
        services.membership_join(
            organisation=organisation, actor=coordinator, joined_on=D(2019, 6, 1)
        )


# People ----------------------------------------------------------------------------------


def test_person_email_is_unique_per_network_ignoring_case(network, other_network, coordinator):
    PersonFactory(network=network, email="ayse@example.org")
    with refused("Another person in this network has this e-mail address.", field="email"):
        services.person_create(
            network=network, actor=coordinator, full_name="Ayşe Y.", email="AYSE@example.org"
        )
    grant_role(coordinator, other_network, "coordinator")
    services.person_create(
        network=other_network, actor=coordinator, full_name="Ayşe Y.", email="ayse@example.org"
    )


def test_person_consent_is_time_stamped_when_it_changes(network, coordinator):
    person = services.person_create(network=network, actor=coordinator, full_name="Olena K.")
    assert person.contact_consent_at is None
    services.person_update(person=person, actor=coordinator, contact_consent=True)
    person.refresh_from_db()
    assert person.contact_consent and person.contact_consent_at is not None


# Contact positions and handover ----------------------------------------------------------


def test_position_open_with_a_new_person(network, coordinator):
    organisation = OrganisationFactory(network=network)
    position = services.position_open(
        organisation=organisation,
        actor=coordinator,
        started_on=D(2024, 1, 1),
        person_data={
            "full_name": "Reza M.",
            "email": "reza@example.org",
            "phone": "",
            "languages": ["fa"],
        },
    )
    assert position.person.full_name == "Reza M."
    assert position.role == "main contact"
    assert "position.open" in trail_actions(organisation)


def test_same_person_cannot_hold_the_same_open_role_twice(network, coordinator):
    position = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    with refused("%(person)s holds this role at %(organisation)s already.", field="person"):
        services.position_open(
            organisation=position.organisation,
            actor=coordinator,
            started_on=D(2024, 1, 1),
            person=position.person,
        )


def test_handover_closes_the_old_period_opens_the_new_one_and_invites(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(network=network, name="Bürgerhaus Nord")
    old = ContactPositionFactory(organisation=organisation, started_on=D(2020, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        new = services.contact_handover(
            position=old,
            actor=coordinator,
            on=D(2024, 9, 1),
            note="Die Schlüssel liegen im Büro.",
            successor_data={
                "full_name": "Mariam Haddad",
                "email": "mariam@example.org",
                "phone": "",
                "languages": ["ar", "de"],
            },
        )
    old.refresh_from_db()
    assert old.ended_on == D(2024, 9, 1)
    assert new.predecessor == old
    assert (new.started_on, new.ended_on, new.role) == (D(2024, 9, 1), None, old.role)
    # The note is the outgoing holder's, kept on their position; the successor reads it there.
    assert old.handover_note == "Die Schlüssel liegen im Büro."
    assert new.predecessor.handover_note == "Die Schlüssel liegen im Büro."
    assert new.handover_note == ""
    # X stays in the history; Z is the only current contact.
    history = ContactPosition.objects.filter(organisation=organisation)
    assert set(history.values_list("person__full_name", flat=True)) == {
        old.person.full_name,
        "Mariam Haddad",
    }
    assert list(history.filter(ended_on__isnull=True)) == [new]
    invitation = Invitation.objects.get(person=new.person)
    assert (invitation.email, invitation.role, invitation.language) == (
        "mariam@example.org",
        "member_contact",
        "ar",
    )
    run_tasks()
    [message] = mailbox.to("mariam@example.org")
    assert invitation.token in mailbox.body(message)
    assert "contact.handover" in trail_actions(organisation)


def test_handover_to_a_person_with_an_account_grants_the_role_without_invitation(
    network, coordinator
):
    user = UserFactory(email="linked@example.org")
    successor = PersonFactory(network=network, user=user, email="linked@example.org")
    old = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    services.contact_handover(
        position=old, actor=coordinator, on=D(2024, 9, 1), successor=successor
    )
    assert NetworkRole.objects.filter(network=network, user=user, role="member_contact").exists()
    assert not Invitation.objects.filter(person=successor).exists()


def test_handover_of_an_ended_role_or_to_the_same_person_is_refused(network, coordinator):
    old = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    with refused("Choose someone else than the current contact.", field="successor") as error:
        services.contact_handover(
            position=old, actor=coordinator, on=D(2024, 1, 1), successor=old.person
        )
    assert error.value.field == "successor"
    successor = PersonFactory(network=network, email="")
    services.contact_handover(
        position=old, actor=coordinator, on=D(2024, 1, 1), successor=successor
    )
    with pytest.raises(DomainError, match="ended already"):
        services.contact_handover(
            position=old,
            actor=coordinator,
            on=D(2024, 2, 1),
            successor=PersonFactory(network=network),
        )
    # A successor without e-mail address gets no invitation (there is nowhere to send it).
    assert not Invitation.objects.filter(person=successor).exists()


def test_handover_refuses_a_successor_of_another_network(network, other_network, coordinator):
    old = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    stranger = PersonFactory(network=other_network)
    with refused("Choose a person of this network.", field="successor"):
        services.contact_handover(
            position=old, actor=coordinator, on=D(2024, 1, 1), successor=stranger
        )
    old.refresh_from_db()
    assert old.ended_on is None


def test_position_close_ends_a_role_without_successor(network, coordinator):
    position = ContactPositionFactory(
        organisation=OrganisationFactory(network=network), started_on=D(2022, 1, 1)
    )
    with refused("The role cannot end before it began (%(date)s).", field="ended_on") as error:
        services.position_close(position=position, actor=coordinator, ended_on=D(2021, 1, 1))
    assert error.value.field == "ended_on"
    services.position_close(position=position, actor=coordinator, ended_on=D(2024, 1, 1))
    position.refresh_from_db()
    assert position.ended_on == D(2024, 1, 1)


# Agreements ------------------------------------------------------------------------------


def test_agreement_signing_twice_is_refused(network, coordinator):
    organisation = OrganisationFactory(network=network)
    version = services.agreement_version_create(
        network=network,
        actor=coordinator,
        title="Vereinbarung 2024",
        text="Text",
        valid_from=D(2024, 1, 1),
    )
    signer = ContactPositionFactory(organisation=organisation).person
    signature = services.agreement_sign(
        organisation=organisation,
        version=version,
        actor=coordinator,
        signed_on=D(2024, 2, 1),
        signed_by=signer,
    )
    assert signature.recorded_by == coordinator
    with refused(
        "%(organisation)s has signed this version already (on %(date)s).", field="version"
    ) as error:
        services.agreement_sign(
            organisation=organisation, version=version, actor=coordinator, signed_on=D(2024, 3, 1)
        )
    assert error.value.field == "version"
    assert "agreement.sign" in trail_actions(organisation)


def test_agreement_versions_need_distinct_start_days(network, coordinator):
    AgreementVersionFactory(network=network, valid_from=D(2024, 1, 1))
    with refused("Another version is valid from this day already.", field="valid_from") as error:
        services.agreement_version_create(
            network=network, actor=coordinator, title="Neu", text="Text", valid_from=D(2024, 1, 1)
        )
    assert error.value.field == "valid_from"


def test_agreement_signing_refuses_future_dates_and_foreign_versions(
    network, other_network, coordinator
):
    organisation = OrganisationFactory(network=network)
    foreign = AgreementVersionFactory(network=other_network)
    with refused("Choose a version of this network's agreement.", field="version") as error:
        services.agreement_sign(
            organisation=organisation, version=foreign, actor=coordinator, signed_on=D(2024, 1, 1)
        )
    assert error.value.field == "version"
    own = AgreementVersionFactory(network=network)
    with refused("The date of signing cannot be in the future.", field="signed_on") as error:
        services.agreement_sign(
            organisation=organisation,
            version=own,
            actor=coordinator,
            signed_on=network_today(network) + datetime.timedelta(days=1),
        )
    assert error.value.field == "signed_on"


# Erasure ---------------------------------------------------------------------------------


def test_erase_keeps_the_history_row_but_no_personal_data(network, coordinator):
    user = UserFactory(email="jana.k@example.org")
    organisation = OrganisationFactory(network=network)
    person = services.person_create(
        network=network,
        actor=coordinator,
        full_name="Jana Kowalczyk",
        email="jana.k@example.org",
        phone="0151 123",
        languages=["pl", "de"],
        contact_consent=True,
    )
    Person.objects.filter(pk=person.pk).update(user=user)
    position = services.position_open(
        organisation=organisation, actor=coordinator, started_on=D(2020, 1, 1), person=person
    )
    version = AgreementVersionFactory(network=network)
    services.agreement_sign(
        organisation=organisation,
        version=version,
        actor=coordinator,
        signed_on=D(2024, 1, 1),
        signed_by=person,
    )
    invitation = invitation_create(
        network=network, email=person.email, role="member_contact", actor=coordinator, person=person
    )
    person.refresh_from_db()

    services.person_erase(person=person, actor=coordinator)

    person.refresh_from_db()
    assert (person.full_name, person.email, person.phone, person.languages) == ("", "", "", [])
    assert person.user is None and not person.contact_consent and person.contact_consent_at is None
    assert person.erased_at is not None
    assert str(person) == "Former contact"
    # The history row stays, ended today; the signature still names the (former) signer.
    position.refresh_from_db()
    assert position.person == person and position.ended_on == network_today(network)
    assert organisation.signatures.get().signed_by == person
    # No trace of name or address anywhere in the audit trail or the invitation.
    for entry in AuditEntry.objects.all():
        for text in (entry.target_label, entry.summary):
            assert "Jana" not in text and "jana.k@" not in text, entry.action
    invitation.refresh_from_db()
    assert invitation.email == "" and not invitation.is_usable
    assert AuditEntry.objects.filter(action="person.erase", target_id=str(person.pk)).count() == 1


def test_erased_person_cannot_be_erased_or_edited_again(network, coordinator):
    person = PersonFactory(network=network)
    services.person_erase(person=person, actor=coordinator)
    with refused("The personal data of this person has been erased already.", field=None):
        services.person_erase(person=person, actor=coordinator)
    with refused("The personal data of this person has been erased.", field=None):
        services.person_update(person=person, actor=coordinator, phone="1")


def test_erase_does_not_touch_other_people_with_a_similar_name(network, coordinator):
    ali = PersonFactory(network=network, full_name="Ali", email="ali@example.org")
    alice = services.person_create(network=network, actor=coordinator, full_name="Alice Berg")
    services.person_erase(person=ali, actor=coordinator)
    entry = AuditEntry.objects.get(action="person.create", target_id=str(alice.pk))
    assert entry.target_label == "Alice Berg"
