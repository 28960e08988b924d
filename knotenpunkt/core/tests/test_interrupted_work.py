"""Work a stopped worker left behind does not block anyone for ever.

A killed worker leaves a CSV import, an iCal import or an edition PDF "running". The periodic
jobs (`manage.py periodic`, run by the real worker here) mark such work failed once it has run
longer than KNOTENPUNKT_WORK_TIMEOUT_MINUTES, so that it can be started again; and they remove
import error lists, which quote the file's cells, after KNOTENPUNKT_IMPORT_DETAILS_DAYS.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.html import escape
from django_scopes import scopes_disabled

from knotenpunkt.core.testing import translated
from knotenpunkt.eventcalendar import editions
from knotenpunkt.eventcalendar.import_tasks import event_source_import_request
from knotenpunkt.eventcalendar.models import Edition, EventSource
from knotenpunkt.eventcalendar.tests.factories import EventSourceFactory
from knotenpunkt.members import import_jobs
from knotenpunkt.members.models import ImportJob

pytestmark = pytest.mark.django_db

CSV_INTERRUPTED = (
    "The import was interrupted before it finished. Nothing was saved; upload the file again."
)
ICAL_INTERRUPTED = (
    "The import was interrupted before it finished. Nothing was saved; start it again."
)


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.KNOTENPUNKT_WORK_TIMEOUT_MINUTES = 60
    settings.KNOTENPUNKT_IMPORT_DETAILS_DAYS = 30
    return tmp_path


def _ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)


def _periodic(run_tasks) -> None:
    """What cron does: enqueue the periodic jobs; then the worker runs them."""
    call_command("periodic", stdout=io.StringIO())
    run_tasks()


def _job(network, *, status, language="de", **fields) -> ImportJob:
    with scopes_disabled():
        return ImportJob.objects.create(
            network=network,
            kind=ImportJob.Kind.ORGANISATIONS,
            filename="mitglieder.csv",
            upload_token=import_jobs.upload_save(b"name;kind\r\nCafe;association\r\n"),
            language=language,
            status=status,
            **fields,
        )


def _job_page(client, job) -> str:
    response = client.get(f"/de/{job.network.slug}/manage/members/import/jobs/{job.pk}/")
    assert response.status_code == 200
    return response.text


def test_an_import_a_stopped_worker_left_running_fails_and_says_so(
    coordinator_client, network, run_tasks
):
    stalled = _job(network, status="running", started_at=_ago(hours=2))
    busy = _job(network, status="running", started_at=_ago(minutes=5))

    _periodic(run_tasks)

    stalled.refresh_from_db()
    busy.refresh_from_db()
    assert stalled.status == "failed" and stalled.finished_at is not None
    assert import_jobs.upload_read(stalled.upload_token) is None  # the waiting upload is gone
    assert escape(translated(CSV_INTERRUPTED, "de")) in _job_page(coordinator_client, stalled)
    assert busy.status == "running"  # still within the time an import may take
    assert import_jobs.upload_read(busy.upload_token) is not None


def test_an_imports_error_list_is_removed_after_the_configured_days(
    coordinator_client, network, run_tasks
):
    quoted = [{"row": 2, "column": "email", "message": "hatice.demir@example — not an address"}]
    old = _job(network, status="failed", finished_at=_ago(days=31), errors=quoted)
    recent = _job(network, status="failed", finished_at=_ago(days=29), errors=quoted)

    _periodic(run_tasks)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.errors == [] and old.status == "failed"
    assert recent.errors == quoted
    page = _job_page(coordinator_client, old)
    assert "hatice.demir" not in page
    with translation.override("de"):
        removed = translation.ngettext(
            "The list of problems was removed after %(days)s day: it quoted the file's contents.",
            "The list of problems was removed after %(days)s days: it quoted the file's contents.",
            30,
        ) % {"days": 30}
    assert removed in page
    assert "hatice.demir" in _job_page(coordinator_client, recent)


def test_an_ical_import_a_stopped_worker_left_running_can_be_started_again(
    network, coordinator, run_tasks
):
    with scopes_disabled():
        source = EventSourceFactory(
            network=network, url="https://kalender.example/feed.ics", active=False
        )
        EventSource.objects.filter(pk=source.pk).update(
            last_status="running", last_started_at=_ago(hours=3)
        )

    _periodic(run_tasks)

    with scopes_disabled():
        source.refresh_from_db()
        assert source.last_status == "failed"
        problems = [problem["message"] for problem in source.last_report["problems"]]
        assert problems == [translated(ICAL_INTERRUPTED, network.default_language)]
        # "Import now" is no longer refused as "already running".
        event_source_import_request(source=source, actor=coordinator)
        assert EventSource.objects.get(pk=source.pk).last_status == "queued"


def test_a_recently_started_ical_import_is_left_running(network, run_tasks):
    with scopes_disabled():
        source = EventSourceFactory(network=network, url="https://kalender.example/feed.ics")
        EventSource.objects.filter(pk=source.pk).update(
            last_status="running", last_started_at=_ago(minutes=10)
        )

    _periodic(run_tasks)

    with scopes_disabled():
        assert EventSource.objects.get(pk=source.pk).last_status == "running"


def test_an_edition_pdf_a_stopped_worker_left_running_can_be_prepared_again(
    network, coordinator, run_tasks
):
    with scopes_disabled():
        period = editions.Period(datetime.date(2031, 3, 1))
        edition = editions.edition_prepare(network=network, actor=coordinator, period=period)
        Edition.objects.filter(pk=edition.pk).update(
            pdf_status="running", pdf_progress=40, pdf_started_at=_ago(hours=2)
        )

    _periodic(run_tasks)

    with scopes_disabled():
        edition.refresh_from_db()
        assert edition.pdf_status == "failed"
        editions.edition_pdf_request(network=network, actor=coordinator, edition=edition)
        assert Edition.objects.get(pk=edition.pk).pdf_status == "queued"
