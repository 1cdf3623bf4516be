from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "dspt.resources"
    label = "resources"
    verbose_name = "Support resources"

    def ready(self):
        from dspt.support import presenters

        presenters.add_navigation_item("resources", 70, "Resources", "resources:list")
