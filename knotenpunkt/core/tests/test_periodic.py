"""`manage.py periodic` enqueues the jobs the apps registered, and the worker runs them."""

import datetime
import io

import pytest
from django.core.management import call_command
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from knotenpunkt.core import periodic
from knotenpunkt.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

PROBE_SEEN_AT = datetime.datetime(2025, 3, 30, 1, 30, tzinfo=datetime.UTC)


@task()
def probe_job() -> None:
    WorkerHeartbeat.objects.create(name="probe", seen_at=PROBE_SEEN_AT)


@pytest.fixture
def probe_registered():
    periodic.register(probe_job)
    yield
    periodic.unregister(probe_job)


def test_a_registered_job_is_enqueued_by_the_command_and_run_by_the_worker(
    probe_registered, run_tasks
):
    out = io.StringIO()
    call_command("periodic", stdout=out)
    run_tasks()

    assert "enqueued knotenpunkt.core.tests.test_periodic.probe_job" in out.getvalue()
    assert WorkerHeartbeat.objects.get(name="probe").seen_at == PROBE_SEEN_AT


def test_registering_a_job_twice_enqueues_it_once(probe_registered):
    periodic.register(probe_job)
    call_command("periodic", stdout=io.StringIO())
    paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert paths.count("knotenpunkt.core.tests.test_periodic.probe_job") == 1


def test_the_apps_register_their_jobs_when_they_start():
    """Reminders, calendar imports and the tidying of stale work run without core naming them."""
    registered = {job.module_path for job in periodic.jobs()}
    assert {
        "knotenpunkt.core.tasks.worker_heartbeat",
        "knotenpunkt.meetings.tasks.meeting_reminders_send",
        "knotenpunkt.meetings.tasks.action_item_reminders_send",
        "knotenpunkt.eventcalendar.import_tasks.import_sources_due",
        "knotenpunkt.eventcalendar.tasks.interrupted_work_fail",
        "knotenpunkt.members.tasks.import_jobs_tidy_task",
    } <= registered
