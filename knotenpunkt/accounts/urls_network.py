"""Account pages inside a network (roles and invitations): /<lang>/<network>/manage/team/…"""

from django.urls import path

from . import views_team

app_name = "team"

urlpatterns = [
    path("manage/team/", views_team.team, name="list"),
    path(
        "manage/team/roles/<id:network_role_id>/remove/",
        views_team.role_remove,
        name="role_remove",
    ),
    path(
        "manage/team/invitations/<id:invitation_id>/cancel/",
        views_team.invitation_withdraw,
        name="invitation_cancel",
    ),
]
