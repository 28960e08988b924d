"""People pages, contact positions, the handover form and erasure."""

import datetime

import pytest

from knotenpunkt.accounts.models import Invitation
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.members.models import ContactPosition, Person

from .factories import ContactPositionFactory, OrganisationFactory, PersonFactory
from .helpers import url

pytestmark = pytest.mark.django_db

D = datetime.date


def person_form(**overrides):
    data = {
        "full_name": "Yusuf Aydın",
        "email": "yusuf@example.org",
        "phone": "",
        "languages": "tr de",
        "contact_consent": "on",
    }
    data.update(overrides)
    return data


def test_people_list_search_and_current_organisations(coordinator_client, network):
    position = ContactPositionFactory(
        organisation=OrganisationFactory(network=network, name="Kulturbrücke"),
        person__full_name="Sevgi Arslan",
    )
    PersonFactory(network=network, full_name="Tomasz Nowak")
    response = coordinator_client.get(url(network, "person_list"), {"q": "sevgi"})
    assert response.status_code == 200
    assert "Sevgi Arslan" in response.text and "Kulturbrücke" in response.text
    assert "Tomasz Nowak" not in response.text
    assert position.person.email in response.text


def test_people_list_query_count_is_the_same_for_3_and_30_people(
    coordinator_client, network, count_queries
):
    def people(count):
        for _number in range(count):
            ContactPositionFactory(organisation=OrganisationFactory(network=network))

    people(3)
    few = count_queries(coordinator_client, url(network, "person_list"))
    people(30)
    assert count_queries(coordinator_client, url(network, "person_list")) == few


def test_add_and_edit_a_person(coordinator_client, network):
    response = coordinator_client.post(url(network, "person_create"), person_form())
    person = Person.objects.get(full_name="Yusuf Aydın")
    assert response.status_code == 302
    assert person.languages == ["tr", "de"] and person.contact_consent_at is not None
    response = coordinator_client.post(
        url(network, "person_create"), person_form(email="YUSUF@example.org")
    )
    assert "Another person in this network has this e-mail address." in response.text
    edit = url(network, "person_edit", person_id=person.pk)
    assert coordinator_client.post(edit, person_form(phone="0176 5555")).status_code == 302
    person.refresh_from_db()
    assert person.phone == "0176 5555"


def test_person_form_names_the_wrong_field(coordinator_client, network):
    response = coordinator_client.post(
        url(network, "person_create"), person_form(full_name="", email="nope", languages="deutsch!")
    )
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert "Enter a valid email address." in response.text
    assert "These are not language codes: deutsch!" in response.text
    assert not Person.objects.exists()


def test_open_a_position_for_a_new_or_existing_person(coordinator_client, network):
    organisation = OrganisationFactory(network=network)
    existing = PersonFactory(network=network)
    page = url(network, "position_open", organisation_id=organisation.pk)
    response = coordinator_client.post(
        page,
        {
            "person": "",
            "full_name": "Neue Person",
            "role": "main contact",
            "started_on": "2024-01-01",
        },
    )
    assert response.status_code == 302
    response = coordinator_client.post(
        page,
        {"person": existing.pk, "role": "", "other_role": "Kassenwart", "started_on": "2024-01-01"},
    )
    assert response.status_code == 302
    assert set(organisation.positions.values_list("person__full_name", "role")) == {
        ("Neue Person", "main contact"),
        (existing.full_name, "Kassenwart"),
    }


def test_position_form_needs_exactly_one_person(coordinator_client, network):
    organisation = OrganisationFactory(network=network)
    existing = PersonFactory(network=network)
    page = url(network, "position_open", organisation_id=organisation.pk)
    response = coordinator_client.post(page, {"role": "main contact", "started_on": "2024-01-01"})
    assert "Choose a person or enter the name of a new one." in response.text
    response = coordinator_client.post(
        page,
        {"person": existing.pk, "full_name": "Auch", "role": "", "started_on": "2024-01-01"},
    )
    assert "Either choose a person from the list or enter a new one." in response.text
    assert "Enter the role." in response.text
    assert not ContactPosition.objects.exists()


def test_handover_through_the_form_invites_the_successor(
    coordinator_client, network, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(network=network, name="Nachbarschaftshilfe")
    old = ContactPositionFactory(
        organisation=organisation, person__full_name="Peter Alt", started_on=D(2018, 1, 1)
    )
    page = url(network, "contact_handover", position_id=old.pk)
    form = coordinator_client.get(page).text
    assert "Hand over the role of Peter Alt at Nachbarschaftshilfe" in form
    assert f'<option value="{old.person_id}"' not in form  # not to oneself
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            page,
            {
                "successor": "",
                "full_name": "Amira Neu",
                "email": "amira@example.org",
                "languages": "ar",
                "on": "2024-10-01",
                "note": "Übergabe im Café.",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == url(
        network, "organisation_detail", organisation_id=organisation.pk
    )
    old.refresh_from_db()
    assert old.ended_on == D(2024, 10, 1)
    new = ContactPosition.objects.get(predecessor=old)
    assert new.person.full_name == "Amira Neu" and new.ended_on is None
    run_tasks()
    invitation = Invitation.objects.get(email="amira@example.org")
    [message] = mailbox.to("amira@example.org")
    assert invitation.token in mailbox.body(message)
    page = coordinator_client.get(response["Location"]).text
    assert "Peter Alt" in page and "Amira Neu" in page  # the predecessor stays in the history


def test_handover_form_reports_rule_violations_on_the_field(coordinator_client, network):
    old = ContactPositionFactory(
        organisation=OrganisationFactory(network=network), started_on=D(2020, 1, 1)
    )
    page = url(network, "contact_handover", position_id=old.pk)
    response = coordinator_client.post(
        page, {"successor": "", "full_name": "Zu Früh", "on": "2019-01-01"}
    )
    assert response.status_code == 200
    assert "The handover cannot happen before the role began" in response.text
    assert not Person.objects.filter(full_name="Zu Früh").exists()  # nothing half-written
    old.refresh_from_db()
    assert old.ended_on is None


def test_handover_needs_its_own_permission(client, network, city_liaison):
    old = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    client.force_login(city_liaison)
    assert client.get(url(network, "contact_handover", position_id=old.pk)).status_code == 403


def test_end_a_role_without_successor(coordinator_client, network):
    position = ContactPositionFactory(
        organisation=OrganisationFactory(network=network), started_on=D(2020, 1, 1)
    )
    page = url(network, "position_close", position_id=position.pk)
    assert coordinator_client.post(page, {"ended_on": "2024-05-31"}).status_code == 302
    position.refresh_from_db()
    assert position.ended_on == D(2024, 5, 31)
    assert "has ended already" in coordinator_client.post(page, {"ended_on": "2024-06-01"}).text


def test_erase_asks_first_then_keeps_a_former_contact_row(coordinator_client, network):
    organisation = OrganisationFactory(network=network, name="Elternnetz")
    position = ContactPositionFactory(
        organisation=organisation,
        person__full_name="Galina Petrova",
        person__email="galina@example.org",
    )
    person = position.person
    erase = url(network, "person_erase", person_id=person.pk)
    confirm = coordinator_client.get(erase)
    assert confirm.status_code == 200 and 'method="post"' in confirm.text
    person.refresh_from_db()
    assert person.erased_at is None  # GET changes nothing

    response = coordinator_client.post(erase)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.erased_at is not None and person.full_name == "" and person.email == ""
    page = coordinator_client.get(
        url(network, "organisation_detail", organisation_id=organisation.pk)
    ).text
    assert "Former contact" in page
    assert "Galina" not in page and "galina@example.org" not in page
    listing = coordinator_client.get(url(network, "person_list")).text
    assert "Former contact" in listing and "Galina" not in listing


def test_erase_is_for_coordinators_only(client, network, city_liaison):
    person = PersonFactory(network=network)
    client.force_login(city_liaison)
    assert client.post(url(network, "person_erase", person_id=person.pk)).status_code == 403
    person.refresh_from_db()
    assert person.erased_at is None


def test_people_of_another_network_are_404(coordinator_client, network, other_network):
    stranger = ContactPositionFactory(organisation=OrganisationFactory(network=other_network))
    for name, kwargs in [
        ("person_detail", {"person_id": stranger.person_id}),
        ("person_edit", {"person_id": stranger.person_id}),
        ("person_erase", {"person_id": stranger.person_id}),
        ("contact_handover", {"position_id": stranger.pk}),
        ("position_close", {"position_id": stranger.pk}),
        ("position_open", {"organisation_id": stranger.organisation_id}),
    ]:
        assert coordinator_client.get(url(network, name, **kwargs)).status_code == 404, name
    assert (
        coordinator_client.post(
            url(network, "person_erase", person_id=stranger.person_id)
        ).status_code
        == 404
    )
    stranger.person.refresh_from_db()
    assert stranger.person.erased_at is None


def test_a_person_of_another_network_cannot_be_chosen_as_successor(
    coordinator_client, network, other_network
):
    old = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    stranger = PersonFactory(network=other_network)
    response = coordinator_client.post(
        url(network, "contact_handover", position_id=old.pk),
        {"successor": stranger.pk, "on": "2024-01-01"},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.text


def test_member_contact_of_the_organisation_cannot_hand_over(client, network, member_contact):
    position = member_contact.own_organisation.positions.get()
    client.force_login(member_contact)
    assert client.get(url(network, "contact_handover", position_id=position.pk)).status_code == 403


def test_coordinator_role_in_both_networks_still_scopes_objects(client, network, other_network):
    user = UserFactory()
    grant_role(user, network, "coordinator")
    grant_role(user, other_network, "coordinator")
    foreign = PersonFactory(network=other_network)
    client.force_login(user)
    assert client.get(url(network, "person_detail", person_id=foreign.pk)).status_code == 404
    foreign.full_name = "Olha Hnatiuk"
    foreign.save()
    own = client.get(url(other_network, "person_detail", person_id=foreign.pk))
    assert own.status_code == 200 and "Olha Hnatiuk" in own.text
