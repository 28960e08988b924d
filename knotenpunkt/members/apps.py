from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "knotenpunkt.members"
    label = "members"
    verbose_name = "Members"

    def ready(self):
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            receivers,  # noqa: F401  (starter content for new networks)
            search,  # noqa: F401  (organisations in the network's search)
        )
        from .models import AgreementVersion, OrganisationKind

        # Memoised for the member list and the directory (selectors.*_memoised).
        memo_invalidated_by(OrganisationKind, AgreementVersion)

        from knotenpunkt.core.audit import audit_kinds_declare

        from .audit import MembersAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(MembersAuditKind)
