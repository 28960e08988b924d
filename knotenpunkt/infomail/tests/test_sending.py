"""Sending an issue through a real SMTP server: recipients, headers, retries, the rate."""

import datetime
from email import message_from_bytes, policy

import pytest
from django.core.exceptions import PermissionDenied as PolicyDenied
from django_scopes import scopes_disabled

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import SmtpSink, free_port, refused
from knotenpunkt.infomail import sending
from knotenpunkt.infomail.models import Delivery, Mailing
from knotenpunkt.infomail.services_sending import (
    mailing_progress,
    mailing_schedule,
    mailing_send,
    mailing_send_test,
    mailing_unschedule,
)
from knotenpunkt.infomail.tasks import mailings_start_and_resume

from .factories import mailing_make, subscriber_make, topic_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.KNOTENPUNKT_MAIL_RATE = 0
    settings.KNOTENPUNKT_BOUNCE_DOMAIN = "bounces.example.org"


def send(mailing, actor, capture, run_tasks):
    with capture(execute=True):
        mailing_send(mailing=mailing, actor=actor)
    run_tasks()
    mailing.refresh_from_db()
    return mailing


def test_every_active_subscriber_of_the_segment_gets_it_once(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    events = topic_make(network, "Veranstaltungen")
    jobs = topic_make(network, "Arbeit")
    subscriber_make(network, "beide@example.org", topics=[events, jobs])
    subscriber_make(network, "arbeit@example.org", topics=[jobs])
    subscriber_make(network, "anderes@example.org", topics=[topic_make(network, "Sport")])
    subscriber_make(network, "englisch@example.org", language="en", topics=[events])
    subscriber_make(network, "wartet@example.org", status="pending", topics=[events])
    subscriber_make(network, "weg@example.org", status="unsubscribed", topics=[events])
    mailing = mailing_make(network, languages=["de"])
    mailing.topics.set([events, jobs])

    mailing = send(mailing, coordinator, django_capture_on_commit_callbacks, run_tasks)

    received = sorted(message["X-Envelope-To"] for message in mailbox.messages)
    assert received == ["arbeit@example.org", "beide@example.org"]
    assert mailing.status == Mailing.Status.SENT
    assert mailing.sent_at is not None
    assert mailing_progress(mailing) | {} == {
        "queued": 0,
        "sending": 0,
        "sent": 2,
        "retry": 0,
        "failed": 0,
        "unknown": 0,
        "total": 2,
    }
    version = mailing.versions.get()
    assert "Infobrief Dezember" in version.sent_text
    assert "Infobrief Dezember" in version.sent_html
    assert AuditEntry.objects.filter(action="mailing.send", target_id=str(mailing.pk)).exists()


def test_the_message_as_the_server_received_it(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks, settings
):
    settings.KNOTENPUNKT_BASE_URL = "https://knotenpunkt.example.org"
    subscriber = subscriber_make(network, "leser@example.org", language="ar")
    mailing = mailing_make(network, subject="Infobrief", versions={"ar": "النشرة"})

    send(mailing, coordinator, django_capture_on_commit_callbacks, run_tasks)

    [message] = mailbox.messages
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.SENT
    assert delivery.language == "ar"
    assert message["Message-ID"] == delivery.message_id
    assert message["Subject"] == "النشرة"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    links = str(message["List-Unsubscribe"])
    assert "<https://knotenpunkt.example.org/" in links
    assert f"/musterstadt/mail/unsubscribe/{subscriber.token}/>" in links
    assert f"<mailto:unsubscribe+{subscriber.token}@bounces.example.org>" in str(
        message["List-Unsubscribe"]
    )
    assert message.get_content_type() == "multipart/alternative"
    html = message.get_body(("html",)).get_content()
    assert 'lang="ar" dir="rtl"' in html
    assert message.get_body(("plain",)).get_content_charset() == "utf-8"


def test_the_return_path_names_the_delivery(
    network, coordinator, run_tasks, django_capture_on_commit_callbacks, settings
):
    sink = EnvelopeSink()
    controller = serve(sink, settings)
    try:
        subscriber_make(network, "leser@example.org")
        send(mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks)
    finally:
        controller.stop()
    delivery = Delivery.objects.get()
    assert sink.mail_from == [f"bounces+{delivery.token}@bounces.example.org"]


def test_a_language_without_a_version_gets_the_network_language(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    subscriber_make(network, "leser@example.org", language="tr")
    send(mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks)
    assert Delivery.objects.get().language == "de"
    assert mailbox.messages[0]["Subject"] == "Infobrief Dezember"


def test_a_sent_mailing_cannot_be_sent_again(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    subscriber_make(network, "leser@example.org")
    mailing = send(
        mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks
    )
    with refused("This info mail has already been sent.", field=None):
        mailing_send(mailing=mailing, actor=coordinator)
    with refused("This info mail has already been sent.", field=None):
        mailing_schedule(
            mailing=mailing, at=mailing.sent_at + datetime.timedelta(days=1), actor=coordinator
        )
    assert len(mailbox.messages) == 1
    assert Delivery.objects.count() == 1


def test_only_the_coordinator_sends(network, city_liaison):
    mailing = mailing_make(network)
    with pytest.raises(PolicyDenied):
        mailing_send(mailing=mailing, actor=city_liaison)
    assert mailing.deliveries.count() == 0


def test_a_test_send_goes_to_the_coordinator_only(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    subscriber_make(network, "leser@example.org")
    mailing = mailing_make(network, versions={"en": "Info mail"})
    with django_capture_on_commit_callbacks(execute=True):
        mailing_send_test(mailing=mailing, language="en", actor=coordinator)
    run_tasks()
    [message] = mailbox.messages
    assert message["X-Envelope-To"] == coordinator.email
    assert message["Subject"] == "Info mail"
    assert "List-Unsubscribe" not in message
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
    assert mailing.deliveries.count() == 0
    assert AuditEntry.objects.filter(action="mailing.send_test").count() == 1


def test_a_scheduled_mailing_is_sent_by_the_periodic_job_when_its_time_comes(
    network, coordinator, mailbox, run_tasks, clock, django_capture_on_commit_callbacks
):
    subscriber_make(network, "leser@example.org")
    mailing = mailing_make(network)
    with refused("Choose a moment in the future.", field="at"):
        mailing_schedule(mailing=mailing, at=clock.now(), actor=coordinator)
    mailing_schedule(
        mailing=mailing, at=clock.now() + datetime.timedelta(hours=2), actor=coordinator
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailings_start_and_resume.call()
    run_tasks()
    assert mailbox.messages == []
    clock.shift(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        mailings_start_and_resume.call()
    run_tasks()
    assert len(mailbox.messages) == 1
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_unscheduling_makes_it_a_draft_again(network, coordinator, clock):
    mailing = mailing_make(network)
    mailing_schedule(
        mailing=mailing, at=clock.now() + datetime.timedelta(hours=2), actor=coordinator
    )
    mailing = mailing_unschedule(mailing=mailing, actor=coordinator)
    assert (mailing.status, mailing.scheduled_for) == (Mailing.Status.DRAFT, None)
    kinds = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"mailing.schedule", "mailing.unschedule"} <= kinds


# A server that answers as told -------------------------------------------------------------


class EnvelopeSink(SmtpSink):
    """Records the envelope sender; answers RCPT and DATA with the codes it is given."""

    def __init__(self):
        super().__init__()
        self.mail_from: list[str] = []
        self.rcpt_answers: dict[str, str] = {}
        self.data_answers: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if answer := self.rcpt_answers.get(address):
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.data_answers:
            return self.data_answers.pop(0)
        self.mail_from.append(envelope.mail_from)
        return await super().handle_DATA(server, session, envelope)


def serve(sink, settings):
    from aiosmtpd.controller import Controller

    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return controller


@pytest.fixture
def answering(settings):
    sink = EnvelopeSink()
    controller = serve(sink, settings)
    yield sink
    controller.stop()


def test_a_temporary_error_is_retried_later(
    network, coordinator, answering, run_tasks, clock, django_capture_on_commit_callbacks
):
    subscriber_make(network, "voll@example.org")
    subscriber_make(network, "da@example.org")
    answering.data_answers = ["451 4.3.0 Try again later"]
    mailing = send(
        mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks
    )

    first = Delivery.objects.get(email="voll@example.org")
    assert first.state == Delivery.State.RETRY
    assert first.last_error.startswith("451")
    assert first.next_attempt_at == clock.now() + datetime.timedelta(minutes=1)
    assert Delivery.objects.get(email="da@example.org").state == Delivery.State.SENT
    assert mailing.status == Mailing.Status.SENDING

    clock.shift(minutes=1)
    run_tasks()
    first.refresh_from_db()
    mailing.refresh_from_db()
    assert (first.state, first.attempts) == (Delivery.State.SENT, 2)
    assert mailing.status == Mailing.Status.SENT
    assert sorted(m["X-Envelope-To"] for m in answering.messages) == [
        "da@example.org",
        "voll@example.org",
    ]


def test_a_permanent_error_is_recorded_and_not_retried(
    network, coordinator, answering, run_tasks, django_capture_on_commit_callbacks
):
    subscriber_make(network, "niemand@example.org")
    subscriber_make(network, "da@example.org")
    answering.rcpt_answers = {"niemand@example.org": "550 5.1.1 No such user"}
    mailing = send(
        mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks
    )

    failed = Delivery.objects.get(email="niemand@example.org")
    assert (failed.state, failed.attempts) == (Delivery.State.FAILED, 1)
    assert failed.last_error.startswith("550")
    assert mailing.status == Mailing.Status.SENT
    assert [m["X-Envelope-To"] for m in answering.messages] == ["da@example.org"]


def test_temporary_errors_give_up_after_the_last_attempt(
    network, coordinator, answering, run_tasks, clock, settings, django_capture_on_commit_callbacks
):
    settings.KNOTENPUNKT_MAIL_MAX_ATTEMPTS = 2
    subscriber_make(network, "voll@example.org")
    answering.rcpt_answers = {"voll@example.org": "452 4.2.2 Mailbox full"}
    mailing = send(
        mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks
    )
    clock.shift(minutes=1)
    run_tasks()
    delivery = Delivery.objects.get()
    mailing.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (Delivery.State.FAILED, 2)
    assert mailing.status == Mailing.Status.SENT
    assert answering.messages == []


def test_an_unreachable_server_is_a_temporary_error(
    network, coordinator, run_tasks, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_TIMEOUT = 2
    subscriber_make(network, "leser@example.org")
    send(mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks)
    assert Delivery.objects.get().state == Delivery.State.RETRY


# Rate and crash-safety, in this process ---------------------------------------------------


def test_the_pacer_spaces_messages_by_the_rate():
    now = [100.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    pacer = sending.Pacer(4, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        pacer.wait()
    assert waits == [0.25, 0.25, 0.25]
    now[0] += 10  # a pause does not bank messages to send in a burst afterwards
    pacer.wait()
    pacer.wait()
    assert waits[-1] == 0.25


def test_no_rate_means_no_waiting():
    pacer = sending.Pacer(0, clock=lambda: 0.0, sleep=pytest.fail)
    for _ in range(3):
        assert pacer.wait() == 0


def test_the_worker_keeps_the_configured_rate(
    network,
    coordinator,
    mailbox,
    run_tasks,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    settings.KNOTENPUNKT_MAIL_RATE = 5
    waits = []

    class Recording(sending.Pacer):
        def __init__(self, rate):
            super().__init__(rate, clock=lambda: 0.0, sleep=waits.append)

    monkeypatch.setattr(sending, "Pacer", Recording)
    for number in range(3):
        subscriber_make(network, f"leser{number}@example.org")
    send(mailing_make(network), coordinator, django_capture_on_commit_callbacks, run_tasks)
    assert waits == [0.2, 0.4]  # the clock stood still: each message one slot further
    assert len(mailbox.messages) == 3


def test_the_sweep_marks_the_delivery_on_the_wire_unknown_and_resumes(
    network, coordinator, mailbox, run_tasks, clock, django_capture_on_commit_callbacks
):
    """What a killed worker leaves: a held lease and one delivery SENDING."""
    for number in range(3):
        subscriber_make(network, f"leser{number}@example.org")
    mailing = mailing_make(network)
    with django_capture_on_commit_callbacks(execute=False):
        mailing_send(mailing=mailing, actor=coordinator)
    held = sending.lease_take(mailing.pk)
    first = Delivery.objects.order_by("pk").first()
    assert sending._claim(first)

    assert sending.lease_take(mailing.pk) is None  # a second task leaves it alone
    with django_capture_on_commit_callbacks(execute=True):
        assert mailings_start_and_resume.call() == {"started": 0, "resumed": 0}
    clock.shift(seconds=(held - clock.now()).total_seconds() + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert mailings_start_and_resume.call() == {"started": 0, "resumed": 1}
    run_tasks()

    first.refresh_from_db()
    mailing.refresh_from_db()
    assert first.state == Delivery.State.UNKNOWN
    assert first.message_id  # known, so it can be looked for at the receiving end
    assert mailing.status == Mailing.Status.SENT
    assert len(mailbox.messages) == 2
    assert first.email not in {m["X-Envelope-To"] for m in mailbox.messages}
    assert mailing_progress(mailing)["unknown"] == 1


@pytest.mark.cross_network("the periodic job looks after the mailings of every network")
def test_the_periodic_job_is_registered():
    from knotenpunkt.core import periodic

    assert mailings_start_and_resume in periodic.jobs()
    with scopes_disabled():
        assert Mailing.objects.count() == 0


def test_messages_parse_with_the_standard_parser(network):
    from knotenpunkt.infomail.compose import mailing_render
    from knotenpunkt.infomail.message import message_build

    mailing = mailing_make(network)
    rendered = mailing_render(mailing.versions.get())
    built = message_build(rendered, to="test@example.org", network=network, language="de")
    parsed = message_from_bytes(built.message().as_bytes(), policy=policy.default)
    assert parsed["Message-ID"].endswith("@bounces.example.org>")
