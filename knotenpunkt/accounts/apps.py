from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "knotenpunkt.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import personal_data  # noqa: F401  (the account in the own-data export)
        from .models import NetworkRole

        # Roles are memoised per process (permissions.roles_of).
        memo_invalidated_by(NetworkRole)
