"""An organisation's documents (one per kind: its draft) and the versions it saved of each (never changed)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.organisations.models import Organisation

TITLE_MAX_LENGTH = 200


class Document(models.Model):
    """The draft of one kind of document: its title and sections as the organisation last left them."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=40, help_text="A slug of the kinds registry (documents/kinds.py)")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    sections = models.JSONField(default=list, help_text='[{"key": …, "heading": …, "text": …}, …]')
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"], name="one_document_per_kind")]

    def __str__(self):
        return self.title


class Version(models.Model):
    """A saved version of a document: what it said, who saved it, when, and when it is due for review."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    sections = models.JSONField(default=list)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    saved_by_label = models.CharField(max_length=254)
    saved_at = models.DateTimeField(default=timezone.now)
    review_on = models.DateField()

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_number_per_document_version")]

    def __str__(self):
        return f"{self.title}, version {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Document versions are never changed: save a new version instead")
        super().save(*args, **kwargs)
