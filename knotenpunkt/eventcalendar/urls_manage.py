"""Calendar routes (manage): proposing and changing events, and the coordinator's moderation."""

from django.urls import path

from . import views_manage as views

EVENT = "calendar/events/<id:event_id>/"
MANAGE = "manage/calendar/"

urlpatterns = [
    path("calendar/submit/", views.event_submit, name="submit"),
    path("calendar/mine/", views.my_events, name="mine"),
    path(f"{EVENT}edit/", views.event_edit, name="edit"),
    path(f"{EVENT}cancel/", views.event_cancel, name="cancel"),
    path(f"{EVENT}translations/", views.translation_list, name="translations"),
    path(f"{EVENT}translations/<slug:language>/", views.translation_edit, name="translation_edit"),
    path(MANAGE, views.manage, name="manage"),
    path(f"{MANAGE}<id:event_id>/", views.manage_detail, name="manage_detail"),
    path(f"{MANAGE}<id:event_id>/approve/", views.event_approve, name="approve"),
    path(f"{MANAGE}<id:event_id>/reject/", views.event_reject, name="reject"),
]
