"""Wiki pages and document titles in the network's search (imported from KnowledgeConfig.ready()).

The entry carries the same visibility as the page or document, so the search shows
each reader only what the knowledge base itself would show them.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import search

from .models import Document, Page, Visibility

VISIBILITY = {
    Visibility.PUBLIC: search.PUBLIC,
    Visibility.NETWORK: search.NETWORK,
    Visibility.GROUP: search.GROUP,
}


def _group_id(item) -> int | None:
    return item.group_id if item.visibility == Visibility.GROUP else None


def page_document(page: Page) -> search.Document:
    revision = page.current_revision
    return search.Document(
        title=page.title,
        body=search.markdown_to_text(revision.body if revision else ""),
        url=search.network_path("knowledge:page_detail", page_path=page.path),
        visibility=VISIBILITY[page.visibility],
        group_id=_group_id(page),
    )


def document_document(document: Document) -> search.Document:
    return search.Document(
        title=document.title,
        body=document.filename,
        url=search.network_path("knowledge:document_download", document_id=document.pk),
        visibility=VISIBILITY[document.visibility],
        group_id=_group_id(document),
    )


search.register(
    Page,
    page_document,
    queryset=lambda network: Page.objects.filter(network=network).select_related(
        "group", "current_revision"
    ),
    label=_("Wiki page"),
)
search.register(Document, document_document, label=_("Document"))
