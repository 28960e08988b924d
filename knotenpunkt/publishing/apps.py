from django.apps import AppConfig
from django.utils.translation import gettext_noop


class PublishingConfig(AppConfig):
    name = "knotenpunkt.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from knotenpunkt.core import navigation
        from knotenpunkt.core.audit import audit_kinds_declare
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            receivers,  # noqa: F401  (imprint, privacy, accessibility placeholders)
            rules,  # noqa: F401  (who edits the network's settings)
        )
        from .audit import PublishingAuditKind
        from .models import StaticPage, StaticPageTranslation

        # The footer links on every page are memoised (selectors.footer_pages).
        memo_invalidated_by(StaticPage, StaticPageTranslation)
        navigation.register_main(
            "publishing:settings", gettext_noop("Settings"), order=100, action="network.settings"
        )
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(PublishingAuditKind)
