from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "dspt.ui"
    label = "ui"
    verbose_name = "Look and feel"
