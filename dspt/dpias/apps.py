from django.apps import AppConfig


class DpiasConfig(AppConfig):
    name = "dspt.dpias"
    label = "dpias"
    verbose_name = "DPIAs"
