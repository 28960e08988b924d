"""Knowledge base pages inside a network: the wiki and its documents."""

from django.urls import path, register_converter

from . import views

app_name = "knowledge"


class PagePathConverter:
    """`slug` for a page of the network, `group-slug/slug` for a page of a working group."""

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PagePathConverter, "page_path")

WORKSPACE = "workspace/knowledge/"

urlpatterns = [
    path(WORKSPACE, views.page_list, name="page_list"),
    path(f"{WORKSPACE}new/", views.page_create, name="page_create"),
    path(f"{WORKSPACE}pages/<id:page_id>/edit/", views.page_edit, name="page_edit"),
    path(f"{WORKSPACE}pages/<id:page_id>/history/", views.page_history, name="page_history"),
    path(f"{WORKSPACE}pages/<id:page_id>/changes/", views.page_diff, name="page_diff"),
    path(f"{WORKSPACE}versions/<id:revision_id>/", views.revision_detail, name="revision_detail"),
    path(
        f"{WORKSPACE}versions/<id:revision_id>/restore/",
        views.revision_restore,
        name="revision_restore",
    ),
    path(f"{WORKSPACE}documents/", views.document_list, name="document_list"),
    path(f"{WORKSPACE}documents/upload/", views.document_upload, name="document_upload"),
    path(
        "knowledge/documents/<id:document_id>/download/",
        views.document_download,
        name="document_download",
    ),
    path("knowledge/", views.public_page_list, name="public_pages"),
    path("knowledge/<page_path:page_path>/", views.page_detail, name="page_detail"),
]
