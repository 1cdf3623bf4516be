from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "dspt.demo"
    label = "demo"
    verbose_name = "Demo data"
