"""Meeting pages: list, detail, planning and registration, with their permissions."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.meetings.models import CafeSession, Meeting, Registration
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory, lead_user

from .factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CafeSessionFactory,
    DecisionFactory,
    MeetingFactory,
    RegistrationFactory,
    in_days,
)
from .helpers import url

pytestmark = pytest.mark.django_db


def local_input(value: datetime.datetime, network) -> str:
    """How a datetime-local field is filled in, in the network's time zone."""
    return value.astimezone(network.tz).strftime("%Y-%m-%dT%H:%M")


# Access ----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, network):
    response = client.get(url(network, "list"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_every_role_reads_meetings_but_only_coordinators_plan_plenaries(
    client, network, city_liaison, member_contact
):
    meeting = MeetingFactory(network=network)
    for user in (city_liaison, member_contact):
        client.force_login(user)
        assert client.get(url(network, "list")).status_code == 200
        assert client.get(url(network, "detail", meeting_id=meeting.pk)).status_code == 200
        assert client.get(url(network, "create")).status_code == 403
        assert client.get(url(network, "edit", meeting_id=meeting.pk)).status_code == 403
        assert client.post(url(network, "cancel", meeting_id=meeting.pk)).status_code == 403
        assert client.get(url(network, "session_create", meeting_id=meeting.pk)).status_code == 403
        assert client.get(url(network, "attendance", meeting_id=meeting.pk)).status_code == 403
    meeting.refresh_from_db()
    assert not meeting.is_cancelled


def test_a_coordinator_of_another_network_gets_403(client, network, other_network):
    user = UserFactory()
    grant_role(user, other_network, "coordinator")
    client.force_login(user)
    assert client.get(url(network, "list")).status_code == 403


# Planning --------------------------------------------------------------------------------


def test_the_coordinator_plans_a_plenary_with_cafe_sessions(coordinator_client, network):
    starts_at = in_days(40)
    response = coordinator_client.post(
        url(network, "create"),
        {
            "kind": "plenary",
            "title": "Plenum Herbst",
            "starts_at": local_input(starts_at, network),
            "ends_at": local_input(starts_at + datetime.timedelta(hours=3), network),
            "place": "Bürgerhaus",
            "capacity": "50",
        },
    )
    meeting = Meeting.objects.get(title="Plenum Herbst")
    assert response.status_code == 302
    assert response["Location"] == url(network, "detail", meeting_id=meeting.pk)
    assert meeting.starts_at == starts_at  # entered in the network's time zone, stored in UTC
    host = OrganisationFactory(network=network, name="Jugendmigrationsdienst")
    for number, kind in enumerate(["topic_panel", "discussion_group", "information_table"]):
        coordinator_client.post(
            url(network, "session_create", meeting_id=meeting.pk),
            {
                "kind": kind,
                "title": f"Session {number}",
                "host_organisation": host.pk,
                "room": f"Raum {number}",
                "starts_at": local_input(starts_at, network),
                "ends_at": local_input(starts_at + datetime.timedelta(hours=1), network),
                "capacity": "10",
            },
        )
    assert CafeSession.objects.filter(meeting=meeting).count() == 3
    page = coordinator_client.get(url(network, "detail", meeting_id=meeting.pk)).content.decode()
    assert "Session 2" in page and "Jugendmigrationsdienst" in page and "10 of 10" in page


def test_a_meeting_ending_before_it_starts_is_a_form_error_on_the_end(coordinator_client, network):
    starts_at = in_days(40)
    response = coordinator_client.post(
        url(network, "create"),
        {
            "kind": "plenary",
            "title": "Verkehrt",
            "starts_at": local_input(starts_at, network),
            "ends_at": local_input(starts_at - datetime.timedelta(hours=1), network),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["The end must be after the start."]
    assert not Meeting.objects.exists()


def test_a_group_lead_plans_and_runs_only_their_groups_meetings(client, network):
    group = WorkingGroupFactory(network=network, name="AG Gesundheit")
    other_group = WorkingGroupFactory(network=network)
    lead = lead_user(group)
    client.force_login(lead)
    form = client.get(url(network, "create")).context["form"]
    assert list(form.fields["group"].queryset) == [group]
    assert "plenary" not in dict(form.fields["kind"].choices)
    starts_at = in_days(10)
    values = {
        "kind": "working_group",
        "title": "AG-Treffen",
        "starts_at": local_input(starts_at, network),
        "ends_at": local_input(starts_at + datetime.timedelta(hours=2), network),
    }
    response = client.post(url(network, "create"), values | {"group": other_group.pk})
    assert response.status_code == 200 and not Meeting.objects.exists()
    client.post(url(network, "create"), values | {"group": group.pk})
    meeting = Meeting.objects.get(group=group)
    assert client.get(url(network, "edit", meeting_id=meeting.pk)).status_code == 200
    assert client.get(url(network, "minutes", meeting_id=meeting.pk)).context["form"] is not None
    foreign = MeetingFactory(network=network, kind="working_group", group=other_group)
    assert client.get(url(network, "edit", meeting_id=foreign.pk)).status_code == 403
    plenary = MeetingFactory(network=network)
    assert client.get(url(network, "edit", meeting_id=plenary.pk)).status_code == 403


def test_editing_and_cancelling_through_the_pages(coordinator_client, network):
    meeting = MeetingFactory(network=network, title="Alt")
    form = coordinator_client.get(url(network, "edit", meeting_id=meeting.pk)).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {
        "title": "Neu",
        "starts_at": local_input(meeting.starts_at, network),
        "ends_at": local_input(meeting.ends_at, network),
    }
    assert (
        coordinator_client.post(url(network, "edit", meeting_id=meeting.pk), data).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.title == "Neu" and meeting.sequence == 1
    response = coordinator_client.post(
        url(network, "cancel", meeting_id=meeting.pk), {"reason": "Krankheit"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    page = coordinator_client.get(url(network, "detail", meeting_id=meeting.pk)).content.decode()
    assert "This meeting has been cancelled." in page


def test_agenda_items_through_the_pages(coordinator_client, network):
    meeting = MeetingFactory(network=network)
    coordinator_client.post(
        url(network, "agenda_add", meeting_id=meeting.pk), {"title": "Begrüßung"}
    )
    item = meeting.agenda_items.get()
    coordinator_client.post(
        url(network, "agenda_edit", agenda_item_id=item.pk),
        {"title": "Willkommen", "position": "1"},
    )
    page = coordinator_client.get(url(network, "detail", meeting_id=meeting.pk)).content.decode()
    assert "Willkommen" in page
    coordinator_client.post(url(network, "agenda_delete", agenda_item_id=item.pk))
    assert not meeting.agenda_items.exists()


# Registration ----------------------------------------------------------------------------


def test_a_member_contact_registers_people_of_their_own_organisation_only(
    client, network, member_contact, colleague
):
    meeting = MeetingFactory(network=network, capacity=1)
    stranger = PersonFactory(network=network)
    client.force_login(member_contact)
    form = client.get(url(network, "register", meeting_id=meeting.pk)).context["form"]
    assert set(form.fields["person"].queryset) == {member_contact.person, colleague}
    response = client.post(url(network, "register", meeting_id=meeting.pk), {"person": stranger.pk})
    assert response.status_code == 200 and not Registration.objects.exists()
    client.post(
        url(network, "register", meeting_id=meeting.pk), {"person": member_contact.person.pk}
    )
    response = client.post(
        url(network, "register", meeting_id=meeting.pk), {"person": colleague.pk}
    )
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("person_id", "status"))
    assert statuses == {member_contact.person.pk: "confirmed", colleague.pk: "waitlisted"}
    page = client.get(url(network, "detail", meeting_id=meeting.pk)).content.decode()
    assert "waiting list, position 1" in page


def test_the_register_page_shows_the_deadline_error(coordinator_client, network):
    meeting = MeetingFactory(
        network=network, registration_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    person = PersonFactory(network=network)
    response = coordinator_client.post(
        url(network, "register", meeting_id=meeting.pk), {"person": person.pk}
    )
    assert response.status_code == 200
    assert "Registration closed on" in response.content.decode()
    assert not Registration.objects.exists()
    # The meeting page no longer offers the form.
    page = coordinator_client.get(url(network, "detail", meeting_id=meeting.pk))
    assert page.context["register_form"] is None


def test_members_see_their_own_registrations_and_the_coordinator_sees_all(
    client, coordinator, network, member_contact, colleague
):
    meeting = MeetingFactory(network=network)
    RegistrationFactory(
        meeting=meeting, person=colleague, organisation=member_contact.own_organisation
    )
    other = RegistrationFactory(meeting=meeting, person__full_name="Fremde Person")
    client.force_login(member_contact)
    page = client.get(url(network, "detail", meeting_id=meeting.pk)).content.decode()
    assert "Cem Kollege" in page and "Fremde Person" not in page
    assert (
        client.get(url(network, "registration_cancel", registration_id=other.pk)).status_code == 403
    )
    client.force_login(coordinator)
    everything = client.get(url(network, "detail", meeting_id=meeting.pk)).content.decode()
    assert "Cem Kollege" in everything and "Fremde Person" in everything


def test_cancelling_a_registration_through_the_page_promotes_the_next(
    client, network, member_contact, colleague
):
    meeting = MeetingFactory(network=network, capacity=1)
    mine = RegistrationFactory(
        meeting=meeting, person=colleague, organisation=member_contact.own_organisation
    )
    waiting = RegistrationFactory(meeting=meeting, status="waitlisted")
    client.force_login(member_contact)
    response = client.post(url(network, "registration_cancel", registration_id=mine.pk))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_session_page_registration_and_cancellation(coordinator_client, network):
    session = CafeSessionFactory(meeting=MeetingFactory(network=network), capacity=1, title="Talk")
    person = PersonFactory(network=network, full_name="Olga Teilnehmerin")
    response = coordinator_client.post(
        url(network, "session_register", session_id=session.pk), {"person": person.pk}
    )
    assert response["Location"] == url(network, "session", session_id=session.pk)
    page = coordinator_client.get(url(network, "session", session_id=session.pk)).content.decode()
    assert "Olga Teilnehmerin" in page and "0 of 1 free" in page
    coordinator_client.post(url(network, "session_cancel", session_id=session.pk))
    session.refresh_from_db()
    assert session.is_cancelled


# Lists and query counts ------------------------------------------------------------------


def test_the_list_shows_upcoming_or_past_meetings_filtered_by_kind_and_group(
    coordinator_client, network, other_network
):
    group = WorkingGroupFactory(network=network)
    MeetingFactory(network=network, title="Kommendes Plenum")
    MeetingFactory(network=network, title="AG kommt", kind="working_group", group=group)
    MeetingFactory(
        network=network,
        title="Vergangenes",
        starts_at=in_days(-30),
        ends_at=in_days(-30) + datetime.timedelta(hours=2),
    )
    MeetingFactory(network=other_network, title="Woanders")

    def titles(query):
        response = coordinator_client.get(url(network, "list") + query)
        return [meeting.title for meeting in response.context["page"]]

    assert titles("") == ["Kommendes Plenum", "AG kommt"]
    assert titles("?when=past") == ["Vergangenes"]
    assert titles("?kind=working_group") == ["AG kommt"]
    assert titles(f"?group={group.pk}") == ["AG kommt"]


def test_the_list_pages_through_many_meetings(coordinator_client, network):
    for number in range(30):
        MeetingFactory(
            network=network,
            starts_at=in_days(number + 1),
            ends_at=in_days(number + 1) + datetime.timedelta(hours=1),
        )
    first = coordinator_client.get(url(network, "list"))
    second = coordinator_client.get(url(network, "list") + "?page=2")
    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5


def _populate(network, count):
    group = WorkingGroupFactory(network=network)
    for _number in range(count):
        meeting = MeetingFactory(network=network, capacity=5, kind="working_group", group=group)
        RegistrationFactory(meeting=meeting)
        RegistrationFactory(meeting=meeting, status="waitlisted")
        CafeSessionFactory(meeting=MeetingFactory(network=network))


def test_list_query_count_does_not_grow_with_meetings(
    coordinator_client, network, django_assert_max_num_queries
):
    _populate(network, 3)
    with django_assert_max_num_queries(14) as few:
        coordinator_client.get(url(network, "list"))
    _populate(network, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        coordinator_client.get(url(network, "list"))


def test_meeting_page_query_count_does_not_grow_with_its_contents(
    coordinator_client, network, django_assert_max_num_queries
):
    meeting = MeetingFactory(network=network, capacity=3)
    page = url(network, "detail", meeting_id=meeting.pk)

    def fill(count):
        for _number in range(count):
            AgendaItemFactory(meeting=meeting)
            session = CafeSessionFactory(
                meeting=meeting, host_organisation=OrganisationFactory(network=network)
            )
            RegistrationFactory(meeting=meeting, organisation=OrganisationFactory(network=network))
            RegistrationFactory(meeting=meeting, session=session)
            DecisionFactory(meeting=meeting)
            ActionItemFactory(meeting=meeting)

    fill(2)
    with django_assert_max_num_queries(30) as few:
        assert coordinator_client.get(page).status_code == 200
    fill(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        coordinator_client.get(page)


def test_session_page_query_count_does_not_grow(
    coordinator_client, network, django_assert_max_num_queries
):
    session = CafeSessionFactory(meeting=MeetingFactory(network=network), capacity=2)
    page = url(network, "session", session_id=session.pk)
    for _number in range(3):
        RegistrationFactory(meeting=session.meeting, session=session)
    with django_assert_max_num_queries(25) as few:
        coordinator_client.get(page)
    for _number in range(15):
        RegistrationFactory(meeting=session.meeting, session=session, status="waitlisted")
    with django_assert_max_num_queries(len(few.captured_queries)):
        coordinator_client.get(page)
