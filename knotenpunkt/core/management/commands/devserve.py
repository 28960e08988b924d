"""`manage.py devserve`: web server, task worker, periodic work and a local mail sink, together.

Ctrl-C stops them all, and so do SIGTERM and SIGHUP (a closed terminal, `kill`), so that no
worker is left running in the background. Mails go to a local SMTP server, `manage.py
mail_sink`, that keeps them for the coordinator's page of caught mails, unless EMAIL_URL names
a real one. (Core names no app: the sink is started as a command, by its name.)

Each part runs in a process group of its own, and stopping signals the whole group: with DEBUG
on the worker runs under Django's reloader, whose child would otherwise outlive its parent. When
the process that started devserve ends (make killed by a signal it does not pass on), devserve
stops as well.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

PERIODIC_SECONDS = 300
STOP_SECONDS = 15


def _stop(_signum, _frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Serve http://127.0.0.1:$PORT with the task worker (for local use and the demo)."

    def handle(self, *args, **options):
        # SIGINT too: a shell that starts us in the background has it ignored, and we inherit that.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _stop)
        port = os.environ.get("PORT", "8000")
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        commands = {
            "web": [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            "worker": [*manage, "db_worker", "--interval", "1"],
        }
        if not os.environ.get("EMAIL_URL"):
            host, mail_port = settings.EMAIL_HOST, settings.EMAIL_PORT
            commands["mail"] = [*manage, "mail_sink", "--host", host, "--port", str(mail_port)]
            self.stdout.write(
                f"Mails are caught by a local SMTP sink on {host}:{mail_port}; the coordinator "
                "reads them at …/manage/mail/bounces/caught/."
            )
        processes = {name: subprocess.Popen(cmd, process_group=0) for name, cmd in commands.items()}
        self.stdout.write(
            self.style.SUCCESS(f"Serving http://127.0.0.1:{port}/ — Ctrl-C stops all.")
        )
        # Whoever started us (make, a shell) may be killed without passing the signal on.
        parent = os.getppid()
        try:
            next_periodic = 0.0
            while all(process.poll() is None for process in processes.values()):
                if os.getppid() != parent:
                    break
                if time.monotonic() >= next_periodic:
                    subprocess.run([*manage, "periodic"], check=False, stdout=subprocess.DEVNULL)
                    next_periodic = time.monotonic() + PERIODIC_SECONDS
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            _stop_all(processes.values())


def _stop_all(processes) -> None:
    """SIGTERM to each part's process group; SIGKILL what lingers.

    SIGTERM, not SIGINT: a part may have inherited an ignored SIGINT (see `handle`). Each part
    gets STOP_SECONDS to end; more Ctrl-C or signals meanwhile do not cut that short.
    """
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    for process in processes:
        _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    while any(_group_alive(process) for process in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    for process in processes:
        _signal_group(process, signal.SIGKILL)
        process.wait()


def _group_alive(process) -> bool:
    process.poll()  # reaps the group's leader once it ended, so that only the living count
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def _signal_group(process, signum) -> None:
    with contextlib.suppress(ProcessLookupError):  # every process of the group has ended
        os.killpg(process.pid, signum)
