"""Login records are kept KNOTENPUNKT_LOGIN_LOG_DAYS; then the periodic job deletes them."""

import datetime
import io

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command

from knotenpunkt.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
START = datetime.datetime(2025, 3, 1, 9, 0, tzinfo=datetime.UTC)


def _periodic(run_tasks) -> None:
    """What cron does: enqueue the periodic jobs; then the worker runs them."""
    call_command("periodic", stdout=io.StringIO())
    run_tasks()


def _records(email: str) -> dict[str, int]:
    return {
        model.__name__: model.objects.filter(username=email).count()
        for model in (AccessLog, AccessFailureLog, AccessAttempt)
    }


def test_login_records_are_deleted_after_the_configured_days(settings, client, run_tasks):
    settings.KNOTENPUNKT_LOGIN_LOG_DAYS = 30
    UserFactory(email="old@example.org")
    UserFactory(email="new@example.org")
    with time_machine.travel(START, tick=False):
        client.post(LOGIN, {"username": "old@example.org", "password": "correct horse battery"})
        client.logout()
        client.post(LOGIN, {"username": "old@example.org", "password": "wrong"})
    # A login and a counted failure (axes keeps no failure log unless configured to).
    assert _records("old@example.org") == {
        "AccessLog": 1,
        "AccessFailureLog": 0,
        "AccessAttempt": 1,
    }

    with time_machine.travel(START + datetime.timedelta(days=29, hours=23), tick=False):
        _periodic(run_tasks)
    assert _records("old@example.org")["AccessLog"] == 1

    with time_machine.travel(START + datetime.timedelta(days=30, hours=1), tick=False):
        client.post(LOGIN, {"username": "new@example.org", "password": "correct horse battery"})
        _periodic(run_tasks)

    assert _records("old@example.org") == {
        "AccessLog": 0,
        "AccessFailureLog": 0,
        "AccessAttempt": 0,
    }
    assert _records("new@example.org")["AccessLog"] == 1


def test_the_retention_follows_the_setting(settings, client, run_tasks):
    settings.KNOTENPUNKT_LOGIN_LOG_DAYS = 7
    UserFactory(email="anna@example.org")
    with time_machine.travel(START, tick=False):
        client.post(LOGIN, {"username": "anna@example.org", "password": "correct horse battery"})
    with time_machine.travel(START + datetime.timedelta(days=8), tick=False):
        _periodic(run_tasks)
    assert _records("anna@example.org")["AccessLog"] == 0
