from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "knotenpunkt.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from . import (
            rules,  # noqa: F401  (who runs which meeting)
            search,  # noqa: F401  (meetings, minutes and decisions in the search)
        )
