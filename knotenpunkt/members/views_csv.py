"""Coordinator pages of the CSV import (upload → preview → confirm → job) and the CSV export.

The preview is checked in the request, since it is the user's feedback loop; the confirmed import
runs as a task (import_jobs), and its page shows the progress. Between preview and confirm the
upload's token is kept in the session.
"""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRefresh

from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse

from .csv_export import organisations_csv, people_csv
from .csv_import import csv_import_preview
from .forms_csv import COLUMNS, IMPORT_KINDS, ORGANISATIONS, UploadForm
from .import_jobs import (
    import_job_create,
    import_job_for_upload,
    import_job_get,
    upload_delete,
    upload_path,
    upload_save,
)
from .models import ImportJob, OrganisationKind
from .selectors import import_jobs_needing_attention


def _session_key(network) -> str:
    return f"members_csv_import_{network.pk}"


def _pending_pop(request) -> dict | None:
    """The session's unconfirmed upload of this network, removed from the session."""
    pending = request.session.pop(_session_key(request.network), None)
    return pending if isinstance(pending, dict) else None


def _page(request, template, **context):
    kinds = OrganisationKind.objects.filter(network=request.network)
    context.setdefault("column_docs", [(label, COLUMNS[kind]) for kind, label in IMPORT_KINDS])
    return render(request, f"members/csv/{template}", {"kinds": kinds, **context})


@requires("members.import")
def csv_import(request):
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_valid():
        kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
        raw = upload.read()
        try:
            preview = csv_import_preview(network=request.network, kind=kind, raw=raw)
        except ImportRejected as error:
            form.add_error(error.field if error.field in form.fields else "file", error.message)
        else:
            filename = Path(upload.name or "").name[:100]
            context = {
                "preview": preview,
                "filename": filename,
                "kind_label": dict(IMPORT_KINDS)[kind],
            }
            if preview.problems:
                retry = UploadForm(initial={"kind": kind})
                return _page(
                    request, "preview.html", form=retry, problems=preview.problems, **context
                )
            replaced = _pending_pop(request)  # a newer upload replaces an unconfirmed one
            if replaced:
                upload_delete(replaced.get("token", ""))
            token = upload_save(raw)
            request.session[_session_key(request.network)] = {
                "token": token,
                "kind": kind,
                "filename": filename,
            }
            return _page(request, "preview.html", token=token, **context)
    jobs = import_jobs_needing_attention(network=request.network).select_related("actor")
    return _page(request, "import.html", form=form, jobs=jobs)


@requires("members.import")
@require_POST
def csv_import_confirm(request):
    token = request.POST.get("token", "")
    job = import_job_for_upload(network=request.network, token=token)
    if job is not None:  # confirmed already (a second click, the back button)
        return redirect(_job_url(request.network, job))
    back = network_reverse(request.network, "members:csv_import")
    pending = request.session.get(_session_key(request.network))
    if not isinstance(pending, dict) or token != pending.get("token"):
        messages.error(request, _("This preview is no longer valid. Upload the file again."))
        return redirect(back)
    _pending_pop(request)
    if "cancel" in request.POST:
        upload_delete(token)
        messages.info(request, _("The import was cancelled; nothing was imported."))
        return redirect(back)
    if not upload_path(token).exists():  # swept after a day unconfirmed
        messages.error(request, _("This preview is no longer valid. Upload the file again."))
        return redirect(back)
    job = import_job_create(
        network=request.network,
        actor=request.user,
        kind=pending["kind"],
        filename=pending.get("filename", ""),
        token=token,
        language=translation.get_language(),
    )
    return redirect(_job_url(request.network, job))


def _job_url(network, job: ImportJob) -> str:
    return network_reverse(network, "members:csv_import_job", job_id=job.pk)


def _created_text(job: ImportJob) -> str:
    count = job.created_count
    if job.kind == ORGANISATIONS:
        text = ngettext(
            "%(count)s organisation was imported.", "%(count)s organisations were imported.", count
        )
    else:
        text = ngettext("%(count)s person was imported.", "%(count)s people were imported.", count)
    return text % {"count": count}


@requires("members.import")
@require_GET
@never_cache
def csv_import_job(request, job_id):
    """The job's status; htmx polls it while the job waits or runs (without JS the page reloads)."""
    job = import_job_get(network=request.network, job_id=job_id)
    if request.htmx:
        if not job.is_pending:
            return HttpResponseClientRefresh()  # the finished page differs in more than the status
        if request.GET.get("since") == job.status:
            return HttpResponse(status=204)  # nothing new: htmx swaps nothing, nothing is re-read
        return render(request, "members/csv/_job_progress.html", {"job": job})
    list_name = "members:manage_list" if job.kind == ORGANISATIONS else "members:person_list"
    return render(
        request,
        "members/csv/job.html",
        {
            "job": job,
            "created_text": _created_text(job) if job.status == ImportJob.Status.DONE else "",
            "list_url": network_reverse(request.network, list_name),
            "details_days": settings.KNOTENPUNKT_IMPORT_DETAILS_DAYS,
        },
    )


def _csv_response(network, name: str, content: bytes) -> HttpResponse:
    filename = f"{network.slug}-{name}-{timezone.localdate(timezone=network.tz):%Y-%m-%d}.csv"
    return HttpResponse(
        content,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


@requires("members.export")
@never_cache
def csv_export_organisations(request):
    return _csv_response(
        request.network, "organisations", organisations_csv(network=request.network)
    )


@requires("members.export")
@never_cache
def csv_export_people(request):
    return _csv_response(request.network, "people", people_csv(network=request.network))
