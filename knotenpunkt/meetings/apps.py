from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "knotenpunkt.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from knotenpunkt.core import periodic

        from . import (
            search,  # noqa: F401  (meetings, minutes and decisions in the search)
            tasks,
        )

        periodic.register(tasks.meeting_reminders_send)
        periodic.register(tasks.action_item_reminders_send)
