from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "knotenpunkt.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from . import (
            personal_data,  # noqa: F401  (own-data export)
            search,  # noqa: F401  (meetings, minutes and decisions in the search)
        )
