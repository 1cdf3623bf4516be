from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "dspt.history"
    label = "history"
