from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "dspt.advice"
    label = "advice"
    verbose_name = "Advice"
