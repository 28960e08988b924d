import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from knotenpunkt.core.models import WorkerHeartbeat


def _database_url_of_test_db() -> str:
    """The URL under which another process reaches the database this test uses."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}/{db['NAME']}"


def _manage(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": _database_url_of_test_db()}
    env.pop("KNOTENPUNKT_TEST_DB", None)
    return subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.django_db
def test_healthz_is_unhealthy_until_the_worker_has_beaten(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["migrations"] == "applied"
    assert response.json()["worker"] == "stale"


@pytest.mark.django_db
def test_healthz_reports_a_stale_worker(client):
    too_old = settings.KNOTENPUNKT_WORKER_STALE_SECONDS + 60
    WorkerHeartbeat.objects.create(seen_at=timezone.now() - timedelta(seconds=too_old))
    body = client.get("/healthz").json()
    assert body["worker"] == "stale"
    assert body["worker_heartbeat_age_seconds"] >= too_old


@pytest.mark.django_db(transaction=True)
def test_periodic_command_and_a_real_worker_process_make_healthz_healthy(client):
    _manage("periodic")
    _manage("db_worker", "--batch", "--interval", "0")
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ok"
    assert body["worker_heartbeat_age_seconds"] < 120
