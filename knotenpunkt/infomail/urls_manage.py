"""The coordinator's pages for the info mail's issues (under manage/mail/)."""

from django.urls import path

from . import views_manage as views

MAILING = "<id:mailing_id>/"

urlpatterns = [
    path("", views.mailing_list, name="mailings"),
    path("new/", views.mailing_create, name="mailing_create"),
    path(MAILING, views.mailing_detail, name="mailing"),
    path(f"{MAILING}edit/", views.mailing_edit, name="mailing_edit"),
    path(f"{MAILING}delete/", views.mailing_delete, name="mailing_delete"),
    path(f"{MAILING}preview/", views.mailing_preview, name="mailing_preview"),
    path(f"{MAILING}test/", views.mailing_test, name="mailing_test"),
    path(f"{MAILING}schedule/", views.mailing_schedule, name="mailing_schedule"),
    path(f"{MAILING}unschedule/", views.mailing_unschedule, name="mailing_unschedule"),
    path(f"{MAILING}send/", views.mailing_send, name="mailing_send"),
    path(f"{MAILING}progress/", views.mailing_progress, name="mailing_progress"),
]
