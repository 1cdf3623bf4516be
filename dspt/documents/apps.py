from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "dspt.documents"
    label = "documents"
    verbose_name = "Documents"
