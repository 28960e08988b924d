"""The info mail's sending: the worker against a plain smtplib loop, to a local SMTP server.

    python -m bench.mail --subscribers 10000

A mailing goes to N subscribers through a real `manage.py db_worker` process (one committed
step before and one after every message, the crash-safe way) into an aiosmtpd server in
this process; then the very same messages (rebuilt for the same deliveries) go through one
`smtplib` connection in a bare loop. Both rates are measured from the first message the
server accepted to the last, so the worker's start-up is not counted. The run at N/10
shows that the worker's peak memory does not grow with the mailing. The last line,
`ratio=<x> duplicates=<n> lost=<n>`, is for scripts: the target is a ratio of at least
0.8 at N = 10,000, and no duplicates and nothing lost, ever. The default N keeps the run
under a minute (it is part of `make bench`).
"""

import argparse
import collections
import os
import re
import smtplib
import subprocess
import sys
import threading
import time
from pathlib import Path

DEFAULT_SUBSCRIBERS = 1000
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.IGNORECASE | re.MULTILINE)


class CountingSink:
    """Counts Message-IDs and the moments of the first and the last message; parses nothing
    else, so that the server is not what limits either sender."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.ids: collections.Counter = collections.Counter()
        self.first = self.last = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook)
        found = MESSAGE_ID.search(envelope.original_content or envelope.content)
        now = time.perf_counter()
        with self.lock:
            self.ids[found.group(1).decode() if found else ""] += 1
            self.first = self.first or now
            self.last = now
        return "250 OK"

    @property
    def count(self) -> int:
        return sum(self.ids.values())

    def rate(self) -> float:
        if self.count < 2 or self.last == self.first:
            return float("nan")
        return (self.count - 1) / (self.last - self.first)


def _peak_rss_kib(pid: int) -> int | None:
    """The process's peak resident memory so far (Linux), or None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def worker_run(port: int) -> int:
    """Run `db_worker --batch` until the queue is empty; its peak memory in KiB (0: unknown)."""
    from django.conf import settings

    env = {
        **os.environ,
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "KNOTENPUNKT_MAIL_RATE": "0",
    }
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "db_worker", "--batch"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _peak_rss_kib(process.pid) or 0)
        time.sleep(0.05)
    if process.returncode:
        raise SystemExit(f"bench: the worker ended with {process.returncode}")
    return peak


def subscribers_add(network, count: int, topic) -> None:
    """`count` active subscribers; every tenth also has `topic` (the N/10 segment)."""
    from django.utils import timezone

    from knotenpunkt.infomail.models import Subscriber

    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [
            Subscriber(
                network=network,
                email=f"leser{number:06}@example.org",
                language=("de", "en", "tr", "ar")[number % 4],
                status=Subscriber.Status.ACTIVE,
                confirmed_at=now,
            )
            for number in range(count)
        ],
        batch_size=1000,
    )
    through = Subscriber.topics.through
    through.objects.bulk_create(
        [through(subscriber_id=s.pk, topic_id=topic.pk) for s in subscribers[::10]],
        batch_size=1000,
    )


def mailing_for(network, topic=None):
    from knotenpunkt.infomail.models import Mailing, MailingVersion

    mailing = Mailing.objects.create(network=network, blocks=[])
    for language, subject in (("de", "Infobrief"), ("en", "Info mail"), ("ar", "النشرة")):
        MailingVersion.objects.create(
            network=network,
            mailing=mailing,
            language=language,
            subject=subject,
            intro="Liebe Leserinnen und Leser,\n\nhier ist **das Neueste** aus dem Netzwerk.",
        )
    if topic is not None:
        mailing.topics.set([topic])
    return mailing


def send_through_worker(mailing, sink, port: int) -> tuple[float, int]:
    from knotenpunkt.infomail.services_sending import mailing_send

    sink.reset()
    mailing_send(mailing=mailing, actor=None)
    peak = worker_run(port)
    return sink.rate(), peak


def send_plainly(mailing, sink, port: int) -> float:
    """The same messages, built beforehand, through one smtplib connection."""
    from knotenpunkt.infomail.compose import Rendered
    from knotenpunkt.infomail.message import message_build

    renderings = {
        version.language: Rendered(version.subject, version.sent_text, version.sent_html)
        for version in mailing.versions.all()
    }
    messages = []
    for delivery in mailing.deliveries.select_related("subscriber").order_by("pk"):
        message = message_build(
            renderings[delivery.language] if delivery.language in renderings else renderings["de"],
            to=delivery.email,
            subscriber=delivery.subscriber,
            delivery=delivery,
        )
        messages.append(
            (message.from_email, delivery.email, message.message().as_bytes(linesep="\r\n"))
        )
    sink.reset()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for sender, to, data in messages:
            smtp.sendmail(sender, [to], data)
    return sink.rate()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mail", description=__doc__)
    parser.add_argument("--subscribers", type=int, default=DEFAULT_SUBSCRIBERS)
    args, _others = parser.parse_known_args(argv)
    count = max(args.subscribers, 10)

    from aiosmtpd.controller import Controller
    from django_scopes import scope, scopes_disabled

    from knotenpunkt.core.services import network_create
    from knotenpunkt.core.testing import free_port
    from knotenpunkt.infomail.models import Delivery, Topic

    sink = CountingSink()
    server = Controller(sink, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        with scopes_disabled():
            network = network_create(slug="bench-mail", name="Netzwerk Post", city="Musterstadt")
        with scope(network=network):
            topic = Topic.objects.create(network=network, name="Zehntel")
            subscribers_add(network, count, topic)
            tenth = mailing_for(network, topic)
            _rate, peak_tenth = send_through_worker(tenth, sink, server.port)
            whole = mailing_for(network)
            worker_rate, peak_whole = send_through_worker(whole, sink, server.port)
            received = collections.Counter(sink.ids)
            deliveries = list(whole.deliveries.values_list("message_id", "state"))
            plain_rate = send_plainly(whole, sink, server.port)
    finally:
        server.stop()

    sent_ids = {mid for mid, state in deliveries if state == Delivery.State.SENT}
    duplicates = sum(times - 1 for times in received.values() if times > 1)
    lost = count - len(sent_ids & set(received))
    ratio = worker_rate / plain_rate if plain_rate else float("nan")
    print(f"info mail to {count:,} subscribers (and to {count // 10:,}, every tenth)")
    print(f"worker:         {worker_rate:8.0f} messages/s")
    print(f"smtplib loop:   {plain_rate:8.0f} messages/s")
    print(
        f"worker peak memory: {peak_tenth / 1024:.0f} MiB at N/10, {peak_whole / 1024:.0f} MiB at N"
    )
    print(f"ratio={ratio:.2f} duplicates={duplicates} lost={lost}")
    return 0 if duplicates == 0 and lost == 0 else 1


if __name__ == "__main__":
    import shutil
    import tempfile

    from bench.__main__ import configure

    var_dir = Path(tempfile.mkdtemp(prefix="knotenpunkt-bench-mail-"))
    try:
        configure(var_dir)
        status = main(sys.argv[1:])
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(var_dir, ignore_errors=True)
    sys.exit(status)
