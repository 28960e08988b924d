"""`manage.py mail_sink`: the local SMTP server of `make run`, keeping every mail it receives.

`manage.py devserve` starts it when EMAIL_URL is not set. It listens where the settings send
mail (EMAIL_HOST:EMAIL_PORT, 127.0.0.1:1025 by default) and stores each message in the Maildir
KNOTENPUNKT_MAIL_SINK_DIR (var/mail-sink/), where the coordinator's page of caught mails
reads them. It runs until SIGTERM or Ctrl-C.
"""

import signal
import threading
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from knotenpunkt.infomail.mail_sink import sink_start


class Command(BaseCommand):
    help = "Catch every mail sent to the local SMTP port and keep it in a Maildir (for make run)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=None, help="default: EMAIL_HOST")
        parser.add_argument("--port", type=int, default=None, help="default: EMAIL_PORT")
        parser.add_argument(
            "--dir", dest="directory", default=None, help="default: KNOTENPUNKT_MAIL_SINK_DIR"
        )

    def handle(self, *args, host=None, port=None, directory=None, **options):
        host = host or settings.EMAIL_HOST or "127.0.0.1"
        port = port or settings.EMAIL_PORT or 1025
        directory = Path(directory or settings.KNOTENPUNKT_MAIL_SINK_DIR)
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda _signum, _frame: stop.set())
        controller = sink_start(host=host, port=port, directory=directory)
        self.stdout.write(f"Catching mail on {host}:{port}, kept in {directory}/", ending="\n")
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            controller.stop()
