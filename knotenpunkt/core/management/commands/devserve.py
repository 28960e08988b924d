"""`manage.py devserve`: web server, task worker, periodic work and a local mail sink, together.

Ctrl-C stops them all, and so do SIGTERM and SIGHUP (a closed terminal, `kill`), so that no
worker is left running in the background. Mails go to a local SMTP server that prints them,
unless EMAIL_URL names a real one.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

PERIODIC_SECONDS = 300


def _stop(_signum, _frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Serve http://127.0.0.1:$PORT with the task worker (for local use and the demo)."

    def handle(self, *args, **options):
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGHUP, _stop)
        port = os.environ.get("PORT", "8000")
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        commands = {
            "web": [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            "worker": [*manage, "db_worker", "--interval", "1"],
        }
        if not os.environ.get("EMAIL_URL"):
            host, mail_port = settings.EMAIL_HOST, settings.EMAIL_PORT
            commands["mail"] = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"{host}:{mail_port}"]
            self.stdout.write(f"Mails are printed here (local SMTP sink on {host}:{mail_port}).")
        processes = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
        self.stdout.write(
            self.style.SUCCESS(f"Serving http://127.0.0.1:{port}/ — Ctrl-C stops all.")
        )
        try:
            next_periodic = 0.0
            while all(process.poll() is None for process in processes.values()):
                if time.monotonic() >= next_periodic:
                    subprocess.run([*manage, "periodic"], check=False, stdout=subprocess.DEVNULL)
                    next_periodic = time.monotonic() + PERIODIC_SECONDS
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGINT)
            for process in processes.values():
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
