"""Background work of the calendar: the edition's PDF (rendered by the worker, never in a request).

The task writes its progress to the edition (queued → running n % → done / failed) so that the
edition page can show it. WeasyPrint may only read `data:` URLs: rendering never reaches the
network or the file system, whatever an event's text contains.
"""

from django_tasks import task


def _progress(edition, **values) -> None:
    """Written at once (not in the task's transaction), so the page sees it while rendering."""
    type(edition).objects.filter(pk=edition.pk).update(**values)


def edition_pdf_html(*, network, page) -> str:
    """The printable HTML of an edition page (also what the benchmark gives to WeasyPrint)."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    context = {
        "network": network,
        "page": page,
        "logo": network.logo_data_uri(),
        "rendered_at": timezone.now(),
    }
    return render_to_string("eventcalendar/editions/pdf.html", context)


def html_to_pdf(html: str, *, on_layout=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango takes a moment
    from weasyprint.urls import URLFetcher

    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).render()
    if on_layout is not None:
        on_layout()
    return document.write_pdf()


def edition_pdf_render(*, network_id: int, edition_id: int) -> str:
    """Render and store the edition's PDF in the network's default language; returns the status."""
    from django.core.files.base import ContentFile
    from django.utils import timezone, translation
    from django_scopes import scope

    from knotenpunkt.core.models import Network

    from .editions import edition_page, period_of
    from .models import Edition

    network = Network.objects.get(pk=network_id)
    language = network.default_language
    with scope(network=network), translation.override(language), timezone.override(network.tz):
        edition = Edition.objects.filter(network=network, pk=edition_id).first()
        if edition is None:
            return "missing"
        _progress(
            edition,
            pdf_status="running",
            pdf_progress=10,
            pdf_error="",
            pdf_started_at=timezone.now(),
        )
        try:
            page = edition_page(
                network=network, period=period_of(edition), language=language, with_changes=False
            )
            _progress(edition, pdf_progress=40)
            html = edition_pdf_html(network=network, page=page)
            pdf = html_to_pdf(html, on_layout=lambda: _progress(edition, pdf_progress=80))
        except Exception as error:
            # Whatever broke, the page must stop saying "running"; the worker records the trace.
            _progress(edition, pdf_status="failed", pdf_error=str(error)[:2000])
            raise
        old_name = edition.pdf.name
        name = f"{network.slug}-{period_of(edition).slug}.pdf"
        edition.pdf.save(name, ContentFile(pdf), save=False)
        _progress(
            edition,
            pdf=edition.pdf.name,
            pdf_status="done",
            pdf_progress=100,
            pdf_rendered_at=timezone.now(),
        )
        if old_name and old_name != edition.pdf.name:
            edition.pdf.storage.delete(old_name)
    return "done"


@task()
def edition_pdf_task(*, network_id: int, edition_id: int) -> str:
    return edition_pdf_render(network_id=network_id, edition_id=edition_id)


def editions_interrupted_fail(*, started_before) -> int:
    """PDFs a stopped worker left "running" are marked failed, so they can be prepared again."""
    from django_scopes import scopes_disabled

    from .models import Edition

    with scopes_disabled():
        # pdf_error is for the operator (the page says "failed" in the visitor's language).
        return Edition.objects.filter(
            pdf_status="running", pdf_started_at__lt=started_before
        ).update(pdf_status="failed", pdf_error="interrupted: the worker stopped while rendering")


@task()
def interrupted_work_fail() -> int:
    """Periodic: iCal imports and edition PDFs still "running" after
    KNOTENPUNKT_WORK_TIMEOUT_MINUTES were interrupted (a stopped worker); mark them failed."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .import_tasks import sources_interrupted_fail

    started_before = timezone.now() - timedelta(minutes=settings.KNOTENPUNKT_WORK_TIMEOUT_MINUTES)
    return sources_interrupted_fail(started_before=started_before) + editions_interrupted_fail(
        started_before=started_before
    )
