from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "knotenpunkt.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import rules  # noqa: F401  (the role source and the network-wide actions)
        from .models import NetworkRole

        # Roles are memoised per process (core.policy.roles_of).
        memo_invalidated_by(NetworkRole)
