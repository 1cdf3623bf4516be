"""A support organisation's cohort: the providers it supports, added from the ODS directory by code, by name, by
postcode area or from an uploaded list of codes, whether or not they have registered here. Every change is kept in
the history (no organisation: the area names the support organisation)."""

import csv
import io
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import uploads
from dspt.organisations.models import OdsEntry, Organisation
from dspt.support.models import CohortEntry, SupportOrganisation

SEARCH_LIMIT = 50
UPLOAD_MAX_CODES = 5000
_CODE = re.compile(r"^[A-Z0-9]{3,10}$")
_POSTCODE_AREA = re.compile(r"^[A-Z]{1,2}[0-9]{0,2}[A-Z]?$")


def history_area(support_organisation: SupportOrganisation) -> str:
    return f"Support: {support_organisation.name}"


def clean_code(raw) -> str:
    return re.sub(r"\s+", "", str(raw or "")).upper()


def search_directory(query: str, limit: int = SEARCH_LIMIT) -> list[OdsEntry]:
    """Open directory entries whose code is `query`, whose name contains it, or whose postcode starts with it."""
    query = " ".join((query or "").split())
    if not query:
        return []
    code = clean_code(query)
    postcode = query.replace(" ", "").upper()
    matches = Q(code=code) | Q(name__icontains=query)
    if _POSTCODE_AREA.match(postcode) or len(postcode) >= 2:
        matches |= Q(postcode__istartswith=query.upper()) | Q(postcode__istartswith=postcode)
    entries = OdsEntry.objects.filter(is_open=True).filter(matches).order_by("name", "code")
    return list(entries[:limit])


@dataclass(frozen=True)
class Added:
    added: list[CohortEntry]
    already: list[str]  # codes already in the cohort
    unknown: list[str]  # codes neither in the directory nor registered here


def _name_and_postcode(codes: list[str]) -> dict[str, tuple[str, str]]:
    known = {
        e.code: (e.name, e.postcode) for e in OdsEntry.objects.filter(code__in=codes).only("code", "name", "postcode")
    }
    for org in (
        Organisation.objects.filter(ods_code__in=codes).exclude(ods_code__in=list(known)).only("ods_code", "name")
    ):
        known[org.ods_code] = (org.name, "")
    return known


@transaction.atomic
def add(support_organisation: SupportOrganisation, codes, user) -> Added:
    """Add the providers with these ODS codes (from the directory, or registered here) to the cohort."""
    wanted = list(dict.fromkeys(clean_code(code) for code in codes if clean_code(code)))
    known = _name_and_postcode(wanted)
    present = set(
        CohortEntry.objects.filter(support_organisation=support_organisation, ods_code__in=wanted).values_list(
            "ods_code", flat=True
        )
    )
    new = [
        CohortEntry(
            support_organisation=support_organisation,
            ods_code=code,
            name=known[code][0],
            postcode=known[code][1],
            added_by=user,
        )
        for code in wanted
        if code in known and code not in present
    ]
    CohortEntry.objects.bulk_create(new, ignore_conflicts=True)  # another request may add the same at once
    new = list(
        CohortEntry.objects.filter(
            support_organisation=support_organisation, ods_code__in=[e.ods_code for e in new]
        ).order_by("name", "ods_code")
    )
    if new:
        record_change(
            actor=user,
            organisation=None,
            area=history_area(support_organisation),
            action=ChangeRecord.CREATED,
            label="Cohort",
            changes={"Added to the cohort": [None, ", ".join(f"{e.name} ({e.ods_code})" for e in new[:100])]}
            | ({"Number added": [None, str(len(new))]} if len(new) > 100 else {}),
        )
    return Added(new, [c for c in wanted if c in present], [c for c in wanted if c not in known])


@transaction.atomic
def remove(entry: CohortEntry, user) -> None:
    support_organisation = entry.support_organisation
    entry.delete()
    record_change(
        actor=user,
        organisation=None,
        area=history_area(support_organisation),
        action=ChangeRecord.DELETED,
        label="Cohort",
        changes={"Removed from the cohort": [f"{entry.name} ({entry.ods_code})", None]},
    )


# ---- an uploaded list of codes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadedCodes:
    codes: list[str]  # in the order of the file, each once
    unknown: list[tuple[int, str]]  # (line, what was there) for codes neither in the directory nor registered here


def _cells(uploaded, kind) -> list[tuple[int, str]]:
    """(line number, first cell's text) for each non-empty line of a CSV file or the first sheet of a workbook."""
    if kind == uploads.CSV:
        reader = csv.reader(io.StringIO(uploads.csv_text(uploaded)))
        rows = ((number, row[0] if row else "") for number, row in enumerate(reader, start=1))
    else:
        from openpyxl import load_workbook

        uploaded.seek(0)
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = ((number, row[0] if row else "") for number, row in enumerate(sheet.iter_rows(values_only=True), 1))
    cells = []
    for number, value in rows:
        text = str(value).strip() if value is not None else ""
        if text:
            cells.append((number, text))
        if len(cells) > UPLOAD_MAX_CODES + 1:
            raise uploads.Refused(f"The file lists more than {UPLOAD_MAX_CODES} codes. Split it into smaller files")
    return cells


def read_codes(uploaded) -> UploadedCodes:
    """The ODS codes in the first column of an uploaded CSV file or Excel workbook (a heading line is skipped).
    Raises uploads.Refused for a file that is not one, or lists no codes."""
    kind = uploads.check_table(uploaded)
    cells = _cells(uploaded, kind)
    if cells and not _CODE.match(clean_code(cells[0][1])):
        cells = cells[1:]  # a heading such as "ODS code"
    if not cells:
        raise uploads.Refused("The file lists no ODS codes: put one code on each line of the first column")
    codes = list(dict.fromkeys(clean_code(text) for _line, text in cells))
    known = _name_and_postcode(codes)
    unknown = [(line, text) for line, text in cells if clean_code(text) not in known]
    return UploadedCodes([c for c in codes if c in known], unknown)


def postcode_area(postcode: str) -> str:
    """The letters a postcode starts with: 'AL' for 'AL1 3AB'."""
    match = re.match(r"[A-Za-z]+", postcode or "")
    return match.group(0).upper() if match else ""
