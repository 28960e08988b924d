from django.apps import AppConfig


class EventCalendarConfig(AppConfig):
    name = "knotenpunkt.eventcalendar"
    label = "eventcalendar"
    verbose_name = "Event calendar"

    def ready(self):
        from knotenpunkt.core import periodic

        from . import (
            import_tasks,
            search,  # noqa: F401  (events in the network's search)
            tasks,
        )

        periodic.register(import_tasks.import_sources_due)
        periodic.register(tasks.interrupted_work_fail)
