from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "dspt.support"
    label = "support"
    verbose_name = "Support programmes"
