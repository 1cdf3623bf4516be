from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dspt.accounts"
    label = "accounts"
