"""Coordinator pages of the CSV import (upload → preview → confirm) and the CSV export.

Between preview and confirm the upload waits as a file under VAR_DIR/imports, named by a
random token kept in the session; the confirm step reads it, validates again and deletes it.
"""

import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from knotenpunkt.accounts.decorators import network_permission_required
from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.urls_helpers import network_reverse

from .csv_export import organisations_csv, people_csv
from .csv_import import csv_import_preview, csv_import_run
from .forms_csv import COLUMNS, IMPORT_KINDS, ORGANISATIONS, UploadForm
from .models import OrganisationKind

TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
# Uploads nobody confirmed or cancelled are swept when the next upload arrives.
STALE_SECONDS = 24 * 60 * 60


def _pending_dir() -> Path:
    return Path(settings.VAR_DIR) / "imports"


def _pending_path(token: str) -> Path | None:
    return _pending_dir() / f"{token}.csv" if TOKEN.match(token or "") else None


def _pending_save(raw: bytes) -> str:
    directory = _pending_dir()
    directory.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - STALE_SECONDS
    for old in directory.glob("*.csv"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    token = secrets.token_urlsafe(24)
    path = directory / f"{token}.csv"
    path.write_bytes(raw)
    path.chmod(0o600)
    return token


def _pending_take(request) -> tuple[dict | None, bytes | None]:
    """The session's pending import of this network and its file; both are removed."""
    pending = request.session.pop(_session_key(request.network), None)
    path = _pending_path(pending.get("token", "")) if isinstance(pending, dict) else None
    if path is None:
        return None, None
    raw = path.read_bytes() if path.exists() else None
    path.unlink(missing_ok=True)
    return pending, raw


def _session_key(network) -> str:
    return f"members_csv_import_{network.pk}"


def _page(request, template, **context):
    kinds = OrganisationKind.objects.filter(network=request.network)
    context.setdefault("column_docs", [(label, COLUMNS[kind]) for kind, label in IMPORT_KINDS])
    return render(request, f"members/csv/{template}", {"kinds": kinds, **context})


@network_permission_required("members.import")
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
            _pending_take(request)  # a newer upload replaces an unconfirmed one
            token = _pending_save(raw)
            request.session[_session_key(request.network)] = {
                "token": token,
                "kind": kind,
                "filename": filename,
            }
            return _page(request, "preview.html", token=token, **context)
    return _page(request, "import.html", form=form)


@network_permission_required("members.import")
@require_POST
def csv_import_confirm(request):
    back = network_reverse(request.network, "members:csv_import")
    pending = request.session.get(_session_key(request.network))
    if not isinstance(pending, dict) or request.POST.get("token") != pending.get("token"):
        messages.error(request, _("This preview is no longer valid. Upload the file again."))
        return redirect(back)
    pending, raw = _pending_take(request)
    if "cancel" in request.POST:
        messages.info(request, _("The import was cancelled; nothing was imported."))
        return redirect(back)
    if raw is None:
        messages.error(request, _("This preview is no longer valid. Upload the file again."))
        return redirect(back)
    kind, filename = pending["kind"], pending.get("filename", "")
    try:
        count = csv_import_run(
            network=request.network, actor=request.user, kind=kind, raw=raw, filename=filename
        )
    except ImportRejected as error:
        return _page(
            request,
            "preview.html",
            form=UploadForm(initial={"kind": kind}),
            problems=error.problems,
            rejection=error.message,
            filename=filename,
            kind_label=dict(IMPORT_KINDS).get(kind, ""),
        )
    if kind == ORGANISATIONS:
        done = ngettext(
            "%(count)s organisation was imported.", "%(count)s organisations were imported.", count
        )
    else:
        done = ngettext("%(count)s person was imported.", "%(count)s people were imported.", count)
    messages.success(request, done % {"count": count})
    return redirect(network_reverse(request.network, "members:manage_list"))


def _csv_response(network, name: str, content: bytes) -> HttpResponse:
    filename = f"{network.slug}-{name}-{timezone.localdate(timezone=network.tz):%Y-%m-%d}.csv"
    return HttpResponse(
        content,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


@network_permission_required("members.export")
@never_cache
def csv_export_organisations(request):
    return _csv_response(
        request.network, "organisations", organisations_csv(network=request.network)
    )


@network_permission_required("members.export")
@never_cache
def csv_export_people(request):
    return _csv_response(request.network, "people", people_csv(network=request.network))
