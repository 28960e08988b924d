"""iCal sources of member organisations: who may see them, registering one, and the import task.

Registering a source or pressing "import now" only queues the task; fetching and importing never
run in a request. An uploaded file is kept in the default storage under the source's id until the
next upload replaces it. Registering writes an audit entry; each import run writes one more
(with who asked), so "import now" itself leaves none.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled
from django_tasks import task

from knotenpunkt.core.errors import DomainError, ImportRejected
from knotenpunkt.core.policy import can, require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths
from knotenpunkt.members.models import Organisation
from knotenpunkt.members.selectors import organisations_spoken_for

from .audit import CalendarAuditKind
from .fetch import FetchError, fetch_ical
from .ical_import import problem, source_import
from .models import EventSource
from .validation import check_source_origin

PENDING = ("queued", "running")


# Reads ----------------------------------------------------------------------------------------


def source_organisations(*, user, network) -> QuerySet:
    """The organisations whose sources the user manages: all for the coordinator, else their own."""
    if can(user, network, "events.sources_all"):
        return Organisation.objects.filter(network=network).order_by("name", "pk")
    return organisations_spoken_for(user=user, network=network)


def sources_for(*, user, network) -> QuerySet:
    return (
        EventSource.objects.filter(
            network=network, organisation__in=source_organisations(user=user, network=network)
        )
        .select_related("organisation")
        .order_by("organisation__name", "name", "pk")
    )


def source_get(*, user, network, source_id: int) -> EventSource:
    """A source the user manages, or 404 (another network's or organisation's included)."""
    return get_object_or_404(sources_for(user=user, network=network), pk=source_id)


# Writes ---------------------------------------------------------------------------------------


def upload_name(source: EventSource) -> str:
    return f"ical-sources/{source.network_id}/{source.pk}.ics"


def upload_read(source: EventSource) -> bytes | None:
    name = upload_name(source)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def _upload_store(source: EventSource, raw: bytes) -> None:
    name = upload_name(source)
    default_storage.delete(name)
    default_storage.save(name, ContentFile(raw))


def _queue(source: EventSource, *, actor, language: str) -> None:
    source.last_status = "queued"
    source.save(update_fields=["last_status"])
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    transaction.on_commit(
        lambda: import_source.enqueue(source_id=source.pk, actor_id=actor_id, language=language)
    )


@transaction.atomic
def event_source_create(
    *, network, actor, organisation, name: str, url: str = "", upload: bytes | None = None
) -> EventSource:
    """Register an iCal URL or file of an organisation the actor speaks for; queue its import."""
    require_actor(actor, network, "events.sources")
    if not source_organisations(user=actor, network=network).filter(pk=organisation.pk).exists():
        raise DomainError(
            _("You cannot add calendars for this organisation."), field="organisation"
        )
    check_lengths(EventSource, {"name": name})
    url = check_source_origin(url=url, has_upload=upload is not None)
    source = EventSource.objects.create(
        network=network,
        organisation=organisation,
        name=name,
        url=url,
        active=bool(url),
        created_by=actor,
    )
    if upload is not None:
        _upload_store(source, upload)
    audit_record(
        network=network,
        actor=actor,
        action=CalendarAuditKind.EVENT_SOURCE_CREATE,
        target=source,
        context=organisation,
        summary=url or _("uploaded file"),
    )
    _queue(source, actor=actor, language=translation.get_language())
    return source


@transaction.atomic
def event_source_import_request(*, source, actor, upload: bytes | None = None) -> EventSource:
    """Import now (a new file, if given, replaces the stored one); refused while one is waiting."""
    require_actor(actor, source.network, "events.source_manage", source)
    source = EventSource.objects.select_for_update().get(pk=source.pk, network=source.network)
    if source.last_status in PENDING:
        raise DomainError(_("An import of this calendar is already waiting or running."))
    if upload is not None:
        if source.url:
            raise DomainError(_("This calendar is imported from its address."), field="file")
        _upload_store(source, upload)
    elif not source.url and not default_storage.exists(upload_name(source)):
        raise DomainError(_("Upload the calendar file again."), field="file")
    _queue(source, actor=actor, language=translation.get_language())
    return source


# The task -------------------------------------------------------------------------------------


def _failed(source: EventSource, problems: list[dict]) -> None:
    source.last_run_at = timezone.now()
    source.last_status = "failed"
    source.last_report = {"created": 0, "updated": 0, "removed": 0, "problems": problems}
    source.save(update_fields=["last_run_at", "last_status", "last_report"])


def source_import_run(*, source_id: int, actor_id: int | None = None, language: str = "") -> str:
    """Fetch or read the source and import it; the outcome is kept on the source."""
    from django.contrib.auth import get_user_model

    with scopes_disabled():
        source = (
            EventSource.objects.select_related("network", "organisation")
            .filter(pk=source_id)
            .first()
        )
    if source is None:
        return "missing"
    network = source.network
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    with scope(network=network), translation.override(language or network.default_language):
        source.last_status = "running"
        source.last_started_at = timezone.now()
        source.save(update_fields=["last_status", "last_started_at"])
        try:
            raw = fetch_ical(source.url) if source.url else upload_read(source)
            if raw is None:
                raise FetchError(_("The uploaded file is gone. Upload it again."))
            source_import(source=source, raw=raw, actor=actor)
        except FetchError as error:
            _failed(source, [problem(error.message)])
        except ImportRejected as error:
            _failed(source, error.problems or [problem(error.message)])
        except Exception:
            # Nothing was written; say so, or the page would show "running" for ever.
            message = _("The import stopped because of an unexpected error. Nothing was saved.")
            _failed(source, [problem(message)])
            raise
    return source.last_status


def sources_interrupted_fail(*, started_before) -> int:
    """Sources a stopped worker left "running" are marked failed, so they can be imported again.

    An import writes in one transaction: one the worker did not finish saved nothing.
    """
    interrupted = 0
    with scopes_disabled():
        stalled = EventSource.objects.filter(
            last_status="running", last_started_at__lt=started_before
        ).select_related("network")
        for source in stalled:
            with translation.override(source.network.default_language):
                message = _(
                    "The import was interrupted before it finished. Nothing was saved; "
                    "start it again."
                )
            report = {"created": 0, "updated": 0, "removed": 0, "problems": [problem(message)]}
            # Only if it is still running: a worker that finished meanwhile has the last word.
            interrupted += EventSource.objects.filter(pk=source.pk, last_status="running").update(
                last_status="failed", last_run_at=timezone.now(), last_report=report
            )
    return interrupted


@task()
def import_source(source_id: int, actor_id: int | None = None, language: str = "") -> str:
    return source_import_run(source_id=source_id, actor_id=actor_id, language=language)


@task()
def import_sources_due() -> int:
    """Periodic: queue every active URL source that is not waiting or running already.

    A deactivated network's sources wait until it is active again.
    """
    with scopes_disabled():
        sources = list(
            EventSource.objects.filter(active=True, network__is_active=True)
            .exclude(url="")
            .exclude(last_status__in=PENDING)
            .select_related("network")
        )
        for source in sources:
            with transaction.atomic():
                _queue(source, actor=None, language=source.network.default_language)
    return len(sources)
