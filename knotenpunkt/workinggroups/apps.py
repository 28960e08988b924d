from django.apps import AppConfig


class WorkingGroupsConfig(AppConfig):
    name = "knotenpunkt.workinggroups"
    label = "workinggroups"
    verbose_name = "Working groups"
