"""Kill the sending worker with SIGKILL in the middle, resume, and nobody gets the issue twice.

A real `manage.py db_worker` process sends to a real SMTP server that takes its time; the
test kills the process once some messages arrived, lets the periodic job find the mailing
whose lease ran out, and starts a second worker. Counted by Message-ID at the server: every
recipient got the issue exactly once, except at most the one delivery that was on the wire
at the kill, which is UNKNOWN (received once or not at all, never twice) — and none is lost.
"""

import asyncio
import collections
import datetime
import os
import signal
import subprocess
import sys
import time

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from knotenpunkt.core.testing import SmtpSink, free_port
from knotenpunkt.infomail.models import Delivery, Mailing
from knotenpunkt.infomail.services_sending import mailing_send
from knotenpunkt.infomail.tasks import mailings_start_and_resume

from .factories import mailing_make, subscriber_make

RECIPIENTS = 24


class SlowSink(SmtpSink):
    """Keeps each message at once but takes a while to say so, so that the kill lands while
    the worker waits for the answer: the server has the message, the worker cannot know."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook)
        answer = await super().handle_DATA(server, session, envelope)
        await asyncio.sleep(0.15)
        return answer


def _database_url_of_test_db() -> str:
    """The URL under which another process reaches the database this test uses."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}/{db['NAME']}"


def _worker(port: int, *extra: str, **options) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_of_test_db(),
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "KNOTENPUNKT_MAIL_RATE": "0",
    }
    env.pop("KNOTENPUNKT_TEST_DB", None)
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "db_worker", *extra]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **options
    )


def _wait_for(condition, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {seconds} s for {what}")
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_sends_nobody_the_issue_twice(network, coordinator, clock):
    sink = SlowSink()
    server = Controller(sink, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        for number in range(RECIPIENTS):
            subscriber_make(network, f"leser{number:02}@example.org")
        mailing = mailing_send(mailing=mailing_make(network), actor=coordinator)

        first = _worker(server.port, "--interval", "0.1")
        try:
            _wait_for(lambda: len(sink.messages) >= 5, seconds=60, what="the first messages")
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
        received_before = len(sink.messages)
        assert received_before < RECIPIENTS, "the worker finished before it was killed"
        assert Delivery.objects.filter(state=Delivery.State.SENDING).count() <= 1

        # The lease still holds: the periodic job leaves the mailing alone …
        assert mailings_start_and_resume.call()["resumed"] == 0
        # … until it runs out; then the delivery on the wire is unknown, and a task resumes.
        mailing.refresh_from_db()
        assert mailing.lease_until > clock.now()
        clock.move_to(mailing.lease_until + datetime.timedelta(seconds=1))
        assert mailings_start_and_resume.call()["resumed"] == 1
        second = _worker(server.port, "--batch", "--interval", "0")
        _, errors = second.communicate(timeout=120)
        assert second.returncode == 0, errors.decode()
    finally:
        server.stop()

    mailing.refresh_from_db()
    deliveries = list(Delivery.objects.filter(mailing=mailing))
    by_id = collections.Counter(message["Message-ID"] for message in sink.messages)
    states = collections.Counter(delivery.state for delivery in deliveries)
    unknown = [d for d in deliveries if d.state == Delivery.State.UNKNOWN]

    assert mailing.status == Mailing.Status.SENT
    assert len(deliveries) == RECIPIENTS
    assert states[Delivery.State.SENT] + len(unknown) == RECIPIENTS, states
    assert len(unknown) <= 1
    assert max(by_id.values()) == 1, "a message arrived twice"
    for delivery in deliveries:
        if delivery.state == Delivery.State.SENT:
            assert by_id[delivery.message_id] == 1, f"{delivery.email} did not get it"
    for delivery in unknown:
        assert by_id[delivery.message_id] <= 1
    assert set(by_id) <= {delivery.message_id for delivery in deliveries}
    assert len(sink.messages) > received_before
