"""Scheduling that protects people: café sessions at one time, the plenary that comes with a
café seat, meetings that are over, dates in the past, and every error of a form at once."""

import datetime
import re

import pytest
from django.utils import translation

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.testing import refused, translated
from knotenpunkt.meetings import services
from knotenpunkt.meetings.models import Meeting, Registration
from knotenpunkt.meetings.writes import when
from knotenpunkt.members.tests.factories import PersonFactory

from .factories import CafeSessionFactory, MeetingFactory, RegistrationFactory
from .helpers import url

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
OVERLAP = (
    "%(name)s is booked for “%(title)s” at the same time (%(start)s to %(end)s). "
    "One person can take part in one café session at a time: cancel that booking "
    "first, or choose a session at another time."
)
PLENARY_FULL = (
    "%(name)s has no seat at the plenary meeting yet (it is full). Register for the "
    "plenary first; a café session can be booked once the seat is confirmed."
)
PAST = (
    "%(date)s is in the past. To record a meeting that has taken place, tick "
    "“Add a past meeting (for the records)”."
)
NOW = "2026-06-01T12:00"
AFTERNOON = datetime.datetime(2026, 6, 20, 14, 0, tzinfo=datetime.UTC)


def hours(start: int, end: int) -> dict:
    """A slot on the plenary's day, from hour `start` to hour `end` (UTC)."""
    day = AFTERNOON.replace(hour=0)
    return {
        "starts_at": day + datetime.timedelta(hours=start),
        "ends_at": day + datetime.timedelta(hours=end),
    }


def local_input(value: datetime.datetime, network) -> str:
    return value.astimezone(network.tz).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def plenary(network, clock):
    clock.move_to(NOW)
    return MeetingFactory(network=network, title="Plenum Juni", **hours(14, 19))


# Café sessions: one at a time ------------------------------------------------------------


def test_one_person_cannot_book_two_cafe_sessions_at_the_same_time(plenary, coordinator):
    network = plenary.network
    panel = CafeSessionFactory(meeting=plenary, title="Podium Wohnen", **hours(15, 16))
    overlapping = CafeSessionFactory(meeting=plenary, title="Infotisch", **hours(15, 17))
    afterwards = CafeSessionFactory(meeting=plenary, title="Gesprächskreis", **hours(16, 17))
    person = PersonFactory(network=network, full_name="Ayşe Yılmaz")
    services.session_register(session=panel, person=person, actor=coordinator)

    with refused(OVERLAP, field="person") as raised:
        services.session_register(session=overlapping, person=person, actor=coordinator)
    assert "Podium Wohnen" in raised.value.message and "Ayşe Yılmaz" in raised.value.message
    # A session that starts when the other ends is no clash.
    services.session_register(session=afterwards, person=person, actor=coordinator)
    assert not Registration.objects.filter(session=overlapping).exists()


def test_a_waiting_list_place_counts_and_a_cancelled_booking_does_not(plenary, coordinator):
    full = CafeSessionFactory(meeting=plenary, capacity=1, **hours(15, 16))
    other = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    RegistrationFactory(meeting=plenary, session=full)
    person = PersonFactory(network=plenary.network)
    waiting = services.session_register(session=full, person=person, actor=coordinator)
    assert waiting.status == WAITLISTED
    with refused(OVERLAP, field="person"):
        services.session_register(session=other, person=person, actor=coordinator)
    services.registration_cancel(registration=waiting, actor=coordinator)
    seat = services.session_register(session=other, person=person, actor=coordinator)
    assert seat.status == CONFIRMED


def test_the_register_page_says_why_a_second_session_at_the_same_time_is_refused(
    plenary, coordinator_client
):
    network = plenary.network
    first = CafeSessionFactory(meeting=plenary, title="Podium Wohnen", **hours(15, 16))
    second = CafeSessionFactory(meeting=plenary, title="Infotisch", **hours(15, 16))
    person = PersonFactory(network=network, full_name="Olga Teilnehmerin")
    coordinator_client.post(
        url(network, "session_register", session_id=first.pk), {"person": person.pk}
    )
    response = coordinator_client.post(
        url(network, "session_register", session_id=second.pk, lang="de"), {"person": person.pk}
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["person"]
    with translation.override("de"):
        start, end = when(first.starts_at, network), when(first.ends_at, network)
    assert error == translated(
        OVERLAP, "de", name="Olga Teilnehmerin", title="Podium Wohnen", start=start, end=end
    )
    assert not Registration.objects.filter(session=second).exists()


# Café sessions: the plenary comes with them ----------------------------------------------


def test_booking_a_cafe_session_registers_for_the_plenary_too(plenary, coordinator):
    session = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    person = PersonFactory(network=plenary.network)
    seat = services.session_register(session=session, person=person, actor=coordinator)
    assert seat.status == CONFIRMED and seat.plenary_registered
    [plenary_seat] = Registration.objects.filter(meeting=plenary, person=person, session=None)
    assert plenary_seat.status == CONFIRMED
    # Registered already: nothing is added to the plenary.
    later = CafeSessionFactory(meeting=plenary, **hours(17, 18))
    seat = services.session_register(session=later, person=person, actor=coordinator)
    assert not seat.plenary_registered
    assert Registration.objects.filter(meeting=plenary, person=person, session=None).count() == 1


def test_without_a_plenary_seat_the_cafe_booking_is_refused_and_nothing_kept(plenary, coordinator):
    plenary.capacity = 1
    plenary.save()
    RegistrationFactory(meeting=plenary)
    session = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    person = PersonFactory(network=plenary.network)
    with refused(PLENARY_FULL, field="person"):
        services.session_register(session=session, person=person, actor=coordinator)
    assert not Registration.objects.filter(person=person).exists()
    # Who waits for a plenary seat already hears so, and keeps the place.
    waiting = services.meeting_register(meeting=plenary, person=person, actor=coordinator)
    rule = (
        "%(name)s is on the waiting list of the plenary meeting; a café session can be "
        "booked once the plenary seat is confirmed."
    )
    with refused(rule, field="person"):
        services.session_register(session=session, person=person, actor=coordinator)
    assert list(Registration.objects.filter(person=person)) == [waiting]
    assert waiting.status == WAITLISTED


def test_the_page_says_the_plenary_registration_came_with_the_session(plenary, coordinator_client):
    network = plenary.network
    session = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    person = PersonFactory(network=network, full_name="Olga Teilnehmerin")
    page = coordinator_client.get(url(network, "session", session_id=session.pk)).content.decode()
    assert "also registers the person for the plenary meeting" in page
    response = coordinator_client.post(
        url(network, "session_register", session_id=session.pk), {"person": person.pk}, follow=True
    )
    assert (
        "Olga Teilnehmerin is registered for the café session and for the plenary meeting."
        in response.content.decode()
    )


# Meetings that are over ------------------------------------------------------------------


def test_a_meeting_that_is_over_offers_no_cancelling_or_registering(
    plenary, coordinator, client, clock
):
    network = plenary.network
    session = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    cancel_url = url(network, "cancel", meeting_id=plenary.pk)
    register_url = url(network, "register", meeting_id=plenary.pk)
    session_cancel_url = url(network, "session_cancel", session_id=session.pk)
    client.force_login(coordinator)
    page = client.get(url(network, "detail", meeting_id=plenary.pk)).content.decode()
    assert cancel_url in page and register_url in page

    clock.move_to(AFTERNOON + datetime.timedelta(days=1))
    client.force_login(coordinator)
    response = client.get(url(network, "detail", meeting_id=plenary.pk))
    page = response.content.decode()
    assert response.status_code == 200 and "Plenum Juni" in page
    assert cancel_url not in page and register_url not in page
    response = client.get(url(network, "session", session_id=session.pk))
    assert response.status_code == 200
    assert session_cancel_url not in response.content.decode()


def test_posting_anyway_is_refused_with_a_clear_error(plenary, coordinator, client, clock):
    network = plenary.network
    session = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    person = PersonFactory(network=network)
    clock.move_to(AFTERNOON + datetime.timedelta(days=1))
    client.force_login(coordinator)

    response = client.post(url(network, "cancel", meeting_id=plenary.pk), {"reason": "Zu spät"})
    assert response.status_code == 200
    assert "This meeting is over; it can no longer be cancelled." in response.content.decode()
    response = client.post(url(network, "session_cancel", session_id=session.pk))
    assert response.status_code == 200
    assert "This session is over; it can no longer be cancelled." in response.content.decode()
    response = client.post(url(network, "register", meeting_id=plenary.pk), {"person": person.pk})
    assert response.status_code == 200
    assert "This meeting is over." in response.content.decode()
    plenary.refresh_from_db()
    session.refresh_from_db()
    assert not plenary.is_cancelled and not session.is_cancelled
    assert not Registration.objects.filter(person=person).exists()


def test_the_services_refuse_to_cancel_what_is_over(plenary, coordinator, clock):
    session = CafeSessionFactory(meeting=plenary, **hours(15, 16))
    clock.move_to(AFTERNOON.replace(hour=17))
    with refused("This session is over; it can no longer be cancelled.", field=None):
        services.cafe_session_cancel(session=session, actor=coordinator)
    # The meeting itself goes on until 19:00: it can still be called off.
    services.meeting_cancel(meeting=plenary, actor=coordinator)
    assert Meeting.objects.get(pk=plenary.pk).is_cancelled


def test_a_meeting_that_ended_cannot_be_cancelled_by_the_service(plenary, coordinator, clock):
    clock.move_to(AFTERNOON.replace(hour=19))
    with refused("This meeting is over; it can no longer be cancelled.", field=None):
        services.meeting_cancel(meeting=plenary, actor=coordinator)


# Dates in the past -----------------------------------------------------------------------


def _plan(network, coordinator, **values):
    values = {"kind": "plenary", "title": "Plenum"} | values
    return services.meeting_create(network=network, actor=coordinator, **values)


def test_a_meeting_in_the_past_needs_the_confirmation_for_the_records(network, coordinator, clock):
    clock.move_to(NOW)
    in_2019 = {
        "starts_at": datetime.datetime(2019, 5, 14, 15, tzinfo=datetime.UTC),
        "ends_at": datetime.datetime(2019, 5, 14, 18, tzinfo=datetime.UTC),
    }
    with refused(PAST, field="starts_at"):
        _plan(network, coordinator, **in_2019)
    assert not Meeting.objects.exists()
    meeting = _plan(network, coordinator, past_confirmed=True, **in_2019)
    assert meeting.starts_at.year == 2019


def test_moving_a_meeting_into_the_past_needs_it_but_correcting_a_past_one_does_not(
    plenary, coordinator, clock
):
    earlier = {name: value.replace(month=5) for name, value in hours(14, 19).items()}
    with refused(PAST, field="starts_at"):
        services.meeting_update(meeting=plenary, actor=coordinator, **earlier)
    services.meeting_update(meeting=plenary, actor=coordinator, past_confirmed=True, **earlier)
    clock.move_to("2026-07-01T12:00")
    services.meeting_update(meeting=plenary, actor=coordinator, place="Rathaus, Saal 2")
    assert Meeting.objects.get(pk=plenary.pk).place == "Rathaus, Saal 2"


def test_the_form_names_the_date_and_the_confirmation(network, coordinator_client, clock):
    clock.move_to(NOW)
    values = {
        "kind": "plenary",
        "title": "Plenum 2019",
        "starts_at": "2019-05-14T17:00",
        "ends_at": "2019-05-14T20:00",
    }
    response = coordinator_client.post(url(network, "create"), values)
    [error] = response.context["form"].errors["starts_at"]
    assert "2019" in error and "Add a past meeting (for the records)" in error
    page = response.content.decode()
    assert 'name="past_confirmed"' in page and 'href="#id_starts_at"' in page
    response = coordinator_client.post(url(network, "create"), values | {"past_confirmed": "on"})
    assert response.status_code == 302
    assert Meeting.objects.get().title == "Plenum 2019"


# Every error at once ---------------------------------------------------------------------


def _summary_links(page: str) -> list[str]:
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.DOTALL).group(0)
    return re.findall(r'href="#(\w+)"', summary)


def test_the_form_shows_its_own_and_the_services_errors_together(
    network, coordinator_client, clock
):
    clock.move_to(NOW)
    response = coordinator_client.post(
        url(network, "create"),
        {
            "kind": "plenary",
            "title": "",
            "starts_at": "2026-07-01T18:00",
            "ends_at": "2026-07-01T17:00",
        },
    )
    errors = response.context["form"].errors
    assert errors["title"] == ["This field is required."]
    assert errors["ends_at"] == ["The end must be after the start."]
    assert _summary_links(response.content.decode()) == ["id_title", "id_ends_at"]


def test_every_rule_the_service_finds_is_shown_at_its_field(network, coordinator_client, clock):
    clock.move_to(NOW)
    response = coordinator_client.post(
        url(network, "create"),
        {
            "kind": "working_group",
            "title": "Plenum",
            "starts_at": "2026-05-01T18:00",
            "ends_at": "2026-05-01T20:00",
            "registration_deadline": "2026-05-02T12:00",
            "capacity": "0",
        },
    )
    errors = response.context["form"].errors
    assert set(errors) == {"starts_at", "registration_deadline", "group", "capacity"}
    links = _summary_links(response.content.decode())
    assert links == ["id_group", "id_starts_at", "id_capacity", "id_registration_deadline"]


def test_the_service_reports_every_broken_rule_in_one_error(network, coordinator, clock):
    clock.move_to(NOW)
    with pytest.raises(DomainError) as raised:
        _plan(
            network,
            coordinator,
            title=" ",
            capacity=0,
            online_link="javascript:alert(1)",
            **hours(19, 18),
        )
    fields = [field for field, _message in raised.value.errors]
    assert fields == ["title", "ends_at", "capacity", "online_link"]


def test_a_session_form_shows_all_its_errors(plenary, coordinator_client):
    network = plenary.network
    response = coordinator_client.post(
        url(network, "session_create", meeting_id=plenary.pk),
        {
            "kind": "talk",
            "title": "Zu spät",
            "starts_at": local_input(AFTERNOON.replace(hour=20), network),
            "ends_at": local_input(AFTERNOON.replace(hour=21), network),
            "capacity": "0",
        },
    )
    assert set(response.context["form"].errors) == {"starts_at", "capacity"}
