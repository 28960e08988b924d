"""`make run` serves through `manage.py devserve`; stopping it must stop the web server and the
worker with it, whether by Ctrl-C or by a signal from outside (a closed terminal, `kill`)."""

import os
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


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
    except urllib.error.HTTPError:
        return True  # it answered (503 until the worker's first heartbeat)
    except OSError:
        return False
    return True


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads child processes from /proc")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
@pytest.mark.django_db(transaction=True)
def test_stopping_devserve_stops_the_web_server_and_the_worker(stop):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_of_test_db(),
        "PORT": str(port),
        "EMAIL_URL": "smtp://127.0.0.1:1",  # no local mail sink in this test
    }
    env.pop("KNOTENPUNKT_TEST_DB", None)
    devserve = subprocess.Popen(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "devserve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            assert devserve.poll() is None, "devserve stopped on its own"
            assert time.monotonic() < deadline, "the web server did not come up"
            time.sleep(0.3)
        children = _children(devserve.pid)
        assert len(children) >= 2  # web server and worker

        devserve.send_signal(stop)
        devserve.wait(timeout=30)

        assert not _answers(port)
        assert not any(Path(f"/proc/{child}").exists() for child in children)
    finally:
        if devserve.poll() is None:
            devserve.kill()
