"""Reminders before meetings and for overdue action items: once each, from `manage.py periodic`."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from knotenpunkt.core.testing import translated
from knotenpunkt.core.text import isolate
from knotenpunkt.meetings.mail import language_for
from knotenpunkt.meetings.models import Registration
from knotenpunkt.meetings.reminders import send_action_item_reminders, send_meeting_reminders

from .factories import ActionItemFactory, CafeSessionFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

H = datetime.timedelta(hours=1)


def soon(network, hours=5, **fields):
    starts_at = timezone.now() + hours * H
    return MeetingFactory(network=network, starts_at=starts_at, ends_at=starts_at + 2 * H, **fields)


def test_each_confirmed_registrant_is_reminded_once(
    network, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    meeting = soon(network, title="AG Wohnen")
    confirmed = RegistrationFactory(meeting=meeting)
    waiting = RegistrationFactory(meeting=meeting, status="waitlisted")
    far = RegistrationFactory(meeting=soon(network, hours=24 * 5))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_meeting_reminders() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_meeting_reminders() == 0
    run_tasks()
    [message] = mailbox.to(confirmed.person.email)
    language = language_for(confirmed.person, confirmed.person.network)
    assert message["Subject"] == translated(
        "Reminder: %(title)s", language, title=isolate("AG Wohnen")
    )
    assert mailbox.to(waiting.person.email) == [] and mailbox.to(far.person.email) == []
    confirmed.refresh_from_db()
    assert confirmed.reminded_at is not None


def test_no_reminder_for_cancelled_meetings_or_sessions(network, coordinator):
    cancelled = soon(network, status="cancelled")
    RegistrationFactory(meeting=cancelled)
    session = CafeSessionFactory(meeting=soon(network), status="cancelled")
    RegistrationFactory(meeting=session.meeting, session=session)
    assert send_meeting_reminders() == 0


def test_session_registrants_are_reminded_of_their_session(
    network, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    meeting = soon(network)
    session = CafeSessionFactory(meeting=meeting, title="Thementisch Arbeit")
    registration = RegistrationFactory(meeting=meeting, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders()
    run_tasks()
    [message] = mailbox.to(registration.person.email)
    assert "Thementisch Arbeit" in message["Subject"]


def test_overdue_action_items_are_reminded_once_and_done_ones_never(
    network, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    yesterday = timezone.localdate(timezone.now(), network.tz) - datetime.timedelta(days=1)
    overdue = ActionItemFactory(meeting=MeetingFactory(network=network), due_on=yesterday)
    ActionItemFactory(meeting=MeetingFactory(network=network), due_on=yesterday, status="done")
    due_today = ActionItemFactory(
        meeting=MeetingFactory(network=network), due_on=yesterday + datetime.timedelta(days=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_action_item_reminders() == 1
        assert send_action_item_reminders() == 0
    run_tasks()
    [message] = mailbox.to(overdue.owner.email)
    assert overdue.text in mailbox.body(message)
    assert "/workspace/meetings/actions/" in mailbox.body(message)
    assert mailbox.to(due_today.owner.email) == []


def test_periodic_command_enqueues_the_reminders_and_the_worker_runs_them(
    network, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(meeting=soon(network))
    call_command("periodic", stdout=io.StringIO())
    names = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert {
        "knotenpunkt.meetings.tasks.meeting_reminders_send",
        "knotenpunkt.meetings.tasks.action_item_reminders_send",
    } <= names
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()
    run_tasks()
    assert len(mailbox.to(registration.person.email)) == 1
    assert Registration.objects.get(pk=registration.pk).reminded_at is not None
