from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "dspt.organisations"
    label = "organisations"
