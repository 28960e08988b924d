from django.apps import AppConfig


class WorkingGroupsConfig(AppConfig):
    name = "knotenpunkt.workinggroups"
    label = "workinggroups"
    verbose_name = "Working groups"

    def ready(self):
        from . import (
            personal_data,  # noqa: F401  (group memberships in the own-data export)
            search,  # noqa: F401  (groups in the network's search)
        )
