from django.apps import AppConfig


class StatusSearchConfig(AppConfig):
    name = "dspt.status_search"
    label = "status_search"
    verbose_name = "Public status search"
