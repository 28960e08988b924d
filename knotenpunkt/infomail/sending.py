"""The sending loop: one delivery after the other, each step committed before the next.

A delivery is marked SENDING (and its attempt counted) in a committed write *before* the
message goes to the SMTP server, and SENT after the server accepted it. A worker killed in
between leaves exactly that one delivery SENDING; nobody can know whether the server got
it, so the sweep marks it UNKNOWN and it is never sent again — a reader may miss one issue,
but nobody gets it twice, and the coordinator sees which address it was.

A worker holds the mailing by its lease (`Mailing.lease_until`), renewed with every
delivery; a second task finding the lease held leaves at once. When the worker dies, the
lease runs out and `mailings_resume` (periodic) hands the mailing to a new task.
See docs/decisions/0027-crash-safe-sending.md.
"""

import datetime
import logging
import smtplib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from .compose import Rendered
from .message import MessageTemplate, delivery_message_id, message_build
from .models import Delivery, Mailing

log = logging.getLogger(__name__)

# The first retry after a temporary error waits this long, each further one twice as long.
RETRY_FIRST = datetime.timedelta(minutes=1)
RETRY_LONGEST = datetime.timedelta(hours=2)
OPEN = (Delivery.State.QUEUED, Delivery.State.RETRY, Delivery.State.SENDING)


class Pacer:
    """Keeps to `rate` messages per second (0: as fast as the server takes them).

    `delay()` says how long to wait before the next message, `wait()` waits it; the clock
    and the sleep are passed in, so the pacing can be checked without waiting.
    """

    def __init__(self, rate: float, *, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1.0 / rate if rate and rate > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at: float | None = None

    def delay(self) -> float:
        if not self.interval or self.next_at is None:
            return 0.0
        return max(0.0, self.next_at - self.clock())

    def wait(self) -> float:
        waited = self.delay()
        if waited:
            self.sleep(waited)
        if self.interval:
            now = self.clock()
            start = now if self.next_at is None else max(now, self.next_at)
            self.next_at = start + self.interval
        return waited


def retry_delay(attempts: int) -> datetime.timedelta:
    """1, 2, 4, … minutes after the 1st, 2nd, 3rd failed attempt, at most two hours."""
    return min(RETRY_FIRST * (2 ** max(attempts - 1, 0)), RETRY_LONGEST)


@dataclass
class Outcome:
    sent: int = 0
    retry: int = 0
    failed: int = 0
    stopped: str = ""
    retry_at: datetime.datetime | None = None
    errors: list[str] = field(default_factory=list)


def lease_take(mailing_id: int) -> datetime.datetime | None:
    """Hold the mailing for this worker; None when another living worker holds it."""
    now = timezone.now()
    until = now + datetime.timedelta(seconds=settings.KNOTENPUNKT_MAIL_LEASE_SECONDS)
    with scopes_disabled():  # by primary key, the task has no request and enters no scope yet
        taken = (
            Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING)
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
            .update(lease_until=until)
        )
    return until if taken else None


def lease_renew(mailing_id: int, held: datetime.datetime) -> datetime.datetime | None:
    """Extend the lease if it is still ours (not run out and taken by a resumed task)."""
    until = timezone.now() + datetime.timedelta(seconds=settings.KNOTENPUNKT_MAIL_LEASE_SECONDS)
    with scopes_disabled():
        renewed = Mailing.objects.filter(pk=mailing_id, lease_until=held).update(lease_until=until)
    return until if renewed else None


# Deliveries are read this many at a time; each is still claimed on its own.
BATCH = 200


def _due(mailing: Mailing) -> list[Delivery]:
    """The next deliveries to send: queued ones and retries whose time has come, by id."""
    due = Q(state=Delivery.State.QUEUED) | Q(
        state=Delivery.State.RETRY, next_attempt_at__lte=timezone.now()
    )
    return list(
        Delivery.objects.filter(mailing=mailing)
        .filter(due)
        .select_related("subscriber")
        .only(
            "pk",
            "mailing_id",
            "network_id",
            "email",
            "language",
            "attempts",
            "token",
            "subscriber__token",
            "subscriber__language",
        )
        .order_by("pk")[:BATCH]
    )


# The two writes of every message are plain SQL: built by the ORM they cost as much as
# handing the message to the server (python -m bench.mail). Values go through the fields'
# own conversion, so they are stored exactly as the ORM stores them on either database.
_TABLE = Delivery._meta.db_table


def _db(field: str, value):
    return Delivery._meta.get_field(field).get_db_prep_value(value, db_connection)


def _claim(delivery: Delivery) -> bool:
    """SENDING, one attempt more, its Message-ID: committed before the message leaves."""
    with db_connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_TABLE} SET state = %s, attempts = attempts + 1, message_id = %s, "
            "updated_at = %s WHERE id = %s AND state IN (%s, %s)",
            [
                Delivery.State.SENDING.value,
                delivery_message_id(delivery),
                _db("updated_at", timezone.now()),
                delivery.pk,
                Delivery.State.QUEUED.value,
                Delivery.State.RETRY.value,
            ],
        )
        claimed = cursor.rowcount
    delivery.attempts += 1
    return bool(claimed)


def _record(delivery: Delivery, values: dict) -> None:
    """The outcome, unless the delivery is no longer SENDING (the sweep found it unknown)."""
    values = {**values, "updated_at": timezone.now()}
    columns = ", ".join(f"{name} = %s" for name in values)
    params = [_db(name, value) for name, value in values.items()]
    with db_connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_TABLE} SET {columns} WHERE id = %s AND state = %s",  # noqa: S608 (names are ours)
            [*params, delivery.pk, Delivery.State.SENDING.value],
        )


def _temporary(error: Exception) -> tuple[bool, str]:
    """(whether to try again later, the error as recorded) for what the server answered."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, text = error.smtp_code, error.smtp_error
    else:  # the connection broke or could not be made: try again later
        return True, f"{type(error).__name__}: {error}"[:500]
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return 400 <= code < 500, f"{code} {text}"[:500]


def _failed(delivery: Delivery, error: Exception, outcome: Outcome) -> dict:
    temporary, detail = _temporary(error)
    outcome.errors.append(detail)
    if temporary and delivery.attempts < settings.KNOTENPUNKT_MAIL_MAX_ATTEMPTS:
        outcome.retry += 1
        at = timezone.now() + retry_delay(delivery.attempts)
        return {"state": Delivery.State.RETRY, "next_attempt_at": at, "last_error": detail}
    outcome.failed += 1
    return {"state": Delivery.State.FAILED, "next_attempt_at": None, "last_error": detail}


def mailing_finish(mailing_id: int) -> bool:
    """SENT once no delivery is waiting, to be retried or on the wire; the lease is let go."""
    with scopes_disabled():
        open_left = Delivery.objects.filter(mailing_id=mailing_id, state__in=OPEN).exists()
        if open_left:
            return False
        return bool(
            Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).update(
                status=Mailing.Status.SENT, sent_at=timezone.now(), lease_until=None
            )
        )


def _renderings(mailing: Mailing) -> dict[str, Rendered]:
    return {
        version.language: Rendered(version.subject, version.sent_text, version.sent_html)
        for version in mailing.versions.all()
    }


def mailing_deliver(mailing_id: int, *, rate: float | None = None, connection=None) -> Outcome:
    """Send the mailing's due deliveries through one SMTP connection, at the rate limit.

    Each step is one transaction: the outcome of the message just sent is recorded and the
    next delivery claimed (SENDING) together, so that exactly one delivery is SENDING while
    a message is on the wire, and one commit per message suffices. Returns when nothing is
    due any more (deliveries to be retried later wait; the caller enqueues a task for
    `outcome.retry_at`), or when the lease is lost.
    """
    outcome = Outcome()
    held = lease_take(mailing_id)
    if held is None:
        outcome.stopped = "held"
        return outcome
    with scopes_disabled():
        mailing = Mailing.objects.select_related("network").get(pk=mailing_id)
    rate = settings.KNOTENPUNKT_MAIL_RATE if rate is None else rate
    pacer = Pacer(rate)
    connection = connection or get_connection(fail_silently=False)
    lease = datetime.timedelta(seconds=settings.KNOTENPUNKT_MAIL_LEASE_SECONDS)
    with scope(network=mailing.network):
        renderings = _renderings(mailing)
        templates: dict = {}  # per language, see message.MessageTemplate
        candidates: list[Delivery] = []
        finished: tuple[Delivery, dict] | None = None
        try:
            while True:
                with transaction.atomic():
                    if finished is not None:
                        _record(*finished)
                        finished = None
                    if held - timezone.now() < lease / 2:
                        held = lease_renew(mailing_id, held)
                        if held is None:
                            outcome.stopped = "lease lost"
                            return outcome
                    delivery = None
                    while delivery is None:
                        candidates = candidates or _due(mailing)
                        if not candidates:
                            break
                        candidate = candidates.pop(0)
                        delivery = candidate if _claim(candidate) else None
                if delivery is None:
                    break
                pacer.wait()
                finished = (
                    delivery,
                    _send_one(connection, delivery, mailing, renderings, templates, outcome),
                )
        finally:
            connection.close()
        if not mailing_finish(mailing_id):
            outcome.retry_at = (
                Delivery.objects.filter(mailing=mailing, state=Delivery.State.RETRY)
                .order_by("next_attempt_at")
                .values_list("next_attempt_at", flat=True)
                .first()
            )
            Mailing.objects.filter(pk=mailing_id, lease_until=held).update(lease_until=None)
    return outcome


def _send_one(
    connection, delivery: Delivery, mailing, renderings: dict, templates: dict, outcome: Outcome
) -> dict:
    """Hand one message to the server; what to record for the delivery."""
    try:
        if connection.connection is None:
            connection.open()
        filled = _filled(delivery, mailing, renderings, templates)
        if filled is None:
            connection.send_messages([_built(delivery, mailing, renderings)])
        else:
            sender, data = filled
            connection.connection.sendmail(sender, [delivery.email], data)
    except (smtplib.SMTPException, OSError) as error:
        if not isinstance(error, smtplib.SMTPRecipientsRefused):
            # Broken, or in a state after an error that the next message should not inherit
            # (a 421 closes it): the next delivery opens a new one.
            connection.close()
        return _failed(delivery, error, outcome)
    outcome.sent += 1
    return {"state": Delivery.State.SENT, "sent_at": timezone.now(), "last_error": ""}


def _rendered(delivery: Delivery, renderings: dict) -> Rendered:
    return renderings.get(delivery.language) or next(iter(renderings.values()))


def _built(delivery: Delivery, mailing, renderings: dict):
    return message_build(
        _rendered(delivery, renderings),
        to=delivery.email,
        subscriber=delivery.subscriber,
        delivery=delivery,
        network=mailing.network,
    )


def _filled(delivery: Delivery, mailing, renderings: dict, templates: dict):
    """(envelope sender, message bytes) from the language's template, built once per worker
    run; None when only the full build can make it (no subscriber any more, an address that
    needs encoding, a body that had to be encoded)."""
    if delivery.subscriber is None:
        return None
    if delivery.language not in templates:
        templates[delivery.language] = MessageTemplate.build(
            _rendered(delivery, renderings),
            mailing_id=mailing.pk,
            network=mailing.network,
            language=delivery.language,
        )
    template = templates[delivery.language]
    if template is None:
        return None
    return template.fill(to=delivery.email, subscriber=delivery.subscriber, delivery=delivery)


def mailings_resume(now: datetime.datetime | None = None) -> list[int]:
    """Mailings whose worker died (lease run out): the delivery it had on the wire becomes
    UNKNOWN, never resent; the lease is let go so that a new task takes the mailing over.
    Returns the ids of the mailings to hand to a new task."""
    now = now or timezone.now()
    resumed = []
    with scopes_disabled():  # the periodic job looks after every network's mailings
        for mailing_id in Mailing.objects.filter(
            status=Mailing.Status.SENDING, lease_until__lt=now
        ).values_list("pk", flat=True):
            with transaction.atomic():  # the lease goes with the unknown mark, or neither
                taken = Mailing.objects.filter(pk=mailing_id, lease_until__lt=now).update(
                    lease_until=None
                )
                if not taken:
                    continue
                unknown = Delivery.objects.filter(
                    mailing_id=mailing_id, state=Delivery.State.SENDING
                ).update(
                    state=Delivery.State.UNKNOWN,
                    last_error="interrupted: the worker stopped while sending",
                    updated_at=now,
                )
            if unknown:
                log.warning(
                    "mailing %s: %s delivery left unknown by a stopped worker", mailing_id, unknown
                )
            resumed.append(mailing_id)
    return resumed


def mailings_due(now: datetime.datetime | None = None) -> list[Mailing]:
    """Scheduled mailings whose moment has come."""
    now = now or timezone.now()
    with scopes_disabled():  # every network's
        return list(
            Mailing.objects.filter(
                status=Mailing.Status.SCHEDULED, scheduled_for__lte=now
            ).select_related("network")
        )
