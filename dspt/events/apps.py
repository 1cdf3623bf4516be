from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "dspt.events"
    label = "events"
    verbose_name = "Events"

    def ready(self):
        from dspt.support import presenters

        presenters.add_navigation_item("events", 20, "Events", "events:staff_list")
