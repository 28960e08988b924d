from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "knotenpunkt.meetings"
    label = "meetings"
    verbose_name = "Meetings"
