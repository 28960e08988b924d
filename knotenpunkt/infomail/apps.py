from django.apps import AppConfig
from django.utils.translation import gettext_noop


class InfomailConfig(AppConfig):
    name = "knotenpunkt.infomail"
    label = "infomail"
    verbose_name = "Info mail"

    def ready(self):
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            personal_data,  # noqa: F401  (own-data export)
            rules,  # noqa: F401  (who writes and sends the info mail)
        )
        from .audit import InfomailAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(InfomailAuditKind)
        # Registrations of the parts (keep one marked line per part, so merges stay simple):
        # [subscribers]
        # [sending]
        from knotenpunkt.core import periodic

        from . import tasks

        periodic.register(tasks.mailings_start_and_resume)
        # [mailings]
        from knotenpunkt.core import blocks, navigation

        navigation.register_main(
            "infomail:mailings", gettext_noop("Info mail"), order=85, action="infomail.manage"
        )
        blocks.register(blocks.HOME, "infomail/_home_archive.html", order=50)
        blocks.register(blocks.WORKSPACE, "infomail/_workspace_mailing.html", order=45)
        # [bounces]
