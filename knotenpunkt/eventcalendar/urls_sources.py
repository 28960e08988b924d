"""Calendar routes (sources): member organisations' iCal addresses and files."""

from django.urls import path

from . import views_sources

urlpatterns = [
    path("calendar/sources/", views_sources.source_list, name="source_list"),
    path("calendar/sources/add/", views_sources.source_add, name="source_add"),
    path(
        "calendar/sources/<id:source_id>/",
        views_sources.source_detail,
        name="source_detail",
    ),
    path(
        "calendar/sources/<id:source_id>/import/",
        views_sources.source_import,
        name="source_import",
    ),
]
