"""Calendar routes (public): the list and month views, an event's page and its .ics file."""

from django.urls import path

from . import views_public

urlpatterns: list = [
    path("calendar/", views_public.calendar, name="calendar"),
    path("calendar/events/<id:event_id>/", views_public.event_detail, name="event"),
    path("calendar/events/<id:event_id>/event.ics", views_public.event_ics, name="event_ics"),
]
