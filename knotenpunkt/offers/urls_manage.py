"""The workspace's offer pages (under manage/offers/)."""

from django.urls import path

from . import views_manage as views
from . import views_places

SERVICE = "<id:service_id>/"

urlpatterns = [
    path("", views.service_list, name="manage"),
    path("new/", views.service_create, name="manage_create"),
    path("periods/", views.periods, name="periods"),
    path(SERVICE, views.service_detail, name="manage_detail"),
    path(f"{SERVICE}edit/", views.service_edit, name="manage_edit"),
    path(f"{SERVICE}delete/", views.service_delete, name="manage_delete"),
    path(f"{SERVICE}confirm/", views.service_confirm, name="manage_confirm"),
    path(f"{SERVICE}opening/", views.opening_add, name="opening_add"),
    path("opening/<id:schedule_id>/delete/", views.opening_delete, name="opening_delete"),
    path("at/<id:service_at_location_id>/remove/", views.place_remove, name="place_remove"),
    path("places/", views_places.location_list, name="places"),
    path("places/new/", views_places.location_create, name="place_create"),
    path("places/<id:location_id>/edit/", views_places.location_edit, name="place_edit"),
    path("places/<id:location_id>/delete/", views_places.location_delete, name="place_delete"),
]
