from django.apps import AppConfig


class WorkingGroupsConfig(AppConfig):
    name = "knotenpunkt.workinggroups"
    label = "workinggroups"
    verbose_name = "Working groups"

    def ready(self):
        from . import (
            rules,  # noqa: F401  (group membership and leads in the policy)
            search,  # noqa: F401  (groups in the network's search)
        )
