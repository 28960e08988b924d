from django.apps import AppConfig


class EventCalendarConfig(AppConfig):
    name = "knotenpunkt.eventcalendar"
    label = "eventcalendar"
    verbose_name = "Event calendar"

    def ready(self):
        from . import (
            rules,  # noqa: F401  (who writes and moderates events)
            search,  # noqa: F401  (events in the network's search)
        )
