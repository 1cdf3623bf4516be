"""What a support organisation publishes for the providers it helps: templates, guides, recordings, slides."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.support.models import SupportOrganisation


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Resource(models.Model):
    """A link (https only) or an uploaded file (kept outside the web root, as evidence is) that a support
    organisation offers, with the areas it serves. Only published resources show on its public page."""

    TEMPLATE, GUIDE, RECORDING, SLIDES, PHISHING = "template", "guide", "recording", "slides", "phishing"
    KINDS = [
        (TEMPLATE, "Template"),
        (GUIDE, "Guide"),
        (RECORDING, "Recording of a past webinar"),
        (SLIDES, "Slides"),
        (PHISHING, "Phishing awareness material"),
    ]

    support_organisation = models.ForeignKey(SupportOrganisation, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=200)
    description = models.CharField("short description", max_length=500, blank=True)
    kind = models.CharField("type of resource", max_length=20, choices=KINDS)
    link = models.URLField("link", max_length=500, blank=True)
    areas = models.CharField(
        "areas it serves", max_length=500, blank=True, help_text="Comma separated; blank means every area"
    )
    published = models.BooleanField("shown on the public page", default=True)
    # The uploaded file, when there is one (the link is then blank).
    stored_name = models.CharField(max_length=100, blank=True, help_text="Path under PRIVATE_FILES_ROOT")
    file_name = models.CharField("file", max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    file_kind = models.CharField(max_length=40, blank=True, help_text="What the content turned out to be")
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title", "pk"]
        indexes = [models.Index(fields=["support_organisation", "published"], name="resources_by_publisher")]

    def __str__(self):
        return self.title

    @property
    def has_file(self) -> bool:
        return bool(self.stored_name)

    @property
    def area_list(self) -> list[str]:
        return split_areas(self.areas)


def split_areas(text: str) -> list[str]:
    """'Hertfordshire, Luton' -> ['Hertfordshire', 'Luton']: trimmed, no blanks, no repeats (ignoring case)."""
    seen, areas = set(), []
    for part in (text or "").replace("\n", ",").replace(";", ",").split(","):
        area = " ".join(part.split())
        if area and area.casefold() not in seen:
            seen.add(area.casefold())
            areas.append(area)
    return areas
