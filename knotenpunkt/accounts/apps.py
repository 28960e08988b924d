from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "knotenpunkt.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from knotenpunkt.core.memo import memo_invalidated_by

        from .models import NetworkRole

        # Roles are memoised per process (permissions.roles_of).
        memo_invalidated_by(NetworkRole)

        from knotenpunkt.core.audit import audit_kinds_declare

        from .audit import AccountsAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(AccountsAuditKind)
