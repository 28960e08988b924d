"""Test helpers: a real SMTP server to read mails from, and running queued tasks honestly."""

import socket
from collections.abc import Iterable
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
    name, e.g. "render_edition_pdf") is in `expect_failed`, which a test that is
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
