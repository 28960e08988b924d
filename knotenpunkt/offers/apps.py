from django.apps import AppConfig
from django.utils.translation import gettext_noop


class OffersConfig(AppConfig):
    name = "knotenpunkt.offers"
    label = "offers"
    verbose_name = "Offers"

    def ready(self):
        from knotenpunkt.core import blocks, navigation, periodic
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            receivers,  # noqa: F401  (the starter taxonomy of a new network)
            rules,  # noqa: F401  (who maintains which offers)
            tasks,
        )
        from .audit import OffersAuditKind

        # Reminders to confirm offers past the network's first period.
        periodic.register(tasks.offer_reminders_send)
        # Member contacts see their organisations' offers, the coordinator all of them.
        navigation.register_main(
            "offers:manage", gettext_noop("Offers"), order=82, action="offers.manage"
        )
        # The offers that wait for a confirmation, on the workspace of those who keep them.
        blocks.register(blocks.WORKSPACE, "offers/_workspace_offers.html", order=42)
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(OffersAuditKind)
