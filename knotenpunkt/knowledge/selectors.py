"""Reads of the knowledge base; every one takes the reader's `Access` and hides the rest.

What a reader may not see is a 404, exactly like what does not exist, so that
nobody learns which pages or documents there are.
"""

from itertools import groupby

from django.db.models import F, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from knotenpunkt.workinggroups.models import WorkingGroup

from .diff import DiffLine, line_diff
from .models import Document, Page, Revision
from .rules import Access


def pages_visible(*, network, access: Access, query: str = "", group=None) -> QuerySet:
    """Pages the reader may see, network pages first, then by group; `query` searches titles."""
    pages = Page.objects.filter(network=network).filter(access.readable())
    query = (query or "").strip()
    if query:
        pages = pages.filter(title__icontains=query)
    if group is not None:
        pages = pages.filter(group=group)
    return pages.select_related("group", "current_revision__author").order_by(
        F("group__name").asc(nulls_first=True), "group_id", "title", "pk"
    )


def public_pages(*, network) -> QuerySet:
    """The pages anyone may read, without login: the public knowledge of the network."""
    return pages_visible(network=network, access=Access())


def sections_by_group(pages) -> list[dict]:
    """`pages_visible` cut into the network's section and one per group, in that order."""
    return [
        {"group": group_pages[0].group, "pages": group_pages}
        for group_pages in (list(items) for _key, items in groupby(pages, lambda p: p.group_id))
    ]


def _readable_or_404(item, access: Access):
    if not access.can_read(item):
        raise Http404("not visible")
    return item


def page_by_path(*, network, access: Access, page_path: str) -> Page:
    """A page by its address: `slug` for the network's pages, `group-slug/slug` for a group's."""
    group_slug, _sep, slug = page_path.rpartition("/")
    pages = Page.objects.filter(network=network, slug=slug).select_related(
        "group", "current_revision__author"
    )
    in_group = {"group__slug": group_slug} if group_slug else {"group__isnull": True}
    return _readable_or_404(get_object_or_404(pages, **in_group), access)


def page_get(*, network, access: Access, page_id) -> Page:
    pages = Page.objects.select_related("group", "current_revision__author")
    return _readable_or_404(get_object_or_404(pages, network=network, pk=page_id), access)


def page_revisions(*, page: Page) -> QuerySet:
    return (
        Revision.objects.filter(network=page.network_id, page=page)
        .select_related("author", "restored_from")
        .order_by("-number")
    )


def revision_get(*, network, access: Access, revision_id) -> Revision:
    revisions = Revision.objects.select_related("page__group", "author", "page__current_revision")
    revision = get_object_or_404(revisions, network=network, pk=revision_id)
    _readable_or_404(revision.page, access)
    return revision


def revisions_compared(
    *, page: Page, old_id: int | None = None, new_id: int | None = None
) -> tuple[Revision, Revision, list[DiffLine], list[DiffLine]]:
    """Two versions of the page (by default the newest and the one before) and their diff."""
    revisions = page_revisions(page=page)
    new = _revision_of(revisions, new_id) or page.current_revision
    if new is None:
        raise Http404("no revision")
    old = _revision_of(revisions, old_id) or revisions.filter(number__lt=new.number).first() or new
    return old, new, line_diff(old.title, new.title), line_diff(old.body, new.body)


def _revision_of(revisions: QuerySet, revision_id: int | None):
    """A revision of this page by id; an id of another page's revision is a 404."""
    if revision_id is None:
        return None
    return get_object_or_404(revisions, pk=revision_id)


def documents_visible(*, network, access: Access, page: Page | None = None, group=None):
    documents = Document.objects.filter(network=network).filter(access.readable())
    if page is not None:
        documents = documents.filter(page=page)
    if group is not None:
        documents = documents.filter(group=group)
    return documents.select_related("group", "page__group", "uploaded_by")


def document_get(*, network, access: Access, document_id) -> Document:
    documents = Document.objects.select_related("group")
    return _readable_or_404(get_object_or_404(documents, network=network, pk=document_id), access)


def groups_for_writing(*, network, access: Access) -> QuerySet:
    """Working groups in which the user may create pages and upload documents."""
    groups = WorkingGroup.objects.filter(network=network).order_by("name")
    return groups if access.edits_all else groups.filter(pk__in=access.group_ids)
