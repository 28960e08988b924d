from django.apps import AppConfig
from django.utils.translation import gettext_noop


class AccountsConfig(AppConfig):
    name = "knotenpunkt.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from knotenpunkt.core import navigation, periodic
        from knotenpunkt.core.audit import audit_kinds_declare
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            personal_data,  # noqa: F401  (the account in the own-data export)
            rules,  # noqa: F401  (the role source and the network-wide actions)
            tasks,
        )
        from .audit import AccountsAuditKind
        from .models import NetworkRole

        # Roles are memoised per process (core.policy.roles_of).
        memo_invalidated_by(NetworkRole)
        periodic.register(tasks.login_records_prune_task)
        navigation.register_main("team:list", gettext_noop("Team"), order=90, action="roles.manage")
        navigation.register_main(
            "audit:log", gettext_noop("Audit log"), order=110, action="audit.view"
        )
        navigation.register_account(
            "accounts:home", gettext_noop("My account"), order=10, signed_in=True
        )
        navigation.register_account(
            "accounts:logout", gettext_noop("Log out"), order=20, signed_in=True, post=True
        )
        navigation.register_account(
            "accounts:login", gettext_noop("Log in"), order=10, signed_in=False, return_here=True
        )
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(AccountsAuditKind)
