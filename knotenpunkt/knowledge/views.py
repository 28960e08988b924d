"""Pages of the knowledge base: the wiki (read, write, history, diff, restore) and documents.

A page's address is public (`knowledge/<path>/`) so that public pages need no
login; everything else is in the workspace. What a reader may not see is a 404.
"""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.params import query_id_or_404, query_text
from knotenpunkt.core.policy import public, require, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, paginate

from . import services
from .forms import DocumentUploadForm, PageCreateForm, PageEditForm
from .rules import access_for
from .selectors import (
    document_get,
    documents_visible,
    groups_for_writing,
    page_by_path,
    page_get,
    page_revisions,
    pages_visible,
    public_pages,
    revision_get,
    revisions_compared,
    sections_by_group,
)

DOCUMENTS_PER_PAGE = 50


def _access(request):
    if not hasattr(request, "knowledge_access"):
        request.knowledge_access = access_for(user=request.user, network=request.network)
    return request.knowledge_access


def _page_url(network, page) -> str:
    return network_reverse(network, "knowledge:page_detail", page_path=page.path)


def _page(request, page_id):
    """A page the user may read (a 404 otherwise, as if it did not exist)."""
    return page_get(network=request.network, access=_access(request), page_id=page_id)


def _revision(request, revision_id):
    return revision_get(network=request.network, access=_access(request), revision_id=revision_id)


def _editable_page(request, page_id):
    page = _page(request, page_id)
    require(request.user, request.network, "knowledge.edit", page)
    return page


# Reading ---------------------------------------------------------------------------------


@public
@require_GET
def page_detail(request, page_path):
    access = _access(request)
    page = page_by_path(network=request.network, access=access, page_path=page_path)
    context = {
        "page": page,
        "revision": page.current_revision,
        "documents": documents_visible(network=request.network, access=access, page=page),
        "may_edit": access.can_edit(page),
        "in_workspace": request.user.is_authenticated,
    }
    return render(request, "knowledge/page_detail.html", context)


@public
@require_GET
def public_page_list(request):
    """`…/knowledge/`: the pages anyone may read, for visitors who come from the home page."""
    pages = public_pages(network=request.network)
    return render(request, "knowledge/public_list.html", {"sections": sections_by_group(pages)})


@requires("knowledge.view")
@require_GET
def page_list(request):
    access = _access(request)
    query = query_text(request, "q")
    pages = pages_visible(network=request.network, access=access, query=query)
    context = {
        "sections": sections_by_group(pages),
        "query": query,
        "may_create": access.can_create,
    }
    return render(request, "knowledge/page_list.html", context)


@requires("knowledge.view")
@require_GET
def page_history(request, page_id):
    page = _page(request, page_id)
    context = {
        "page": page,
        "revisions": page_revisions(page=page),
        "may_edit": _access(request).can_edit(page),
    }
    return render(request, "knowledge/page_history.html", context)


@requires("knowledge.view")
@require_GET
def page_diff(request, page_id):
    page = _page(request, page_id)
    old, new, title_rows, body_rows = revisions_compared(
        page=page, old_id=query_id_or_404(request, "from"), new_id=query_id_or_404(request, "to")
    )
    context = {
        "page": page,
        "old": old,
        "new": new,
        "title_rows": title_rows,
        "body_rows": body_rows,
    }
    return render(request, "knowledge/page_diff.html", context)


@requires("knowledge.view")
@require_GET
def revision_detail(request, revision_id):
    access = _access(request)
    revision = _revision(request, revision_id)
    context = {
        "page": revision.page,
        "revision": revision,
        "is_current": revision.pk == revision.page.current_revision_id,
        "may_edit": access.can_edit(revision.page),
    }
    return render(request, "knowledge/revision_detail.html", context)


# Writing ---------------------------------------------------------------------------------


@requires("knowledge.edit")
def page_create(request):
    network, access = request.network, _access(request)
    groups = groups_for_writing(network=network, access=access)
    form = PageCreateForm(
        request.POST or None,
        groups=groups,
        network_allowed=access.edits_all,
        initial={"group": request.GET.get("group") or None},
    )
    if request.method == "POST" and form.is_valid():
        page = attempt(
            form,
            lambda: services.page_create(network=network, actor=request.user, **form.cleaned_data),
        )
        if page:
            message = _("The page “%(title)s” was created.") % {"title": page}
            return done(request, message, _page_url(network, page))
    context = {
        "form": form,
        "title": _("New page"),
        "back_url": network_reverse(network, "knowledge:page_list"),
    }
    return render(request, "knowledge/page_form.html", context)


@requires("knowledge.edit", obj=_page)
def page_edit(request, page_id, obj):
    network, page = request.network, obj
    current = page.current_revision
    initial = {
        "base_revision": current.pk if current else None,
        "title": page.title,
        "body": current.body if current else "",
        "visibility": page.visibility,
    }
    form = PageEditForm(request.POST or None, page=page, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        base_id = data.pop("base_revision")
        base = page.revisions.filter(pk=base_id).first() if base_id else None
        revision = attempt(
            form,
            lambda: services.page_update(page=page, actor=request.user, base_revision=base, **data),
        )
        if revision:
            message = _("Version %(number)s was saved.") % {"number": revision.number}
            return done(request, message, _page_url(network, page))
    context = {
        "form": form,
        "page": page,
        "title": _("Edit “%(title)s”") % {"title": page.title},
        "back_url": _page_url(network, page),
    }
    return render(request, "knowledge/page_form.html", context)


def _revision_page(request, revision_id):
    """The page of the version (the policy asks about pages); the view reloads the version."""
    return _revision(request, revision_id).page


@requires("knowledge.edit", obj=_revision_page)
def revision_restore(request, revision_id, obj):
    """GET asks for confirmation; only the POST restores."""
    revision = _revision(request, revision_id)
    error = None
    if request.method == "POST":
        try:
            new = services.page_restore(revision=revision, actor=request.user)
        except DomainError as domain_error:
            error = domain_error.message
        else:
            message = _("Version %(old)s was restored as version %(new)s.") % {
                "old": revision.number,
                "new": new.number,
            }
            return done(request, message, _page_url(request.network, revision.page))
    context = {"page": revision.page, "revision": revision, "error": error}
    return render(request, "knowledge/revision_restore.html", context)


# Documents -------------------------------------------------------------------------------


@requires("knowledge.view")
@require_GET
def document_list(request):
    access = _access(request)
    documents = documents_visible(network=request.network, access=access)
    page = paginate(request, documents, per_page=DOCUMENTS_PER_PAGE)
    context = {"page": page, "may_upload": access.can_create}
    return render(request, "knowledge/document_list.html", context)


@requires("knowledge.edit")
def document_upload(request):
    """Upload to the documents, or with `?page=<id>` attach the file to that page."""
    network, access = request.network, _access(request)
    page = None
    page_id = query_id_or_404(request, "page")
    if page_id is not None:
        page = _editable_page(request, page_id)
    form = DocumentUploadForm(
        request.POST or None,
        request.FILES or None,
        groups=groups_for_writing(network=network, access=access),
        network_allowed=access.edits_all,
        page=page,
        initial={"visibility": page.visibility if page else None},
    )
    back_url = (
        _page_url(network, page) if page else network_reverse(network, "knowledge:document_list")
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        document = attempt(
            form,
            lambda: services.document_upload(
                network=network,
                actor=request.user,
                upload=data.pop("file"),
                page=page,
                **data,
            ),
        )
        if document:
            message = _("“%(title)s” was uploaded.") % {"title": document}
            return done(request, message, back_url)
    context = {"form": form, "page": page, "back_url": back_url}
    return render(request, "knowledge/document_upload.html", context)


@public
@require_GET
def document_download(request, document_id):
    """The only way to a stored file: as a download, and only for those who may see it."""
    document = document_get(
        network=request.network, access=_access(request), document_id=document_id
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("file missing") from None
    response = FileResponse(
        handle, as_attachment=True, filename=document.filename, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
