"""How a resource reads on its pages: what a download is, where its link goes."""

from django.urls import reverse

from dspt.resources.models import Resource


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def download_text(resource: Resource) -> str:
    """'PDF document, 120 KB' for a file; '' for a link."""
    return f"{resource.file_kind}, {file_size(resource.size)}" if resource.has_file else ""


def public_href(resource: Resource, support_slug: str) -> str:
    if resource.has_file:
        return reverse("resources:public_file", args=[support_slug, resource.pk])
    return resource.link


def staff_href(resource: Resource, support_slug: str) -> str:
    if resource.has_file:
        return reverse("resources:staff_file", args=[support_slug, resource.pk])
    return resource.link


def areas_text(resource: Resource) -> str:
    return ", ".join(resource.area_list) or "Every area"
