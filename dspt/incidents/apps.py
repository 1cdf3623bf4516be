from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "dspt.incidents"
    label = "incidents"
    verbose_name = "Incidents"
