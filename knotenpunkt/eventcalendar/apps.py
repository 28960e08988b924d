from django.apps import AppConfig


class EventCalendarConfig(AppConfig):
    name = "knotenpunkt.eventcalendar"
    label = "eventcalendar"
    verbose_name = "Event calendar"
