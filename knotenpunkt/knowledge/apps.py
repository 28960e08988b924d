from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knotenpunkt.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self):
        from . import (
            personal_data,  # noqa: F401  (own-data export)
            search,  # noqa: F401  (pages and documents in the network's search)
        )
