from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cosmediclist.accounts"
    label = "accounts"
    verbose_name = "Accounts"
