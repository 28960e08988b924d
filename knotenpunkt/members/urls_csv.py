"""CSV import and export of organisations and people (coordinator pages)."""

from django.urls import path

from . import views_csv

urlpatterns = [
    path("manage/members/import/", views_csv.csv_import, name="csv_import"),
    path(
        "manage/members/import/confirm/",
        views_csv.csv_import_confirm,
        name="csv_import_confirm",
    ),
    path(
        "manage/members/import/jobs/<id:job_id>/",
        views_csv.csv_import_job,
        name="csv_import_job",
    ),
    path(
        "manage/members/export/organisations.csv",
        views_csv.csv_export_organisations,
        name="csv_export_organisations",
    ),
    path(
        "manage/members/export/people.csv",
        views_csv.csv_export_people,
        name="csv_export_people",
    ),
]
