"""A register's current entries as an Excel workbook or a CSV file, and its blank template: the columns an import
reads, so an export can be changed and imported back (resources.py)."""

from django.db.models.functions import Lower
from django.utils import timezone

from dspt.registers import spreadsheets
from dspt.registers.resources import columns, resource_class


def rows(spec, organisation) -> list[list]:
    """Each current entry's cells, in the columns' order: two queries, and one per linked register."""
    found = spec.entries(organisation).filter(archived_at=None).order_by(Lower(spec.title_field), "pk")
    found = found.prefetch_related(*spec.link_fields())
    return [list(row) for row in resource_class(spec)(organisation).export(list(found))]


def file_name(spec, organisation, extension: str) -> str:
    return f"{organisation.ods_code}-{spec.slug}-{timezone.localdate():%Y-%m-%d}.{extension}"


def to_xlsx(spec, organisation) -> bytes:
    return spreadsheets.to_xlsx(spec.name, columns(spec), rows(spec, organisation))


def to_csv(spec, organisation) -> bytes:
    return spreadsheets.to_csv(columns(spec), rows(spec, organisation))


def template(spec) -> bytes:
    """The blank workbook: headings, drop-down lists, and on its second sheet what goes in each column."""
    return spreadsheets.to_xlsx(spec.name, columns(spec), [])
