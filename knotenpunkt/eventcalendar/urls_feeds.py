"""Public feeds of a network's calendar, outside /<lang>/<net>/: /feeds/<network>/events.ics|rss."""

app_name = "eventcalendar_feeds"

urlpatterns: list = []
