from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "dspt.events"
    label = "events"
    verbose_name = "Events"
