from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "dspt.publication"
    label = "publication"

    def ready(self):
        from dspt.organisations import presenters
        from dspt.publication import summary

        presenters.add_home_task("publication", 20, summary.home_task)
