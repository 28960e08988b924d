"""Writes of the knowledge base: pages and their revisions, and documents.

Who may write is decided by the policy (knowledge.rules); these functions keep
the rules of the data: every save is a new revision, nothing is half-stored.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.formatting import format_local_datetime
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths, check_required

from .models import Document, Page, Revision, Visibility
from .uploads import checked_upload


def _check_visibility(visibility: str, group) -> None:
    if visibility not in Visibility.values:
        raise DomainError(_("Choose who may see this."), field="visibility")
    if visibility == Visibility.GROUP and group is None:
        raise DomainError(
            _("Only pages and documents of a working group can be group-internal."),
            field="visibility",
        )


def _check_group(network, group) -> None:
    if group is not None and group.network_id != network.pk:
        raise DomainError(_("Choose a working group of this network."), field="group")


def _free_slug(network, group, wanted: str) -> str:
    """The wanted short name, or the title's, with a number added if the name is taken."""
    base = slugify(wanted)[:70] or "page"
    taken = set(
        Page.objects.filter(network=network, group=group, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _add_revision(page: Page, *, actor, title: str, body: str, comment: str, restored_from=None):
    last = page.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = Revision.objects.create(
        network=page.network,
        page=page,
        number=last + 1,
        title=title,
        body=body,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        comment=comment,
        restored_from=restored_from,
    )
    page.current_revision = revision
    page.title = title
    return revision


@transaction.atomic
def page_create(
    *,
    network,
    actor,
    title: str,
    body: str = "",
    visibility: str = Visibility.NETWORK,
    group=None,
    slug: str = "",
    comment: str = "",
) -> Page:
    """A new page with its first revision; the short name is made from the title if not given."""
    require_actor(actor, network, "knowledge.write_in", group)
    title = check_required(title, field="title")
    _check_group(network, group)
    _check_visibility(visibility, group)
    slug = (slug or "").strip()
    check_lengths(Page, {"title": title, "slug": slug})
    check_lengths(Revision, {"comment": comment.strip()})
    if slug and slugify(slug) != slug:
        raise DomainError(_("Use only lower-case letters, digits and hyphens (-)."), field="slug")
    if slug and Page.objects.filter(network=network, group=group, slug=slug).exists():
        raise DomainError(_("Another page has this short name already."), field="slug")
    page = Page.objects.create(
        network=network,
        group=group,
        slug=slug or _free_slug(network, group, title),
        title=title,
        visibility=visibility,
    )
    _add_revision(page, actor=actor, title=title, body=body or "", comment=comment.strip())
    page.save(update_fields=["current_revision", "title"])
    audit_record(network=network, actor=actor, action="page.create", target=page, context=group)
    return page


@transaction.atomic
def page_update(
    *,
    page: Page,
    actor,
    title: str,
    body: str,
    visibility: str,
    comment: str = "",
    base_revision: Revision | None = None,
) -> Revision:
    """Save a new version. `base_revision` is the version the editor started from.

    If someone else saved meanwhile, the save is refused rather than silently
    overwriting their text.
    """
    require_actor(actor, page.network, "knowledge.edit", page)
    page = (
        Page.objects.select_for_update(of=("self",))
        .select_related("current_revision")
        .get(pk=page.pk)
    )
    current = page.current_revision
    if base_revision is not None and current is not None and base_revision.pk != current.pk:
        raise DomainError(
            _(
                "Someone else saved this page while you were editing it. Open the history "
                "to see their change, then edit the newest version."
            )
        )
    title = check_required(title, field="title")
    check_lengths(Page, {"title": title})
    check_lengths(Revision, {"comment": comment.strip()})
    body = body or ""
    _check_visibility(visibility, page.group)
    unchanged = (
        current is not None
        and (current.title, current.body) == (title, body)
        and page.visibility == visibility
    )
    if unchanged:
        raise DomainError(_("Nothing was changed, so no new version was saved."))
    # The text itself is kept by the versions; the trail shows what the page list shows.
    changes = field_changes(page, {"title": title, "visibility": visibility})
    revision = _add_revision(page, actor=actor, title=title, body=body, comment=comment.strip())
    page.visibility = visibility
    page.save(update_fields=["current_revision", "title", "visibility", "updated_at"])
    audit_record(
        network=page.network,
        actor=actor,
        action="page.update",
        target=page,
        context=page.group,
        summary=f"v{revision.number}",
        changes=changes,
    )
    return revision


@transaction.atomic
def page_restore(*, revision: Revision, actor) -> Revision:
    """Save an old version's title and text again as the newest version (history stays)."""
    require_actor(actor, revision.network, "knowledge.edit", revision.page)
    page = (
        Page.objects.select_for_update(of=("self",))
        .select_related("current_revision")
        .get(pk=revision.page_id)
    )
    current = page.current_revision
    if current is not None and (current.title, current.body) == (revision.title, revision.body):
        raise DomainError(_("This version is the same as the current one."))
    saved_at = format_local_datetime(revision.created_at)
    new = _add_revision(
        page,
        actor=actor,
        title=revision.title,
        body=revision.body,
        comment=_("Restored version %(number)s of %(date)s")
        % {"number": revision.number, "date": saved_at},
        restored_from=revision,
    )
    page.save(update_fields=["current_revision", "title", "updated_at"])
    audit_record(
        network=page.network,
        actor=actor,
        action="page.restore",
        target=page,
        context=page.group,
        summary=f"v{revision.number} → v{new.number}",
    )
    return new


@transaction.atomic
def document_upload(
    *,
    network,
    actor,
    upload,
    title: str = "",
    visibility: str = Visibility.NETWORK,
    group=None,
    page: Page | None = None,
) -> Document:
    """Store an uploaded file after checking its type, content and size.

    A refused file leaves nothing behind: the checks run before anything is
    written, and a failure after the file was written removes it again.
    """
    if page is not None:
        require_actor(actor, network, "knowledge.edit", page)
    else:
        require_actor(actor, network, "knowledge.write_in", group)
    if page is not None:
        if page.network_id != network.pk:
            raise DomainError(_("Choose a page of this network."), field="page")
        group = page.group
    _check_group(network, group)
    _check_visibility(visibility, group)
    filename, kind = checked_upload(upload)
    title = (title or "").strip() or filename.rsplit(".", 1)[0]
    document = Document(
        network=network,
        group=group,
        page=page,
        title=title[:200],
        filename=filename,
        content_type=kind.content_type,
        size=upload.size,
        visibility=visibility,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save(filename, upload, save=False)
    try:
        with transaction.atomic():
            document.save()
            audit_record(
                network=network,
                actor=actor,
                action="document.upload",
                target=document,
                context=page or group,
                summary=f"{filename} ({upload.size} B)",
            )
    except Exception:
        document.file.delete(save=False)
        raise
    return document
