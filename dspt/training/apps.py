from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "dspt.training"
    label = "training"
    verbose_name = "Staff training"
