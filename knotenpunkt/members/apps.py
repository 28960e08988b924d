from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "knotenpunkt.members"
    label = "members"
    verbose_name = "Members"

    def ready(self):
        from . import (
            receivers,  # noqa: F401  (starter content for new networks)
            search,  # noqa: F401  (organisations in the network's search)
        )
