from django.apps import AppConfig


class InfomailConfig(AppConfig):
    name = "knotenpunkt.infomail"
    label = "infomail"
    verbose_name = "Info mail"

    def ready(self):
        from . import (
            personal_data,  # noqa: F401  (own-data export)
            rules,  # noqa: F401  (who writes and sends the info mail)
        )
