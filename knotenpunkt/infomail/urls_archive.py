"""The public archive of sent info mails (under mail/archive/)."""

from django.urls import path

from . import views_archive

urlpatterns = [
    path("", views_archive.archive, name="archive"),
    path("<id:mailing_id>/", views_archive.archive_issue, name="archive_issue"),
]
