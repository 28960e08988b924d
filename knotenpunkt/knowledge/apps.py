from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knotenpunkt.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self):
        from . import (
            rules,  # noqa: F401  (who reads and edits which page)
            search,  # noqa: F401  (pages and documents in the network's search)
        )
