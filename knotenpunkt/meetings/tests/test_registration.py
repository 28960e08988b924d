"""Registration: capacity, waiting list, promotion by mail with .ics, deadline, cancellation."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused, translated
from knotenpunkt.core.text import isolate
from knotenpunkt.meetings import services
from knotenpunkt.meetings.ical import event_uid
from knotenpunkt.meetings.mail import language_for
from knotenpunkt.meetings.models import Registration
from knotenpunkt.members.tests.factories import PersonFactory

from .factories import CafeSessionFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def people(network, count):
    return [
        PersonFactory(network=network, full_name=f"Person {n}", email=f"p{n}@example.org")
        for n in range(count)
    ]


def test_seats_are_given_until_the_meeting_is_full_then_people_wait(network, coordinator):
    meeting = MeetingFactory(network=network, capacity=2)
    first, second, third, fourth = people(network, 4)
    statuses = [
        services.meeting_register(meeting=meeting, person=person, actor=coordinator).status
        for person in (first, second, third, fourth)
    ]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED]
    assert Registration.objects.filter(meeting=meeting, status=CONFIRMED).count() == 2


def test_confirmation_mail_carries_an_ics_request_the_calendar_understands(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, ics_of
):
    meeting = MeetingFactory(
        network=network,
        title="Plenum im Mai",
        starts_at=datetime.datetime(2030, 5, 14, 15, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 5, 14, 18, 0, tzinfo=datetime.UTC),
        place="Rathaus",
    )
    person = PersonFactory(network=network, full_name="Ayşe Yılmaz", email="ayse@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    run_tasks()
    [message] = mailbox.to("ayse@example.org")
    assert "Plenum im Mai" in message["Subject"]
    assert "Ayşe Yılmaz" in mailbox.body(message)
    calendar, method = ics_of(message)
    assert method == "REQUEST"
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == event_uid(meeting)
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert str(event["SUMMARY"]) == "Plenum im Mai"
    assert "Rathaus" in str(event["LOCATION"])
    assert str(event["ATTENDEE"]) == "mailto:ayse@example.org"
    assert str(event["ORGANIZER"]).startswith("mailto:")


def test_a_waitlisted_person_hears_their_position_and_gets_no_invitation(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(network=network, capacity=1)
    first, second, third = people(network, 3)
    with django_capture_on_commit_callbacks(execute=True):
        for person in (first, second, third):
            services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    run_tasks()
    [message] = mailbox.to(third.email)
    expected = translated(
        "all seats are taken, so you are on the waiting list, at position %(position)s:",
        language_for(third, network),
        position=2,
    )
    assert expected in " ".join(mailbox.body(message).split())
    assert not [p for p in message.walk() if p.get_content_type() == "text/calendar"]


def test_cancelling_promotes_the_next_in_line_and_tells_them_by_mail(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, ics_of
):
    meeting = MeetingFactory(network=network, capacity=1, title="Netzwerkcafé")
    holder, next_in_line, later = people(network, 3)
    seat = services.meeting_register(meeting=meeting, person=holder, actor=coordinator)
    waiting = services.meeting_register(meeting=meeting, person=next_in_line, actor=coordinator)
    services.meeting_register(meeting=meeting, person=later, actor=coordinator)
    run_tasks()
    mailbox.messages.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seat, actor=coordinator)
    run_tasks()

    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED and waiting.promoted_at is not None
    assert Registration.objects.get(person=later).status == WAITLISTED
    [promotion] = mailbox.to(next_in_line.email)
    expected = translated(
        "A seat is free for you: %(title)s",
        language_for(next_in_line, network),
        title=isolate("Netzwerkcafé"),
    )
    assert promotion["Subject"].strip() == expected
    calendar, method = ics_of(promotion)
    assert method == "REQUEST"
    assert str(calendar.walk("VEVENT")[0]["UID"]) == event_uid(meeting)
    # The one who gave the seat back gets it removed from their calendar.
    [cancellation] = mailbox.to(holder.email)
    cancel, method = ics_of(cancellation)
    assert method == "CANCEL"
    assert cancel.walk("VEVENT")[0]["SEQUENCE"] == 1
    # The promoted person's invitation carries the raised SEQUENCE as well.
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1
    assert mailbox.to(later.email) == []
    actions = list(
        AuditEntry.objects.filter(context_id=str(meeting.pk)).values_list("action", flat=True)
    )
    assert "registration.cancel" in actions and "registration.promote" in actions


def test_cancelling_a_waitlisted_registration_promotes_nobody(network, coordinator):
    meeting = MeetingFactory(network=network, capacity=1)
    holder, first_waiting, second_waiting = people(network, 3)
    services.meeting_register(meeting=meeting, person=holder, actor=coordinator)
    waiting = services.meeting_register(meeting=meeting, person=first_waiting, actor=coordinator)
    services.meeting_register(meeting=meeting, person=second_waiting, actor=coordinator)
    services.registration_cancel(registration=waiting, actor=coordinator)
    assert Registration.objects.get(person=second_waiting).status == WAITLISTED
    with refused("This registration is cancelled already.", field=None):
        services.registration_cancel(registration=waiting, actor=coordinator)


def test_more_seats_fill_up_from_the_waiting_list_in_order(network, coordinator):
    meeting = MeetingFactory(network=network, capacity=1)
    persons = people(network, 4)
    for person in persons:
        services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    services.meeting_update(meeting=meeting, actor=coordinator, capacity=3)
    statuses = {r.person_id: r.status for r in Registration.objects.filter(meeting=meeting)}
    assert [statuses[p.pk] for p in persons] == [CONFIRMED, CONFIRMED, CONFIRMED, WAITLISTED]


def test_registration_after_the_deadline_is_refused_and_nothing_is_saved(network, coordinator):
    meeting = MeetingFactory(
        network=network, registration_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(DomainError, match="Registration closed"):
        services.meeting_register(
            meeting=meeting, person=PersonFactory(network=network), actor=coordinator
        )
    assert not Registration.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="registration").exists()


def test_no_registration_for_a_cancelled_or_finished_meeting(network, coordinator):
    cancelled = MeetingFactory(network=network)
    services.meeting_cancel(meeting=cancelled, actor=coordinator)
    past = MeetingFactory(
        network=network,
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=2),
    )
    person = PersonFactory(network=network)
    with pytest.raises(DomainError, match="cancelled"):
        services.meeting_register(meeting=cancelled, person=person, actor=coordinator)
    with pytest.raises(DomainError, match="over"):
        services.meeting_register(meeting=past, person=person, actor=coordinator)


def test_nobody_is_registered_twice_but_may_come_back_after_cancelling(network, coordinator):
    meeting = MeetingFactory(network=network)
    person = PersonFactory(network=network)
    first = services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    with pytest.raises(DomainError, match="registered already") as error:
        services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    assert error.value.field == "person"
    services.registration_cancel(registration=first, actor=coordinator)
    again = services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    assert again.status == CONFIRMED


def test_a_person_of_another_network_cannot_be_registered(network, other_network, coordinator):
    meeting = MeetingFactory(network=network)
    with refused("Choose a person of this network.", field="person"):
        services.meeting_register(
            meeting=meeting, person=PersonFactory(network=other_network), actor=coordinator
        )


def test_cafe_sessions_have_their_own_seats_and_waiting_list(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, ics_of
):
    meeting = MeetingFactory(network=network, capacity=2)
    session = CafeSessionFactory(meeting=meeting, capacity=1, title="Infotisch Sprache")
    first, second = people(network, 2)
    services.meeting_register(meeting=meeting, person=first, actor=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        seat = services.session_register(session=session, person=second, actor=coordinator)
    run_tasks()
    # The meeting's own seat (taken by first) does not count for the session.
    assert seat.status == CONFIRMED and seat.meeting == meeting and seat.session == session
    waiting = services.session_register(session=session, person=first, actor=coordinator)
    assert waiting.status == WAITLISTED
    [session_mail] = [m for m in mailbox.to(second.email) if "Infotisch" in m["Subject"]]
    calendar, method = ics_of(session_mail)
    assert str(calendar.walk("VEVENT")[0]["UID"]) == event_uid(session)
    services.registration_cancel(registration=seat, actor=coordinator)
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED


def test_the_organisation_is_the_one_the_person_speaks_for(network, coordinator, member_contact):
    meeting = MeetingFactory(network=network)
    registration = services.meeting_register(
        meeting=meeting, person=member_contact.person, actor=member_contact
    )
    assert registration.organisation == member_contact.own_organisation
    assert registration.registered_by == member_contact
    entry = AuditEntry.objects.get(action="registration.confirm")
    assert entry.actor == member_contact and entry.context_id == str(meeting.pk)


def test_registrations_of_a_person_without_address_work_without_mail(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(network=network)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_register(
            meeting=meeting, person=PersonFactory(network=network, email=""), actor=coordinator
        )
    run_tasks()
    assert mailbox.messages == []


def test_waiting_list_order_is_first_come_first_served(network, coordinator):
    meeting = MeetingFactory(network=network, capacity=1)
    holder = RegistrationFactory(meeting=meeting)
    persons = people(network, 3)
    for person in persons:
        services.meeting_register(meeting=meeting, person=person, actor=coordinator)
    services.registration_cancel(registration=holder, actor=coordinator)
    confirmed = Registration.objects.get(meeting=meeting, status=CONFIRMED)
    assert confirmed.person == persons[0]
