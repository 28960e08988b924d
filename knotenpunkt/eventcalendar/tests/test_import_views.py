"""The pages of iCal sources, the import task and the periodic job, who may use them."""

import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.periodic import run_periodic
from knotenpunkt.eventcalendar.models import Event, EventSource
from knotenpunkt.members.tests.factories import OrganisationFactory

from .test_import import FIXTURES, ics, make_member_contact


@pytest.fixture
def member_contact(network):
    return make_member_contact(network)


def url(network, name, **kwargs):
    return reverse(
        f"eventcalendar:{name}", kwargs={"lang": "en", "network": network.slug, **kwargs}
    )


def upload(name="verein.ics", raw=None):
    return SimpleUploadedFile(name, raw if raw is not None else ics(name), "text/calendar")


@pytest.fixture
def member_client(client, member_contact):
    client.force_login(member_contact)
    return client


def add(client, network, organisation, **data):
    return client.post(
        url(network, "source_add"), {"organisation": organisation.pk, "name": "Termine", **data}
    )


def test_a_member_uploads_a_file_and_the_task_imports_it(
    member_client, member_contact, network, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add(member_client, network, member_contact.own_organisation, file=upload())
    source = EventSource.objects.get(network=network)
    assert response.status_code == 302 and response.url == url(
        network, "source_detail", source_id=source.pk
    )
    assert "waiting to start" in member_client.get(response.url).content.decode()

    assert run_tasks() == 1

    source.refresh_from_db()
    assert source.last_status == "ok"
    assert Event.objects.filter(source=source, status=Event.Status.SUBMITTED).count() == 3
    page = member_client.get(response.url).content.decode()
    assert "The last import is finished: 3 new, 0 changed, 0 removed." in page


def test_a_broken_upload_shows_the_report_and_imports_nothing(
    member_client, member_contact, network, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add(member_client, network, member_contact.own_organisation, file=upload("broken.ics"))
    run_tasks()

    source = EventSource.objects.get(network=network)
    assert source.last_status == "failed"
    assert not Event.objects.filter(network=network).exists()
    page = member_client.get(url(network, "source_detail", source_id=source.pk)).content.decode()
    assert "The last import failed. Nothing was imported." in page
    assert "The event ends before it starts." in page
    assert "Rückwärts" in page


def test_import_now_with_a_new_file_updates_the_events(
    member_client, member_contact, network, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add(member_client, network, member_contact.own_organisation, file=upload())
    run_tasks()
    source = EventSource.objects.get(network=network)

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            url(network, "source_import", source_id=source.pk),
            {"file": upload("verein_changed.ics")},
        )
    assert response.status_code == 302
    run_tasks()

    source.refresh_from_db()
    assert source.last_report["created"] == 1 and source.last_report["removed"] == 1
    assert Event.objects.filter(network=network, title="Lesung").exists()


def test_an_upload_above_the_limit_is_refused_in_the_form(
    member_client, member_contact, network, settings
):
    settings.KNOTENPUNKT_ICAL_MAX_BYTES = 100

    response = add(member_client, network, member_contact.own_organisation, file=upload())

    assert response.status_code == 200
    assert "The file is larger than 100\xa0bytes." in response.content.decode()
    assert not EventSource.objects.exists()


def test_either_an_address_or_a_file(member_client, member_contact, network):
    response = add(member_client, network, member_contact.own_organisation)

    assert "Give either an iCal address or a file, not both." in response.content.decode()
    assert not EventSource.objects.exists()


@pytest.fixture
def calendar_server():
    """A local web server that serves the test fixtures."""

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(FIXTURES), **kwargs)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_source_is_fetched_by_the_task_and_again_by_the_periodic_job(
    member_client,
    member_contact,
    network,
    settings,
    calendar_server,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    settings.KNOTENPUNKT_ICAL_ALLOW_PRIVATE_ADDRESSES = True
    organisation = member_contact.own_organisation
    organisation.trusted = True
    organisation.save()
    with django_capture_on_commit_callbacks(execute=True):
        add(member_client, network, organisation, url=f"{calendar_server}/verein.ics")
    run_tasks()
    source = EventSource.objects.get(network=network)
    assert source.active and source.last_status == "ok"
    assert Event.objects.filter(source=source, status=Event.Status.PUBLISHED).count() == 3

    run_periodic()
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # the periodic job queues the import of every active address
    run_tasks()

    source.refresh_from_db()
    assert source.last_report["unchanged"] == 3
    assert Event.objects.filter(source=source).count() == 3


def test_a_refused_address_is_reported_by_the_task(
    member_client,
    member_contact,
    network,
    calendar_server,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        add(
            member_client,
            network,
            member_contact.own_organisation,
            url=f"{calendar_server}/verein.ics",
        )
    run_tasks()

    source = EventSource.objects.get(network=network)
    assert source.last_status == "failed"
    assert source.last_report["problems"][0]["message"] == (
        "This address points into a private network and cannot be imported."
    )


def test_import_now_is_refused_while_an_import_is_waiting(member_client, member_contact, network):
    source = EventSource.objects.create(
        network=network,
        organisation=member_contact.own_organisation,
        name="Termine",
        url="https://example.org/cal.ics",
        last_status="queued",
    )

    response = member_client.post(url(network, "source_import", source_id=source.pk))

    assert "An import of this calendar is already waiting or running." in response.content.decode()
    assert not DBTaskResult.objects.exists()


def test_a_member_sees_and_adds_only_sources_of_their_own_organisations(
    member_client, member_contact, network
):
    foreign = OrganisationFactory(network=network, name="Fremder Verein")
    theirs = EventSource.objects.create(network=network, organisation=foreign, name="Fremd")
    own = EventSource.objects.create(
        network=network, organisation=member_contact.own_organisation, name="Eigen"
    )

    page = member_client.get(url(network, "source_list")).content.decode()
    assert "Eigen" in page and "Fremd<" not in page
    assert member_client.get(url(network, "source_detail", source_id=theirs.pk)).status_code == 404
    assert member_client.get(url(network, "source_detail", source_id=own.pk)).status_code == 200
    response = add(member_client, network, foreign, file=upload())
    assert "Select a valid choice." in response.content.decode()
    assert EventSource.objects.count() == 2


def test_the_coordinator_manages_the_sources_of_every_organisation(coordinator_client, network):
    organisation = OrganisationFactory(network=network, name="Irgendein Verein")
    response = add(coordinator_client, network, organisation, file=upload())

    assert response.status_code == 302
    assert EventSource.objects.get().organisation == organisation


@pytest.mark.parametrize("role", [None, "city_liaison"])
def test_others_may_not_use_the_source_pages(client, network, role):
    if role:
        user = UserFactory()
        grant_role(user, network, role)
        client.force_login(user)

    response = client.get(url(network, "source_list"))

    assert response.status_code == (403 if role else 302)


def test_the_source_list_has_a_bounded_number_of_queries(
    coordinator_client, network, django_assert_max_num_queries
):
    for number in range(15):
        organisation = OrganisationFactory(network=network)
        EventSource.objects.create(network=network, organisation=organisation, name=f"K{number}")

    with django_assert_max_num_queries(12):
        response = coordinator_client.get(url(network, "source_list"))
    assert response.content.decode().count("<tr>") == 16


def test_another_networks_source_is_404(coordinator_client, network, other_network):
    foreign = EventSource.objects.create(
        network=other_network, organisation=OrganisationFactory(network=other_network), name="X"
    )

    assert (
        coordinator_client.get(url(network, "source_detail", source_id=foreign.pk)).status_code
        == 404
    )
    assert (
        coordinator_client.post(url(network, "source_import", source_id=foreign.pk)).status_code
        == 404
    )


def test_the_status_updates_itself_until_the_import_is_done(member_client, member_contact, network):
    source = EventSource.objects.create(
        network=network,
        organisation=member_contact.own_organisation,
        name="Termine",
        url="https://example.org/cal.ics",
        last_status="running",
    )
    detail = url(network, "source_detail", source_id=source.pk)

    poll = member_client.get(detail, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in poll.content.decode()
    assert "The import is running." in poll.content.decode()

    EventSource.objects.filter(pk=source.pk).update(last_status="ok")
    assert member_client.get(detail, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
