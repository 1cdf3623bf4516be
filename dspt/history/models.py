"""Who changed what, when: one immutable row per change, written explicitly by the code that changes."""

from django.conf import settings
from django.db import models


class ChangeRecord(models.Model):
    CREATED, UPDATED, DELETED = "created", "updated", "deleted"
    ACTIONS = [(CREATED, "Added"), (UPDATED, "Changed"), (DELETED, "Removed")]

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="change_records", null=True
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_label = models.CharField(max_length=254, help_text="The actor's email when the change was made")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    area = models.CharField(max_length=60, help_text="What kind of thing changed, e.g. 'Organisation profile'")
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=10, choices=ACTIONS)
    changes = models.JSONField(default=dict, help_text="{field label: [old, new]}")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            # One thing's history (a register entry's page): its area and id within the organisation.
            models.Index(fields=["organisation", "area", "object_id"], name="history_one_thing"),
        ]

    def __str__(self):
        return f"{self.actor_label} {self.action} {self.area} {self.object_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Change records are never edited")
        super().save(*args, **kwargs)
