"""Public feeds of a network's calendar, outside /<lang>/<net>/: /feeds/<network>/events.ics|rss."""

from django.urls import path

from . import views_feeds

app_name = "eventcalendar_feeds"

urlpatterns: list = [
    path("events.ics", views_feeds.events_ics, name="ics"),
    path("events.rss", views_feeds.events_rss, name="rss"),
]
