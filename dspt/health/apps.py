from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "dspt.health"
    label = "health"
    verbose_name = "Health check"
