"""Member pages inside a network: public directory, workspace and coordinator management."""

from django.urls import path

from . import urls_csv, views

app_name = "members"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("workspace/", views.workspace, name="workspace"),
    path("manage/members/", views.manage_list, name="manage_list"),
    *urls_csv.urlpatterns,
]
