from django.apps import AppConfig
from django.utils.translation import gettext_noop


class InfomailConfig(AppConfig):
    name = "knotenpunkt.infomail"
    label = "infomail"
    verbose_name = "Info mail"

    def ready(self):
        from knotenpunkt.core import blocks, navigation, periodic
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            personal_data,  # noqa: F401  (own-data export)
            rules,  # noqa: F401  (who writes and sends the info mail)
            tasks,
        )
        from .audit import InfomailAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(InfomailAuditKind)
        # Sending: start scheduled issues when their time comes, resume an interrupted one.
        periodic.register(tasks.mailings_start_and_resume)
        navigation.register_main(
            "infomail:mailings", gettext_noop("Info mail"), order=85, action="infomail.manage"
        )
        # Sign-up and archive on the home page; one's own subscription and the next issue in
        # the workspace.
        blocks.register(
            blocks.HOME,
            "infomail/_home_infomail.html",
            order=50,
            label=gettext_noop("Info-mail sign-up"),
        )
        from knotenpunkt.core import public_pages as core_public_pages

        from .public_pages import archive_pages

        core_public_pages.register(archive_pages)  # sitemap.xml
        blocks.register(blocks.WORKSPACE, "infomail/_workspace_mailing.html", order=45)
        blocks.register(blocks.WORKSPACE, "infomail/subscribers/_workspace_infomail.html", order=70)
