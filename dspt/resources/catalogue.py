"""The rules of a support organisation's resources: adding, changing and removing them (each kept in the history),
https-only links, one link or one file each, and what its public page lists."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import diff, field_values, record_change
from dspt.lib import uploads
from dspt.resources.models import Resource, split_areas
from dspt.support.models import SupportOrganisation

RECORDED_FIELDS = ["title", "description", "kind", "link", "file_name", "areas", "published"]
_HTTPS_ONLY = URLValidator(schemes=["https"])


class RuleBroken(Exception):
    """The change cannot be made; the message says why in plain words."""


@dataclass
class Values:
    title: str
    kind: str
    description: str = ""
    link: str = ""
    areas: list[str] = field(default_factory=list)
    published: bool = True


def history_area(support_organisation: SupportOrganisation) -> str:
    return f"Resources: {support_organisation.name}"[:60]


def check_link(url: str) -> str:
    """The link, trimmed, or RuleBroken unless it is a web address starting https:// (http:// links can be changed
    on the way, so a provider might download a changed template)."""
    url = (url or "").strip()
    if url.lower().startswith("http://"):
        raise RuleBroken("The link must start with https:// (a secure link), not http://")
    try:
        _HTTPS_ONLY(url)
    except ValidationError as invalid:
        message = "Enter the link as a web address starting https://, like https://example.org/guide"
        raise RuleBroken(message) from invalid
    return url


def _record(resource: Resource, user, action: str, changes: dict | None = None) -> None:
    record_change(
        actor=user,
        organisation=None,
        area=history_area(resource.support_organisation),
        action=action,
        obj=resource,
        changes=changes,
    )


def _apply(resource: Resource, values: Values, upload) -> str:
    """Set the resource's values and its link or file; returns a stored file no longer needed (or "")."""
    if values.link and upload is not None:
        raise RuleBroken("Give a link or upload a file, not both")
    title = " ".join((values.title or "").split())
    if not title:
        raise RuleBroken("Enter a title")
    if values.kind not in dict(Resource.KINDS):
        raise RuleBroken("Select what kind of resource it is")
    resource.title, resource.kind = title[:200], values.kind
    resource.description = (values.description or "").strip()[:500]
    resource.areas = ", ".join(split_areas(", ".join(values.areas)))[:500]
    resource.published = values.published
    replaced = ""
    if values.link:
        resource.link = check_link(values.link)
        replaced = resource.stored_name
        resource.stored_name = resource.file_name = resource.content_type = resource.file_kind = resource.sha256 = ""
        resource.size = 0
    elif upload is not None:
        uploaded, kind = upload
        replaced = resource.stored_name
        stored, size, digest = uploads.store(uploaded, f"resources/{resource.support_organisation_id}")
        resource.link = ""
        resource.stored_name, resource.size, resource.sha256 = stored, size, digest
        resource.file_name = (uploaded.name or "file")[-200:]
        resource.content_type, resource.file_kind = kind.content_type, kind.label
    elif not resource.has_file:
        raise RuleBroken("Give a link starting https:// or upload a file")
    return replaced


def _forget_file(stored_name: str) -> None:
    if stored_name and not Resource.objects.filter(stored_name=stored_name).exists():
        transaction.on_commit(lambda: uploads.delete_stored(stored_name))


@transaction.atomic
def add(support_organisation: SupportOrganisation, values: Values, *, user, upload=None) -> Resource:
    """Add a resource. `upload` is (uploaded file, kind) after files.check()."""
    resource = Resource(support_organisation=support_organisation, created_by=user)
    _apply(resource, values, upload)
    resource.save()
    _record(resource, user, ChangeRecord.CREATED, field_values(resource, RECORDED_FIELDS))
    return resource


@transaction.atomic
def change(resource: Resource, values: Values, *, user, upload=None) -> Resource:
    """Change a resource: a link replaces its file, a new file replaces its link or file."""
    before = field_values(resource, RECORDED_FIELDS)
    replaced = _apply(resource, values, upload)
    changes = diff(before, field_values(resource, RECORDED_FIELDS))
    if changes or replaced:
        resource.updated_at = timezone.now()
        resource.save()
        _forget_file(replaced)
        _record(resource, user, ChangeRecord.UPDATED, changes or {"File": [resource.file_name, resource.file_name]})
    return resource


@transaction.atomic
def remove(resource: Resource, user) -> None:
    stored_name = resource.stored_name
    _record(resource, user, ChangeRecord.DELETED, field_values(resource, RECORDED_FIELDS))
    resource.delete()
    _forget_file(stored_name)


def known_areas(support_organisation: SupportOrganisation, resources=None) -> list[str]:
    """The areas to offer as choices: the organisation's own and those its resources already name."""
    if resources is None:
        resources = Resource.objects.filter(support_organisation=support_organisation).only("areas")
    found = split_areas(", ".join([support_organisation.area, *(resource.areas for resource in resources)]))
    return sorted(found, key=str.casefold)


def serves(resource: Resource, area: str) -> bool:
    """A resource with no areas serves every area."""
    areas = [a.casefold() for a in resource.area_list]
    return not area or not areas or area.casefold() in areas


@dataclass
class Group:
    kind: str
    label: str
    resources: list[Resource]


def grouped(resources) -> list[Group]:
    """Resources under their kinds, in the order of Resource.KINDS; kinds with none left out."""
    groups = [Group(kind, label, []) for kind, label in Resource.KINDS]
    by_kind = {group.kind: group for group in groups}
    for resource in resources:
        by_kind[resource.kind].resources.append(resource)
    return [group for group in groups if group.resources]


@dataclass
class Listing:
    groups: list[Group]
    areas: list[str]
    area: str


def public_listing(support_organisation: SupportOrganisation, area: str = "") -> Listing:
    """What the public page shows: published resources serving `area` (every one when blank or not an area on
    offer), grouped by kind, and the areas a visitor can choose from. One query however many there are."""
    published = list(Resource.objects.published().filter(support_organisation=support_organisation))
    areas = known_areas(support_organisation, published)
    area = next((a for a in areas if a.casefold() == (area or "").strip().casefold()), "")
    return Listing(grouped(r for r in published if serves(r, area)), areas, area)


def published_file(support_organisation: SupportOrganisation, resource_id: int) -> Resource | None:
    return (
        Resource.objects.published()
        .filter(support_organisation=support_organisation, pk=resource_id)
        .exclude(stored_name="")
        .first()
    )
