"""`make run` serves through `manage.py devserve`; stopping it must stop the web server and the
worker with it, whether by Ctrl-C or by a signal from outside (a closed terminal, `kill`).

Run as `make run` runs it, with DEBUG on: then the worker runs under Django's reloader, which
starts the worker proper as a child of its own.
"""

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from .test_healthz import _database_url_of_test_db


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _parents() -> dict[int, int]:
    """Parent pid of every running process, read from /proc."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if fields[0] != "Z":  # a zombie has ended already
            found[int(stat.parent.name)] = int(fields[1])
    return found


def _descendants(pid: int) -> set[int]:
    parents = _parents()
    found, new = set(), {pid}
    while new:
        new = {child for child, parent in parents.items() if parent in new} - found
        found |= new
    return found


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pids: set[int]) -> set[int]:
    return pids & set(_parents())


def _answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
    except urllib.error.HTTPError:
        return True  # it answered (503 until the worker's first heartbeat)
    except OSError:
        return False
    return True


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads the process tree from /proc")
@pytest.mark.parametrize(
    ("stop", "to_whom"),
    [
        (signal.SIGINT, "devserve"),  # Ctrl-C (the terminal signals devserve's group)
        (signal.SIGTERM, "devserve"),  # `kill`, and make passes SIGTERM on to its recipe
        (signal.SIGHUP, "devserve"),  # a closed terminal
        (signal.SIGTERM, "its shell"),  # make's recipe shell ends without passing it on
    ],
)
@pytest.mark.django_db(transaction=True)
def test_stopping_devserve_stops_every_process_it_started(stop, to_whom):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_of_test_db(),
        "PORT": str(port),
        "KNOTENPUNKT_DEBUG": "1",  # as `make run` runs it
        "EMAIL_URL": "smtp://127.0.0.1:1",  # no local mail sink in this test
    }
    env.pop("KNOTENPUNKT_TEST_DB", None)
    devserve_command = shlex.join(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "devserve"]
    )
    # Started by a shell, as make starts it (`; exit` keeps the shell from exec-ing it).
    shell = subprocess.Popen(
        ["/bin/sh", "-c", f"{devserve_command}; exit $?"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    tree = set()
    try:
        deadline = time.monotonic() + 90
        while True:
            tree = _descendants(shell.pid)
            workers = [pid for pid in tree if " db_worker " in _command_line(pid)]
            # Up when the web server answers and the reloader has started the worker proper.
            if _answers(port) and len(workers) >= 2:
                break
            assert shell.poll() is None, "devserve stopped on its own"
            assert time.monotonic() < deadline, "the web server or the worker did not come up"
            time.sleep(0.3)
        [devserve] = [pid for pid in tree if _parents().get(pid) == shell.pid]

        os.kill(devserve if to_whom == "devserve" else shell.pid, stop)

        deadline = time.monotonic() + 60
        while _alive(tree) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = {pid: _command_line(pid) for pid in _alive(tree)}
        assert not left, f"still running after devserve was stopped: {left}"
        assert not _answers(port)
    finally:
        for pid in _alive(tree | _descendants(shell.pid)):
            os.kill(pid, signal.SIGKILL)
        if shell.poll() is None:
            shell.kill()
        shell.wait()
