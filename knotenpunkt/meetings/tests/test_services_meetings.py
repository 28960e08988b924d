"""Planning meetings and café sessions: the rules, updates and cancellation (.ics CANCEL)."""

import datetime

import pytest

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused, translated
from knotenpunkt.core.text import isolate
from knotenpunkt.meetings import services
from knotenpunkt.meetings.ical import event_uid
from knotenpunkt.meetings.mail import language_for
from knotenpunkt.meetings.models import CafeSession, Meeting
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory

from .factories import CafeSessionFactory, MeetingFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db

H = datetime.timedelta(hours=1)


def plan(network, actor, **fields):
    values = {
        "kind": Meeting.Kind.PLENARY,
        "title": "Plenum",
        "starts_at": in_days(20),
        "ends_at": in_days(20) + 3 * H,
    } | fields
    return services.meeting_create(network=network, actor=actor, **values)


def test_a_meeting_is_planned_with_an_audit_entry(network, coordinator):
    meeting = plan(network, coordinator, place="Rathaus", capacity=40)
    assert meeting.network == network and meeting.capacity == 40
    entry = AuditEntry.objects.get(action="meeting.create")
    assert entry.target_id == str(meeting.pk) and entry.actor == coordinator


def test_a_meeting_ending_before_it_starts_names_the_end_field(network, coordinator):
    with refused("The end must be after the start.", field="ends_at"):
        plan(network, coordinator, starts_at=in_days(20), ends_at=in_days(20) - H)
    with refused("The end must be after the start.", field="ends_at"):
        plan(network, coordinator, starts_at=in_days(20), ends_at=in_days(20))
    assert not Meeting.objects.exists()
    assert not AuditEntry.objects.filter(target_type="meetings.meeting").exists()


def test_the_registration_deadline_cannot_be_after_the_start(network, coordinator):
    with refused(
        "The registration deadline cannot be after the start of the meeting.",
        field="registration_deadline",
    ):
        plan(network, coordinator, registration_deadline=in_days(20) + H)


def test_group_rules(network, other_network, coordinator):
    group = WorkingGroupFactory(network=network)
    with refused("Choose the working group that meets.", field="group"):
        plan(network, coordinator, kind=Meeting.Kind.WORKING_GROUP)
    with refused(
        "A plenary meeting belongs to the whole network, not to one group.", field="group"
    ):
        plan(network, coordinator, kind=Meeting.Kind.PLENARY, group=group)
    with refused("Choose a working group of this network.", field="group"):
        plan(
            network,
            coordinator,
            kind=Meeting.Kind.WORKING_GROUP,
            group=WorkingGroupFactory(network=other_network),
        )
    meeting = plan(network, coordinator, kind=Meeting.Kind.WORKING_GROUP, group=group)
    assert meeting.group == group


def test_moving_a_meeting_raises_the_sequence_and_updates_registrants(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, ics_of
):
    meeting = MeetingFactory(network=network)
    registration = RegistrationFactory(meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=meeting,
            actor=coordinator,
            starts_at=meeting.starts_at + H,
            ends_at=meeting.ends_at + H,
        )
    run_tasks()
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    [message] = mailbox.to(registration.person.email)
    calendar, method = ics_of(message)
    [event] = calendar.walk("VEVENT")
    assert method == "REQUEST" and event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == meeting.starts_at


def test_a_change_calendars_need_not_see_sends_nothing(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(network=network)
    RegistrationFactory(meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=meeting, actor=coordinator, description="Mehr Text")
    run_tasks()
    meeting.refresh_from_db()
    assert meeting.sequence == 0 and mailbox.messages == []


def test_cancelling_sends_method_cancel_with_the_same_uid_and_a_higher_sequence(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, ics_of
):
    meeting = MeetingFactory(network=network, capacity=1, title="Plenum im Juni")
    confirmed = RegistrationFactory(meeting=meeting)
    waiting = RegistrationFactory(meeting=meeting, status="waitlisted")
    session = CafeSessionFactory(meeting=meeting, title="Diskussionsgruppe")
    in_session = RegistrationFactory(meeting=meeting, session=session)
    cancelled_before = RegistrationFactory(meeting=meeting, status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, actor=coordinator, reason="Raum fehlt")
    run_tasks()

    meeting.refresh_from_db()
    session.refresh_from_db()
    assert meeting.is_cancelled and meeting.sequence == 1
    assert session.is_cancelled and session.sequence == 1
    [message] = mailbox.to(confirmed.person.email)
    language = language_for(confirmed.person, confirmed.person.network)
    assert message["Subject"] == translated(
        "Cancelled: %(title)s", language, title=isolate("Plenum im Juni")
    )
    calendar, method = ics_of(message)
    assert method == "CANCEL" and calendar["METHOD"] == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == event_uid(meeting)
    assert event["SEQUENCE"] == 1
    assert str(event["STATUS"]) == "CANCELLED"
    # The session's calendar entry is removed as well, by its own UID.
    session_calendar, _method = ics_of(mailbox.to(in_session.person.email)[0])
    assert str(session_calendar.walk("VEVENT")[0]["UID"]) == event_uid(session)
    # People on the waiting list hear of it, without a calendar part; the cancelled hear nothing.
    [notice] = mailbox.to(waiting.person.email)
    assert not [p for p in notice.walk() if p.get_content_type() == "text/calendar"]
    assert mailbox.to(cancelled_before.person.email) == []
    assert AuditEntry.objects.get(action="meeting.cancel").summary == "Raum fehlt"
    with refused("This meeting is cancelled already.", field=None):
        services.meeting_cancel(meeting=meeting, actor=coordinator)
    with refused("A cancelled meeting cannot be changed.", field=None):
        services.meeting_update(meeting=meeting, actor=coordinator, title="Neu")


def test_cafe_sessions_belong_to_a_plenary_and_its_time(network, coordinator):
    meeting = MeetingFactory(network=network)
    host = OrganisationFactory(network=network)
    session = services.cafe_session_create(
        meeting=meeting,
        actor=coordinator,
        kind=CafeSession.Kind.INFORMATION_TABLE,
        title="Infotisch",
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + H,
        host_organisation=host,
        capacity=12,
    )
    assert session.meeting == meeting and session.host_organisation == host
    with pytest.raises(DomainError, match="during the meeting"):
        services.cafe_session_create(
            meeting=meeting,
            actor=coordinator,
            kind=CafeSession.Kind.TALK,
            title="Zu spät",
            starts_at=meeting.ends_at,
            ends_at=meeting.ends_at + H,
        )
    with refused("The end must be after the start.", field="ends_at"):
        services.cafe_session_create(
            meeting=meeting,
            actor=coordinator,
            kind=CafeSession.Kind.TALK,
            title="Verkehrt",
            starts_at=meeting.starts_at + H,
            ends_at=meeting.starts_at,
        )
    training = MeetingFactory(network=network, kind=Meeting.Kind.TRAINING)
    with pytest.raises(DomainError, match="plenary"):
        services.cafe_session_create(
            meeting=training,
            actor=coordinator,
            kind=CafeSession.Kind.TALK,
            title="Vortrag",
            starts_at=training.starts_at,
            ends_at=training.ends_at,
        )
    with pytest.raises(DomainError, match="Only a plenary"):
        services.meeting_update(meeting=meeting, actor=coordinator, kind=Meeting.Kind.TRAINING)


def test_a_session_update_and_cancellation_reach_its_registrants(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, ics_of
):
    session = CafeSessionFactory(meeting=MeetingFactory(network=network))
    registration = RegistrationFactory(meeting=session.meeting, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        services.cafe_session_update(session=session, actor=coordinator, room="Raum 9")
        services.cafe_session_cancel(session=session, actor=coordinator)
    run_tasks()
    methods = [ics_of(m)[1] for m in mailbox.to(registration.person.email)]
    assert methods == ["REQUEST", "CANCEL"]
    session.refresh_from_db()
    assert session.sequence == 2 and session.is_cancelled


def test_agenda_items_are_appended_in_order_and_can_be_edited_and_removed(network, coordinator):
    meeting = MeetingFactory(network=network)
    first = services.agenda_item_add(meeting=meeting, actor=coordinator, title="Begrüßung")
    second = services.agenda_item_add(meeting=meeting, actor=coordinator, title="Berichte")
    assert (first.position, second.position) == (1, 2)
    services.agenda_item_update(
        item=second, actor=coordinator, title="Berichte der AGs", position=0
    )
    assert [i.title for i in meeting.agenda_items.all()] == ["Berichte der AGs", "Begrüßung"]
    with refused("This field is required.", field="title"):
        services.agenda_item_add(meeting=meeting, actor=coordinator, title="  ")
    services.agenda_item_delete(item=first, actor=coordinator)
    assert meeting.agenda_items.count() == 1
    assert AuditEntry.objects.filter(action__startswith="agenda.").count() == 4


def test_an_erased_person_cannot_be_registered(network, coordinator):
    person = PersonFactory(network=network)
    person.erased_at = in_days(-1)
    person.save()
    with refused("Choose a person of this network.", field="person"):
        services.meeting_register(
            meeting=MeetingFactory(network=network), person=person, actor=coordinator
        )
