"""Confirmed CSV imports run as a task, never in the request (DESIGN.md §1).

Between preview and confirm the upload waits as a file under VAR_DIR/imports, named by a random
token. Confirming creates one ImportJob for that token and enqueues the task; the task validates
the file again, writes all rows or none, records the outcome on the job and deletes the file.
"""

import re
import secrets
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths

from .csv_import import csv_import_run
from .models import ImportJob
from .tasks import import_job_run_task

TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
# Uploads nobody confirmed or cancelled are swept when the next upload arrives.
STALE_SECONDS = 24 * 60 * 60


def _upload_dir() -> Path:
    return Path(settings.VAR_DIR) / "imports"


def upload_path(token: str) -> Path | None:
    """Where the upload of `token` waits; None for anything that is not one of our tokens."""
    return _upload_dir() / f"{token}.csv" if TOKEN.match(token or "") else None


def upload_save(raw: bytes) -> str:
    """Keep an upload until it is confirmed or cancelled; returns its token."""
    directory = _upload_dir()
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


def upload_read(token: str) -> bytes | None:
    path = upload_path(token)
    return path.read_bytes() if path is not None and path.exists() else None


def upload_delete(token: str) -> None:
    path = upload_path(token)
    if path is not None:
        path.unlink(missing_ok=True)


@transaction.atomic
def import_job_create(
    *, network, actor, kind: str, filename: str, token: str, language: str
) -> ImportJob:
    """Queue the import of a stored upload; confirming the same upload again returns its job."""
    require_actor(actor, network, "members.import")
    check_lengths(ImportJob, {"filename": filename})
    job, created = ImportJob.objects.get_or_create(
        network=network,
        upload_token=token,
        defaults={"kind": kind, "filename": filename, "language": language, "actor": actor},
    )
    if created:
        audit_record(
            network=network,
            actor=actor,
            action="import.confirm",
            target=job,
            summary=_("Import of %(file)s confirmed") % {"file": filename or "CSV"},
        )
        transaction.on_commit(
            lambda: import_job_run_task.enqueue(network_id=network.pk, job_id=job.pk)
        )
    return job


def _error(message, row=None, column="") -> dict:
    return {"row": row, "column": column, "message": str(message)}


def _finish(job: ImportJob, status: str, *, created: int = 0, errors=()) -> None:
    job.status, job.created_count, job.errors = status, created, list(errors)
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "created_count", "errors", "finished_at"])


def import_job_run(*, network_id: int, job_id: int) -> str:
    """Run a queued job and return its status; a job that is not queued any more is left alone,
    so a task delivered twice imports once."""
    with scope(network=network_id):
        claimed = ImportJob.objects.filter(
            network_id=network_id, pk=job_id, status=ImportJob.Status.QUEUED
        ).update(status=ImportJob.Status.RUNNING, started_at=timezone.now())
        job = ImportJob.objects.select_related("network", "actor").get(
            network_id=network_id, pk=job_id
        )
        if not claimed:
            return job.status
        with translation.override(job.language):
            try:
                with transaction.atomic():
                    raw = upload_read(job.upload_token)
                    if raw is None:
                        raise ImportRejected(_("The uploaded file is gone. Upload it again."))
                    created = csv_import_run(
                        network=job.network,
                        actor=job.actor,
                        kind=job.kind,
                        raw=raw,
                        filename=job.filename,
                    )
                    _finish(job, ImportJob.Status.DONE, created=created)
            except ImportRejected as error:
                errors = [_error(p.message, p.row, p.column) for p in error.problems]
                _finish(job, ImportJob.Status.FAILED, errors=errors or [_error(error.message)])
            except Exception:
                # The writes were rolled back; record that, or the page would wait for ever.
                message = _("The import stopped because of an unexpected error. Nothing was saved.")
                _finish(job, ImportJob.Status.FAILED, errors=[_error(message)])
                raise
            finally:
                upload_delete(job.upload_token)
    return job.status


def import_jobs_tidy() -> tuple[int, int]:
    """Periodic: fail the imports a stopped worker left running; forget old error details.

    An import writes all rows in one transaction, so one the worker did not finish wrote
    nothing, and its page must not say "running" for ever. Error lists quote cell values
    (names, e-mail addresses), so they are kept only KNOTENPUNKT_IMPORT_DETAILS_DAYS.
    Returns (interrupted jobs, jobs whose details were removed).
    """
    now = timezone.now()
    timeout = timedelta(minutes=settings.KNOTENPUNKT_WORK_TIMEOUT_MINUTES)
    with scopes_disabled():
        stalled = ImportJob.objects.filter(
            status=ImportJob.Status.RUNNING, started_at__lt=now - timeout
        )
        interrupted = 0
        for job in stalled:
            with translation.override(job.language):
                message = _(
                    "The import was interrupted before it finished. Nothing was saved; "
                    "upload the file again."
                )
            # Only if it is still running: a worker that finished meanwhile has the last word.
            interrupted += ImportJob.objects.filter(
                pk=job.pk, status=ImportJob.Status.RUNNING
            ).update(status=ImportJob.Status.FAILED, errors=[_error(message)], finished_at=now)
            upload_delete(job.upload_token)
        days = settings.KNOTENPUNKT_IMPORT_DETAILS_DAYS
        expired = ImportJob.objects.filter(finished_at__lt=now - timedelta(days=days)).exclude(
            errors=[]
        )
        removed = expired.update(errors=[])
    return interrupted, removed


def import_job_get(*, network, job_id: int) -> ImportJob:
    """The job of this network, or 404 (another network's job id included)."""
    return get_object_or_404(ImportJob.objects.select_related("actor"), network=network, pk=job_id)


def import_job_for_upload(*, network, token: str) -> ImportJob | None:
    """The job a confirm of this upload created already, if any."""
    if not TOKEN.match(token or ""):
        return None
    return ImportJob.objects.filter(network=network, upload_token=token).first()
