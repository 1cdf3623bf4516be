"""An upload checked and previewed but not yet imported: the rows as read from the file, waiting for the person who
uploaded them to confirm. Kept a day at most (importing.prepare removes older ones)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.organisations.models import Organisation


class PendingImport(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="register_imports")
    register = models.CharField(max_length=60, help_text="The register's slug")
    file_name = models.CharField(max_length=200)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list, help_text="[[line number in the file, [cell, …]], …], cells as text")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Import of {self.file_name} into {self.register}"
