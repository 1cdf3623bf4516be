from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "dspt.ui"
    label = "ui"
    verbose_name = "Look and feel"

    def ready(self):
        from dspt import checks  # noqa: F401  (registers the dspt.W… system checks)
