"""The edition's PDF: rendered by the task with visible progress, served once it is done."""

import datetime
import io

import pytest
from django.utils.formats import date_format
from django.utils.translation import override
from pypdf import PdfReader

from knotenpunkt.core.testing import translated
from knotenpunkt.eventcalendar import editions, tasks
from knotenpunkt.eventcalendar.models import Edition

from .test_editions import at, event, url

MARCH = editions.Period(datetime.date(2031, 3, 1))


@pytest.fixture
def edition(network, coordinator):
    return editions.edition_prepare(network=network, actor=coordinator, period=MARCH)


def render_url(network, edition):
    return f"/en/{network.slug}/manage/calendar/editions/{edition.pk}/render/"


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.django_db
def test_the_pdf_lists_the_events_in_order_with_the_network_name(
    coordinator_client, network, edition, run_tasks, django_capture_on_commit_callbacks
):
    # Created out of order, so only sorting puts them right.
    event(network, "Spring festival", at("2031-04-26", 14), place_name="Marktplatz")
    event(network, "Evening café", at("2031-03-03", 18))
    event(network, "Morning counselling", at("2031-03-03", 9), step_free=True)
    event(network, "Parents' breakfast", at("2031-03-18", 9))

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(render_url(network, edition))
    assert response.status_code == 302
    edition.refresh_from_db()
    assert (edition.pdf_status, edition.pdf_progress) == ("queued", 0)

    # Before the worker ran: the visitor learns the PDF is being prepared, no error.
    waiting = coordinator_client.get(url(network) + "?format=pdf")
    assert waiting.status_code == 200
    assert "The print version is being prepared: it is waiting in the queue." in (
        waiting.content.decode()
    )

    assert run_tasks() == 1
    edition.refresh_from_db()
    assert (edition.pdf_status, edition.pdf_progress) == ("done", 100)
    assert edition.pdf_rendered_at is not None

    response = coordinator_client.get(url(network) + "?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert network.name in text
    titles = ["Morning counselling", "Evening café", "Parents' breakfast", "Spring festival"]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Marktplatz" in text
    # The PDF is in the network's language (German): weeks in the contents, accessibility.
    assert translated("Contents", "de") in text
    with override("de"):
        week_10 = translated(
            "Week %(number)s: %(first)s – %(last)s",
            "de",
            number=10,
            first=date_format(datetime.date(2031, 3, 3)),
            last=date_format(datetime.date(2031, 3, 9)),
        )
    assert text.count(week_10) == 2  # in the contents and as the heading of the week
    assert translated("step-free access", "de") in text


@pytest.mark.django_db
def test_a_published_edition_prints_its_frozen_list(
    network, coordinator, edition, run_tasks, django_capture_on_commit_callbacks
):
    early = event(network, "Printed as published", at("2031-03-05", 18))
    with django_capture_on_commit_callbacks(execute=True):
        editions.edition_publish(network=network, actor=coordinator, edition=edition)
    early.title = "Renamed later"
    early.save()
    event(network, "Added later", at("2031-03-06", 18))

    run_tasks()

    edition.refresh_from_db()
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(edition.pdf.read())).pages
    )
    assert "Printed as published" in text
    assert "Renamed later" not in text and "Added later" not in text


@pytest.mark.django_db
def test_progress_is_shown_while_the_task_runs(client, network, edition):
    Edition.objects.filter(pk=edition.pk).update(pdf_status="running", pdf_progress=40)

    html = client.get(url(network) + "?format=pdf").content.decode()

    assert "The print version is being prepared: 40 % done." in html
    assert 'value="40"' in html


@pytest.mark.django_db
def test_before_any_rendering_the_pdf_link_explains_itself(client, network):
    response = client.get(url(network) + "?format=pdf")
    assert response.status_code == 200
    assert "has not been prepared yet" in response.content.decode()


@pytest.mark.django_db
def test_a_failing_rendering_is_reported_not_left_running(
    network, coordinator_client, edition, run_tasks, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(html, *, on_layout=None):
        raise RuntimeError("pango exploded")

    monkeypatch.setattr(tasks, "html_to_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(render_url(network, edition))
    run_tasks(expect_failed={"edition_pdf_task"})

    edition.refresh_from_db()
    assert edition.pdf_status == "failed"
    assert "pango exploded" in edition.pdf_error
    html = coordinator_client.get(url(network) + "?format=pdf").content.decode()
    assert "Preparing the print version failed." in html


@pytest.mark.django_db
def test_rendering_again_while_queued_is_refused(
    coordinator_client, network, edition, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(render_url(network, edition))
        response = coordinator_client.post(render_url(network, edition), follow=True)

    assert "The PDF is being prepared already." in response.content.decode()
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_the_pdf_carries_the_networks_logo(network, edition, run_tasks):
    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (11, 92, 173)).save(buffer, format="PNG")
    network.logo.save("logo.png", ContentFile(buffer.getvalue()))
    event(network, "Evening café", at("2031-03-03", 18))

    page = editions.edition_page(network=network, period=MARCH, language="de")
    html = tasks.edition_pdf_html(network=network, page=page)
    assert 'class="logo" src="data:image/png;base64,' in html
    pdf = PdfReader(io.BytesIO(tasks.html_to_pdf(html)))
    assert len(pdf.pages[0].images) == 1
