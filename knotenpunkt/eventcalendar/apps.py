from django.apps import AppConfig


class EventCalendarConfig(AppConfig):
    name = "knotenpunkt.eventcalendar"
    label = "eventcalendar"
    verbose_name = "Event calendar"

    def ready(self):
        from . import (
            personal_data,  # noqa: F401  (submitted events in the own-data export)
            search,  # noqa: F401  (events in the network's search)
        )
