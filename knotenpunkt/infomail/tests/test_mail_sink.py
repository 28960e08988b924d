"""The local mail sink of `make run`: a real SMTP server keeping what it catches; its page."""

import os
import signal
import socket
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path
from smtplib import SMTP

import pytest
from django.conf import settings as django_settings

from knotenpunkt.core.testing import free_port
from knotenpunkt.core.urls_helpers import network_reverse

from ..mail_sink import caught_mails


def _wait_for_port(port: int, process, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the sink did not start listening")


@pytest.fixture
def sink(tmp_path):
    """`manage.py mail_sink` as `devserve` starts it, on a free port, keeping mail in tmp_path."""
    port = free_port()
    directory = tmp_path / "mail-sink"
    command = [
        sys.executable,
        str(Path(django_settings.BASE_DIR) / "manage.py"),
        "mail_sink",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--dir",
        str(directory),
    ]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, process)
        yield port, directory
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0


def _send(port: int, *, subject: str, to: str, text: str) -> None:
    message = EmailMessage()
    message["From"] = "knotenpunkt@localhost"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    message.add_alternative(f"<p>{text}</p>", subtype="html")
    with SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.send_message(message)


def test_the_sink_keeps_a_mail_and_the_page_lists_and_opens_it(
    sink, coordinator_client, network, settings
):
    port, directory = sink
    _send(port, subject="Bitte bestätigen Sie Ihr Abonnement", to="leser@example.org", text="Hallo")
    _send(port, subject="Infobrief Dezember", to="zweite@example.org", text="Liebe Leserinnen")
    mails = caught_mails(directory)
    assert {mail.subject for mail in mails} == {
        "Infobrief Dezember",
        "Bitte bestätigen Sie Ihr Abonnement",
    }
    assert {mail.to for mail in mails} == {"leser@example.org", "zweite@example.org"}

    settings.DEBUG = True
    settings.KNOTENPUNKT_MAIL_SINK_DIR = directory
    url = network_reverse(network, "infomail:caught")
    page = coordinator_client.get(url).content.decode()
    assert "Bitte bestätigen Sie Ihr Abonnement" in page and "zweite@example.org" in page

    key = next(mail.key for mail in mails if mail.subject == "Infobrief Dezember")
    opened = coordinator_client.get(url, {"mail": key}).content.decode()
    assert "Liebe Leserinnen" in opened and "<p>Liebe Leserinnen" not in opened


def test_newest_first(tmp_path):
    import mailbox

    box = mailbox.Maildir(tmp_path / "box", create=True)
    for day, subject in ((3, "older"), (5, "newer"), (1, "oldest")):
        box.add(f"Subject: {subject}\nTo: a@example.org\nDate: 0{day} Dec 2026 10:00 +0100\n\nx")
    assert [mail.subject for mail in caught_mails(tmp_path / "box")] == ["newer", "older", "oldest"]


def test_the_page_is_not_there_without_debug(coordinator_client, network, settings):
    settings.DEBUG = False
    assert coordinator_client.get(network_reverse(network, "infomail:caught")).status_code == 404


def test_an_unknown_or_hostile_key_is_not_found(coordinator_client, network, settings, tmp_path):
    settings.DEBUG = True
    settings.KNOTENPUNKT_MAIL_SINK_DIR = tmp_path
    url = network_reverse(network, "infomail:caught")
    assert coordinator_client.get(url).status_code == 200  # no Maildir yet: an empty list
    for key in ("no-such-mail", "../../etc/passwd", "x" * 300):
        assert coordinator_client.get(url, {"mail": key}).status_code == 404
