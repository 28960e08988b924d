from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "knotenpunkt.accounts"
    label = "accounts"
    verbose_name = "Accounts"
