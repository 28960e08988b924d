"""Meeting pages inside a network, under workspace/meetings/.

Objects hanging off a meeting (sessions, agenda items, registrations, minutes versions,
action items) are addressed by their own ids, never as meeting + child, so that every
address names exactly one object.
"""

from django.urls import path

from . import views, views_feed, views_records

app_name = "meetings"

M = "workspace/meetings/"

urlpatterns = [
    path(M, views.meeting_list, name="list"),
    path(f"{M}add/", views.meeting_create, name="create"),
    path(f"{M}attendance/", views_records.attendance_overview, name="attendance_overview"),
    path(f"{M}decisions/", views_records.decision_list, name="decisions"),
    path(f"{M}actions/", views_records.action_list, name="actions"),
    path(f"{M}calendar-feed/", views_feed.feed_settings, name="feed"),
    # A meeting
    path(f"{M}<id:meeting_id>/", views.meeting_detail, name="detail"),
    path(f"{M}<id:meeting_id>/edit/", views.meeting_edit, name="edit"),
    path(f"{M}<id:meeting_id>/cancel/", views.meeting_cancel, name="cancel"),
    path(f"{M}<id:meeting_id>/register/", views.meeting_register, name="register"),
    path(f"{M}<id:meeting_id>/agenda/add/", views.agenda_add, name="agenda_add"),
    path(f"{M}<id:meeting_id>/sessions/add/", views.session_create, name="session_create"),
    path(f"{M}<id:meeting_id>/attendance/", views_records.attendance, name="attendance"),
    path(f"{M}<id:meeting_id>/attendance/check-in/", views_records.check_in, name="check_in"),
    path(f"{M}<id:meeting_id>/attendance/check-out/", views_records.check_out, name="check_out"),
    path(f"{M}<id:meeting_id>/minutes/", views_records.minutes, name="minutes"),
    path(f"{M}<id:meeting_id>/decisions/add/", views_records.decision_add, name="decision_add"),
    path(f"{M}<id:meeting_id>/actions/add/", views_records.action_add, name="action_add"),
    # Its parts
    path(f"{M}agenda/<id:agenda_item_id>/edit/", views.agenda_edit, name="agenda_edit"),
    path(f"{M}agenda/<id:agenda_item_id>/delete/", views.agenda_delete, name="agenda_delete"),
    path(f"{M}sessions/<id:session_id>/", views.session_detail, name="session"),
    path(f"{M}sessions/<id:session_id>/edit/", views.session_edit, name="session_edit"),
    path(f"{M}sessions/<id:session_id>/cancel/", views.session_cancel, name="session_cancel"),
    path(
        f"{M}sessions/<id:session_id>/register/",
        views.session_register,
        name="session_register",
    ),
    path(
        f"{M}registrations/<id:registration_id>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(f"{M}minutes/<id:version_id>/", views_records.minutes_version, name="minutes_version"),
    path(
        f"{M}minutes/<id:version_id>/restore/",
        views_records.minutes_restore,
        name="minutes_restore",
    ),
    path(
        f"{M}actions/<id:action_item_id>/done/",
        views_records.action_complete,
        name="action_complete",
    ),
]
