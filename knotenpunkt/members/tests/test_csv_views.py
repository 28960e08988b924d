"""The import pages (upload → preview → confirm → job page) and the export downloads."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import translated
from knotenpunkt.members import import_jobs
from knotenpunkt.members.forms_csv import COLUMNS
from knotenpunkt.members.models import ContactPosition, ImportJob, Organisation, Person
from knotenpunkt.members.tasks import import_job_run_task
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LANGUAGE = "de"  # the pages below speak the language of their path
IMPORT = f"/{LANGUAGE}/musterstadt/manage/members/import/"
CONFIRM = f"/{LANGUAGE}/musterstadt/manage/members/import/confirm/"
EXPORT_ORGANISATIONS = f"/{LANGUAGE}/musterstadt/manage/members/export/organisations.csv"
EXPORT_PEOPLE = f"/{LANGUAGE}/musterstadt/manage/members/export/people.csv"
GOOD = "name;kind;city\r\nCafé Global;association;Musterstadt\r\nJobcenter;administration;\r\n"
ORGANISATION_EXISTS = "An organisation with this name and city exists already in this network."
WAITING = "The import is waiting to start. This page updates itself until it is finished."
NOTHING_IMPORTED = "Nothing was imported."


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def shown(message: str, **params) -> str:
    """An import message as the page shows it: translated, then escaped like any variable."""
    return escape(translated(message, LANGUAGE, **params))


def shown_count(singular: str, plural: str, count: int) -> str:
    with translation.override(LANGUAGE):
        return escape(translation.ngettext(singular, plural, count) % {"count": count})


def pending_files(var_dir):
    return list((var_dir / "imports").glob("*")) if (var_dir / "imports").exists() else []


def upload(client, content, kind="organisations", name="mitglieder.csv"):
    raw = content.encode() if isinstance(content, str) else content
    file = SimpleUploadedFile(name, raw, content_type="text/csv")
    return client.post(IMPORT, {"kind": kind, "file": file})


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.text)[1]


@pytest.fixture
def confirm(django_capture_on_commit_callbacks):
    """POST the confirm form as the browser does; the task is enqueued when the request commits."""

    def post(client, token, *buttons):
        data = {"token": token, **dict.fromkeys(buttons, "")}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(CONFIRM, data)

    return post


def job_of(response) -> ImportJob:
    job_id = re.fullmatch(r"/de/musterstadt/manage/members/import/jobs/(\d+)/", response.url)[1]
    return ImportJob.objects.get(pk=job_id)


def test_upload_page_documents_the_columns(coordinator_client):
    response = coordinator_client.get(IMPORT)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    for key in ("postal_code", "public_listing", "joined_on", "contact_consent", "association"):
        assert f"<code>{key}</code>" in response.text


def test_each_previewed_cell_names_its_column_for_phones(coordinator_client):
    """Stacked on a phone, a preview row keeps its column names (data-label on every cell)."""
    response = upload(coordinator_client, GOOD)
    row = re.search(r'<th scope="row">2</th>(.*?)</tr>', response.text, re.S).group(1)
    cells = re.findall(r'<td data-label="([^"]*)">([^<]*)</td>', row)
    with translation.override("de"):  # the coordinator reads German
        labels = [escape(column.label) for column in COLUMNS["organisations"]]
    assert [label for label, _ in cells] == labels
    assert cells[0] == (labels[0], "Café Global")


def test_confirm_queues_a_job_and_the_worker_writes_all_rows_and_removes_the_upload(
    coordinator_client, network, var_dir, confirm, run_tasks
):
    response = upload(coordinator_client, GOOD)
    assert response.status_code == 200
    assert "Café Global" in response.text and "Jobcenter" in response.text
    assert Organisation.objects.filter(network=network).count() == 0
    assert len(pending_files(var_dir)) == 1

    response = confirm(coordinator_client, token_of(response), "confirm")

    assert response.status_code == 302
    job = job_of(response)
    page = coordinator_client.get(response.url)
    assert page.status_code == 200
    assert shown(WAITING) in page.text
    assert re.search(
        r'<div class="import-status" role="status">\s*<p id="import-progress"', page.text
    )
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page.text
    assert "no-cache" in page["Cache-Control"]
    assert Organisation.objects.filter(network=network).count() == 0  # not in the request

    assert run_tasks() == 1

    page = coordinator_client.get(response.url)
    assert (
        shown_count(
            "%(count)s organisation was imported.", "%(count)s organisations were imported.", 2
        )
        in page.text
    )
    assert 'href="/de/musterstadt/manage/members/"' in page.text
    assert "refresh" not in page.text and "hx-get" not in page.text  # finished: no more polling
    assert set(Organisation.objects.filter(network=network).values_list("name", flat=True)) == {
        "Café Global",
        "Jobcenter",
    }
    job.refresh_from_db()
    assert (job.status, job.created_count, job.errors) == ("done", 2, [])
    assert pending_files(var_dir) == []
    again = upload(coordinator_client, GOOD)  # the same file a second time: all duplicates
    assert again.text.count(shown(ORGANISATION_EXISTS)) == 2
    assert 'name="token"' not in again.text
    assert Organisation.objects.filter(network=network).count() == 2


def test_the_worker_runs_the_members_import_task(
    coordinator_client, network, coordinator, confirm, run_tasks
):
    job = job_of(confirm(coordinator_client, token_of(upload(coordinator_client, GOOD))))
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == import_job_run_task.module_path
    assert queued.args_kwargs["kwargs"] == {"network_id": network.pk, "job_id": job.pk}

    assert run_tasks() == 1  # the real worker's run_task, in this process

    queued.refresh_from_db()
    assert (queued.status, queued.return_value) == ("SUCCESSFUL", "done")
    entries = AuditEntry.objects.filter(network=network, actor=coordinator)
    assert entries.filter(action="import.confirm", target_id=str(job.pk)).count() == 1
    assert entries.filter(action="organisation.create").count() == 2


def test_people_import_through_the_views(coordinator_client, network, confirm, run_tasks):
    caritas = OrganisationFactory(network=network, name="Caritas")
    response = upload(
        coordinator_client,
        "Name,E-Mail,Organisation,Rolle\nAna Lima,ana@example.org,Caritas,Vorstand\n",
        kind="people",
    )
    response = confirm(coordinator_client, token_of(response))
    run_tasks()
    position = ContactPosition.objects.get(person__email="ana@example.org")
    assert (position.organisation, position.role) == (caritas, "Vorstand")
    page = coordinator_client.get(response.url)
    assert shown_count("%(count)s person was imported.", "%(count)s people were imported.", 1) in (
        page.text
    )
    assert 'href="/de/musterstadt/manage/members/people/"' in page.text


def test_errors_are_listed_by_row_and_column_in_the_users_language_and_nothing_is_kept(
    coordinator_client, network, var_dir
):
    content = (
        "Name;Art;E-Mail\r\nGut;association;gut@example.org\r\nSchlecht;association;kaputt\r\n"
    )
    response = upload(coordinator_client, content)

    assert response.status_code == 200
    text = response.text
    assert '<th scope="row">3</th>' in text and re.search(r"<td data-label=[^>]*>E-Mail</td>", text)
    assert "gültige E-Mail-Adresse" in text  # Django's own German message
    assert 'name="token"' not in text  # nothing to confirm
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "This file is not a CSV file."),
        (
            b"PK\x03\x04" + bytes(range(256)),
            "This is a spreadsheet file, not CSV. Save it as “CSV UTF-8” in your "
            "spreadsheet program and upload that file.",
        ),
    ],
    ids=["png", "xlsx"],
)
def test_a_file_that_is_not_csv_gets_a_message_and_nothing_is_stored(
    coordinator_client, network, var_dir, content, message
):
    response = upload(coordinator_client, content, name="bild.csv")
    assert response.status_code == 200
    assert shown(message) in response.text
    assert 'class="error-summary"' in response.text
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


def test_an_oversize_file_gets_a_message_and_nothing_is_stored(
    coordinator_client, network, var_dir, settings
):
    settings.KNOTENPUNKT_IMPORT_MAX_BYTES = 1024
    content = "name;kind\r\n" + "".join(f"Verein {n};other\r\n" for n in range(200))
    response = upload(coordinator_client, content)
    assert response.status_code == 200
    with translation.override(LANGUAGE):
        limit = filesizeformat(1024)
    message = "The file is larger than %(limit)s. Split it into smaller files."
    assert shown(message, limit=limit) in response.text
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


def test_the_task_validates_again_and_writes_nothing_when_the_data_changed(
    coordinator_client, network, var_dir, confirm, run_tasks
):
    response = upload(coordinator_client, GOOD)
    OrganisationFactory(network=network, name="Jobcenter", city="")

    response = confirm(coordinator_client, token_of(response))
    assert response.status_code == 302
    run_tasks()

    page = coordinator_client.get(response.url)
    assert page.status_code == 200
    assert shown(NOTHING_IMPORTED) in page.text
    row = re.search(
        r"<tr>\s*<th scope=\"row\">(.*?)</th>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>",
        page.text,
    )
    assert row.groups() == ("3", "name", shown(ORGANISATION_EXISTS))
    assert 'href="/de/musterstadt/manage/members/import/"' in page.text  # upload it again
    assert not Organisation.objects.filter(network=network, name="Café Global").exists()
    assert job_of(response).status == "failed"
    assert pending_files(var_dir) == []


def test_a_job_whose_upload_is_gone_fails_with_a_message(
    coordinator_client, network, var_dir, confirm, run_tasks
):
    response = confirm(coordinator_client, token_of(upload(coordinator_client, GOOD)))
    for path in pending_files(var_dir):
        path.unlink()
    run_tasks()
    page = coordinator_client.get(response.url)
    assert shown("The uploaded file is gone. Upload it again.") in page.text
    assert Organisation.objects.filter(network=network).count() == 0


def test_an_unexpected_error_fails_the_job_instead_of_leaving_it_running(
    coordinator_client, network, var_dir, confirm, run_tasks, monkeypatch
):
    def broken(**kwargs):
        OrganisationFactory(network=network, name="Halb geschrieben")
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_jobs, "csv_import_run", broken)
    response = confirm(coordinator_client, token_of(upload(coordinator_client, GOOD)))

    run_tasks(expect_failed={"import_job_run_task"})  # the worker logs it
    job = job_of(response)
    assert job.status == "failed" and len(job.errors) == 1
    assert not Organisation.objects.filter(network=network).exists()  # rolled back
    assert pending_files(var_dir) == []
    page = coordinator_client.get(response.url)
    assert shown(NOTHING_IMPORTED) in page.text and "hx-get" not in page.text


def test_a_second_confirm_of_the_same_upload_shows_the_same_job(
    coordinator_client, network, confirm, run_tasks
):
    token = token_of(upload(coordinator_client, GOOD))
    first = confirm(coordinator_client, token)
    second = confirm(coordinator_client, token)  # a double click, or the back button
    assert second.status_code == 302 and second.url == first.url
    assert ImportJob.objects.filter(network=network).count() == 1
    assert run_tasks() == 1
    assert confirm(coordinator_client, token, "cancel").url == first.url  # too late to cancel
    assert Organisation.objects.filter(network=network).count() == 2


def test_a_task_delivered_twice_imports_once(coordinator_client, network, confirm, run_tasks):
    job = job_of(confirm(coordinator_client, token_of(upload(coordinator_client, GOOD))))
    import_job_run_task.enqueue(network_id=network.pk, job_id=job.pk)

    assert run_tasks() == 2
    assert import_job_run_task.call(network_id=network.pk, job_id=job.pk) == "done"

    assert Organisation.objects.filter(network=network).count() == 2
    assert AuditEntry.objects.filter(network=network, action="organisation.create").count() == 2
    job.refresh_from_db()
    assert (job.status, job.created_count) == ("done", 2)


def test_htmx_polls_the_status_without_reloading_the_page(
    coordinator_client, network, confirm, run_tasks
):
    url = confirm(coordinator_client, token_of(upload(coordinator_client, GOOD))).url
    page = coordinator_client.get(url)
    assert f'hx-get="{url}?since=queued"' in page.text and 'hx-trigger="every 2s"' in page.text
    assert "/static/django_htmx/htmx-2.min.js" in page.text  # loaded while the job waits

    fragment = coordinator_client.get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<p id="import-progress"')  # no page around it
    assert shown(WAITING) in fragment.text
    unchanged = coordinator_client.get(f"{url}?since=queued", headers={"HX-Request": "true"})
    assert unchanged.status_code == 204  # nothing swapped, nothing announced again

    run_tasks()
    finished = coordinator_client.get(f"{url}?since=queued", headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"  # the whole page shows the outcome


def test_cancel_discards_the_upload(coordinator_client, network, var_dir, confirm):
    response = upload(coordinator_client, GOOD)
    response = confirm(coordinator_client, token_of(response), "cancel")
    assert response.status_code == 302
    assert response.url == IMPORT
    assert pending_files(var_dir) == []
    assert not ImportJob.objects.filter(network=network).exists()
    assert Organisation.objects.filter(network=network).count() == 0


def test_a_stale_or_forged_token_writes_nothing(
    coordinator_client, network, var_dir, confirm, run_tasks
):
    first = token_of(upload(coordinator_client, GOOD))
    second = token_of(upload(coordinator_client, GOOD.replace("Jobcenter", "Tafel")))
    assert len(pending_files(var_dir)) == 1  # the newer upload replaced the older one

    for token in (first, "../../secret_key", ""):
        response = confirm(coordinator_client, token)
        assert response.status_code == 302 and response.url == IMPORT
    assert run_tasks() == 0
    assert not ImportJob.objects.filter(network=network).exists()
    confirm(coordinator_client, second)
    run_tasks()
    assert Organisation.objects.filter(network=network, name="Tafel").exists()


def test_confirm_needs_post(coordinator_client):
    assert coordinator_client.get(CONFIRM).status_code == 405


def test_exports_are_csv_downloads(coordinator_client, network, django_assert_max_num_queries):
    for number in range(20):
        OrganisationFactory(network=network, name=f"Verein {number}")
    with django_assert_max_num_queries(8):
        response = coordinator_client.get(EXPORT_ORGANISATIONS)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="musterstadt-organ')
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"\xef\xbb\xbfname;kind;")
    assert response.content.count(b"\r\n") == 21
    people = coordinator_client.get(EXPORT_PEOPLE)
    assert people.content.startswith(b"\xef\xbb\xbffull_name;email;")


@pytest.fixture
def job_url(network, coordinator):
    """The page of a finished job in `network`."""
    job = ImportJob.objects.create(
        network=network,
        kind="organisations",
        filename="mitglieder.csv",
        upload_token="t" * 32,
        language="de",
        status="done",
        created_count=3,
        actor=coordinator,
    )
    return f"/{LANGUAGE}/musterstadt/manage/members/import/jobs/{job.pk}/"


def test_the_job_page_is_for_coordinators(coordinator_client, coordinator, job_url):
    page = coordinator_client.get(job_url)
    assert page.status_code == 200
    # Who confirmed is shown by name, not by e-mail address.
    assert "mitglieder.csv" in page.text and f"<bdi>{coordinator.full_name}</bdi>" in page.text
    assert "coordinator@example.org" not in page.text
    assert coordinator_client.post(job_url).status_code == 405


def test_member_contact_gets_403_everywhere(client, network, job_url):
    member = UserFactory()
    grant_role(member, network, "member_contact")
    client.force_login(member)
    assert client.get(IMPORT).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    assert client.get(job_url).status_code == 403
    assert client.get(EXPORT_ORGANISATIONS).status_code == 403
    assert client.get(EXPORT_PEOPLE).status_code == 403
    assert Organisation.objects.filter(network=network).count() == 0


def test_city_liaison_may_export_but_not_import(client, city_liaison, job_url):
    client.force_login(city_liaison)
    export = client.get(EXPORT_PEOPLE)
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    assert "attachment" in export["Content-Disposition"]
    assert client.get(IMPORT).status_code == 403
    assert client.get(job_url).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, network, job_url):
    for url in (EXPORT_PEOPLE, job_url):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response.url
    assert Person.objects.filter(network=network).count() == 0


def test_a_coordinator_of_another_network_cannot_import_here(
    client, other_network, network, job_url
):
    stranger = UserFactory()
    grant_role(stranger, other_network, "coordinator")
    client.force_login(stranger)
    assert client.get(IMPORT).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert client.get(job_url).status_code == 403
    assert Organisation.objects.filter(network=network).count() == 0
