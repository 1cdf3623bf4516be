from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "dspt.publication"
    label = "publication"
