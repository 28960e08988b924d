"""What the knowledge base holds about a user, and where names are written in it.

Imported from KnowledgeConfig.ready(); see core/personal_data.py.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import personal_data

from .models import Document, Page, Revision


def revisions_written(user) -> list[dict]:
    rows = Revision.objects.filter(author=user).select_related("network", "page")
    return [
        {
            "network": row.network.slug,
            "page": row.page_id,
            "title": row.title,
            "body": row.body,
            "comment": row.comment,
            "created_at": row.created_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def documents_uploaded(user) -> list[dict]:
    """The documents' descriptions; the files themselves are the network's, shared on its pages."""
    rows = Document.objects.filter(uploaded_by=user).select_related("network")
    return [
        {
            "network": row.network.slug,
            "title": row.title,
            "filename": row.filename,
            "content_type": row.content_type,
            "uploaded_at": row.uploaded_at,
        }
        for row in rows.order_by("uploaded_at", "pk")
    ]


def pages_mentioning(network, needles):
    """One entry per page; its history keeps the name in older versions after an edit."""
    rows = Revision.objects.filter(network=network).filter(
        personal_data.text_contains_any(("title", "body", "comment"), needles)
    )
    pages = Page.objects.filter(network=network, revisions__in=rows).distinct()
    for page in pages.order_by("title", "pk"):
        yield page.title, personal_data.network_path("knowledge:page_history", page_id=page.pk)


def documents_mentioning(network, needles):
    rows = Document.objects.filter(network=network).filter(
        personal_data.text_contains_any(("title", "filename"), needles)
    )
    for document in rows.order_by("title", "pk"):
        yield document.title, personal_data.network_path("knowledge:document_list")


personal_data.register("wiki_versions", revisions_written, covers=["knowledge.Revision.author"])
personal_data.register(
    "documents_uploaded", documents_uploaded, covers=["knowledge.Document.uploaded_by"]
)
personal_data.register_mentions("knowledge.page", _("Wiki page"), pages_mentioning)
personal_data.register_mentions("knowledge.document", _("Document"), documents_mentioning)
