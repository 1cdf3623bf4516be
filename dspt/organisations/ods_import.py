"""Import the ODS directory from a CSV file: streamed, in batches, idempotent, bad rows reported.

The CSV has a header row with these columns (any order; extra columns are ignored):
  code         the ODS code, e.g. VM195 or AG0Y (required)
  name         the organisation or site name (required)
  postcode     e.g. AB1 2CD (optional)
  parent_code  for a site, its head office code (optional)
  status       open or closed (also accepted: active/inactive, A/C; blank means open)
  type         what the directory calls it, e.g. "Care home" (optional)
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from dspt.lib import ods
from dspt.organisations.models import OdsEntry

REQUIRED_COLUMNS = {"code", "name"}
BATCH_SIZE = 2000
_OPEN = {"", "open", "active", "a"}
_CLOSED = {"closed", "inactive", "c"}


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    errors: list[str] = field(default_factory=list)


class BadFile(Exception):
    pass


def _entry(row: dict) -> OdsEntry:
    code = ods.normalise(row.get("code") or "")
    name = (row.get("name") or "").strip()
    status = (row.get("status") or "").strip().lower()
    if not code:
        raise ValueError("the code is missing")
    if not ods.looks_like_code(code):
        raise ValueError(f"{code!r} is not an ODS code (3 to 10 letters and numbers)")
    if not name:
        raise ValueError(f"{code} has no name")
    if status not in _OPEN | _CLOSED:
        raise ValueError(f"{code} has status {status!r}; use open or closed")
    return OdsEntry(
        code=code,
        name=name[:200],
        postcode=(row.get("postcode") or "").strip().upper()[:10],
        parent_code=(row.get("parent_code") or "").strip().upper()[:10],
        is_open=status in _OPEN,
        kind=(row.get("type") or "").strip()[:60],
        source=OdsEntry.IMPORTED,
    )


def _batches(rows: Iterable[tuple[int, dict]], result: ImportResult) -> Iterator[list[OdsEntry]]:
    batch: dict[str, OdsEntry] = {}
    for line, row in rows:
        result.rows += 1
        try:
            entry = _entry(row)
        except ValueError as error:
            result.errors.append(f"line {line}: {error}")
            continue
        batch[entry.code] = entry  # a code repeated within a batch: the last row wins
        if len(batch) >= BATCH_SIZE:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())


def import_csv(handle) -> ImportResult:
    reader = csv.DictReader(handle)
    columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
    missing = REQUIRED_COLUMNS - columns
    if missing:
        raise BadFile(f"the header row must include the columns: {', '.join(sorted(missing))}")
    reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames]
    result = ImportResult()
    numbered = ((reader.line_num, row) for row in reader)
    for batch in _batches(numbered, result):
        with transaction.atomic():
            OdsEntry.objects.bulk_create(
                batch,
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=["name", "postcode", "parent_code", "is_open", "kind", "source", "updated_at"],
            )
        result.imported += len(batch)
    return result
