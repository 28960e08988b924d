from django.urls import path

from . import views_bounces

urlpatterns = [
    path("", views_bounces.bounces, name="bounces"),
    path(
        "<id:subscriber_id>/reactivate/",
        views_bounces.subscriber_reactivate,
        name="subscriber_reactivate",
    ),
    path("caught/", views_bounces.caught, name="caught"),
]
