"""Working-group pages inside a network, under workspace/groups/.

Members and goals are addressed by their own ids (not under the group's short name),
like contact positions in the members app; services.RESERVED_SLUGS keeps group short
names clear of the fixed pages here.
"""

from django.urls import path

from . import views

app_name = "workinggroups"

GROUPS = "workspace/groups/"

urlpatterns = [
    path(GROUPS, views.group_list, name="list"),
    path(f"{GROUPS}add/", views.group_create, name="create"),
    path(f"{GROUPS}cadence/", views.cadence_page, name="cadence"),
    path(
        f"{GROUPS}members/<id:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(f"{GROUPS}members/<id:membership_id>/lead/", views.lead_set, name="lead_set"),
    path(f"{GROUPS}members/<id:membership_id>/unlead/", views.lead_unset, name="lead_unset"),
    path(f"{GROUPS}goals/<id:goal_id>/edit/", views.goal_edit, name="goal_edit"),
    path(f"{GROUPS}goals/<id:goal_id>/status/", views.goal_status, name="goal_status"),
    path(f"{GROUPS}<slug:group_slug>/", views.group_detail_page, name="detail"),
    path(f"{GROUPS}<slug:group_slug>/edit/", views.group_edit, name="edit"),
    path(f"{GROUPS}<slug:group_slug>/members/add/", views.member_add, name="member_add"),
    path(f"{GROUPS}<slug:group_slug>/goals/add/", views.goal_create, name="goal_create"),
]
