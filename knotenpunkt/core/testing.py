"""Test helpers: a real SMTP server, running queued tasks honestly, and the clock of a test."""

import datetime
import os
import re
import socket
import zoneinfo
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from django.contrib.auth.hashers import Argon2PasswordHasher


@dataclass
class SmtpSink:
    """Collects every message an aiosmtpd server on localhost receives."""

    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address.lower() in m["X-Envelope-To"].lower()]

    @staticmethod
    def body(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part else ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_smtp_server() -> tuple[Controller, SmtpSink]:
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, sink


class TaskFailed(AssertionError):
    """A task ended FAILED in `run_queued_tasks`; the message holds the worker's traceback."""


def run_queued_tasks(limit: int = 1000, *, expect_failed: Iterable[str] = ()) -> int:
    """Run every queued task with the database backend's own worker code, in this process.

    The worker command itself recycles database connections between tasks, which
    would end a test's transaction; its `run_task` is the part that matters. The
    worker records a task's exception and carries on, so a task that ends FAILED
    would pass unseen: it raises `TaskFailed` here, unless its name (the function's
    name, e.g. "edition_pdf_task") is in `expect_failed`, which a test that is
    about failure passes. An expected failure that does not happen fails as well.
    """
    from django_tasks import TaskResultStatus
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    expected = set(expect_failed)
    failed_as_expected = set()
    ran = 0
    while ran < limit:
        task_result = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if task_result is None:
            break
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
        ran += 1
        task_result.refresh_from_db()
        if task_result.status == TaskResultStatus.FAILED:
            name = task_result.task_path.rsplit(".", 1)[-1]
            if name not in expected:
                raise TaskFailed(
                    f"task {task_result.task_path} failed in the worker:\n{task_result.traceback}"
                )
            failed_as_expected.add(name)
    if missing := expected - failed_as_expected:
        raise TaskFailed(f"expected to fail, but did not: {', '.join(sorted(missing))}")
    return ran


@contextmanager
def refused(rule: str, *, field: str | None, error: type | None = None):
    """Expect the block to break `rule` on `field` (None: the form as a whole).

    `rule` is the English msgid of the DomainError's message, its %(params)s matching
    any value; compared in the active language, so that it holds whatever the catalogue says.
    A bare `pytest.raises(DomainError)` would pass for any rule broken on the way.
    """
    import pytest
    from django.utils import translation

    from knotenpunkt.core.errors import DomainError

    with pytest.raises(error or DomainError) as raised:
        yield raised
    expected = re.escape(translated(rule, translation.get_language()))
    pattern = re.sub(r"%\\\(\w+\\\)[sd]", ".+", expected)
    # An error may carry several broken rules (DomainError.several): one of them is this one.
    errors = [(name, str(message)) for name, message in raised.value.errors]
    matching = [name for name, shown in errors if re.fullmatch(pattern, shown, re.DOTALL)]
    assert matching, f"refused with {[shown for _name, shown in errors]}, not “{rule}”"
    assert field in matching, f"refused on {matching[0]!r}, not on {field!r}"


class CheapArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 at the smallest cost, so tests hash passwords quickly (production keeps Django's)."""

    time_cost = 1
    memory_cost = 64
    parallelism = 1


def translated(message: str, language: str, **params) -> str:
    """`message` as a reader of `language` sees it, with its %-params filled in.

    Tests compare pages with this instead of English, so they hold whatever the catalogue says.
    """
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(message)
    return text % params if params else text


# The zone a network gets by default; the moments of `--now` and `Clock` are read in it.
NETWORK_ZONE = zoneinfo.ZoneInfo("Europe/Berlin")

# Moments at which "now" is hard to get right, by name (`pytest --now=new-year`).
NAMED_MOMENTS = {
    # Half an hour before the year, the month and the day change in the network's zone.
    "new-year": "2026-12-31T23:30",
    # 23:30 on 31 December in UTC, when the network's zone is in the new year already: code
    # that takes UTC's date for the network's date is a day (and a year) behind.
    "new-year-in-utc": "2026-12-31T23:30+00:00",
    # Half an hour before the clocks jump from 02:00 to 03:00: this night has 23 hours.
    "dst-spring": "2026-03-29T01:30",
    # The first 02:30 of the night the clocks go back: an hour later it is 02:30 again.
    "dst-autumn": "2026-10-25T02:30",
}

# The variable through which processes a test starts (worker, server) get the moved clock;
# config/settings.py starts time-machine there when it is set.
TEST_NOW_VARIABLE = "KNOTENPUNKT_TEST_NOW"


def moment(value: "str | datetime.datetime") -> datetime.datetime:
    """An aware datetime from a name in NAMED_MOMENTS, an ISO string or a datetime.

    Naive values are wall-clock times in the network's zone; an ambiguous one (the hour the
    clocks go back) is its first occurrence.
    """
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(NAMED_MOMENTS.get(value, value))
    if value.tzinfo is None:
        value = value.replace(tzinfo=NETWORK_ZONE)
    return value


class Clock:
    """The "now" of one test: it stands still at the run's moment until the test moves it.

    The run's moment is the real now, or the one `pytest --now` chose. Processes the test
    starts see the clock where it stands (through TEST_NOW_VARIABLE), and keep it ticking.
    """

    def __init__(self, machine, monkeypatch):
        self._machine = machine
        self._monkeypatch = monkeypatch
        self.move_to(datetime.datetime.now(datetime.UTC))

    def move_to(self, value: "str | datetime.datetime") -> datetime.datetime:
        """Set "now"; `value` as `moment()` reads it (naive means the network's zone)."""
        self._machine.move_to(moment(value), tick=False)
        self._monkeypatch.setenv(TEST_NOW_VARIABLE, self.now().isoformat())
        return self.now()

    def shift(self, **delta) -> datetime.datetime:
        """Move "now" by a `timedelta(**delta)`, e.g. `clock.shift(days=1)`."""
        self._machine.shift(datetime.timedelta(**delta))
        self._monkeypatch.setenv(TEST_NOW_VARIABLE, self.now().isoformat())
        return self.now()

    def now(self) -> datetime.datetime:
        return datetime.datetime.now(datetime.UTC)

    def local(self) -> datetime.datetime:
        """Now on the network's wall clock."""
        return self.now().astimezone(NETWORK_ZONE)

    def today(self) -> datetime.date:
        """Today in the network's zone (not in UTC: they differ for an hour or two each night)."""
        return self.local().date()


def clock_for_the_run(value: str):
    """Start time-machine at `--now`'s moment for the whole run; returns what to stop."""
    import time_machine

    traveller = time_machine.travel(moment(value), tick=True)
    traveller.start()
    os.environ[TEST_NOW_VARIABLE] = moment(value).isoformat()
    return traveller
