"""Importing a register from an Excel or CSV file: checked row by row, previewed, then imported all at once or not at
all. django-import-export runs the rows (resources.py): a dry run in a transaction it rolls back gives the preview;
the real run, in one transaction, is rolled back whole if any row fails. Each problem names the row of the
spreadsheet it is on, the column, and what to do.
"""

import datetime
import logging
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone
from openpyxl.utils import get_column_letter

from dspt.lib import uploads
from dspt.registers import messages, spreadsheets
from dspt.registers.models import PendingImport
from dspt.registers.resources import REFERENCE, columns, resource_class
from dspt.registers.spreadsheets import Table

PENDING_FOR = datetime.timedelta(days=1)
logger = logging.getLogger(__name__)


def clear_expired(now=None) -> int:
    """Forget every import that waited longer than PENDING_FOR to be confirmed (their rows hold personal data):
    run daily by `manage.py clear_pending_imports`, and whenever anyone prepares an import."""
    now = now or timezone.now()
    deleted, _ = PendingImport.objects.filter(created_at__lt=now - PENDING_FOR).delete()
    return deleted


@dataclass(frozen=True)
class Problem:
    row: int | None  # the row of the spreadsheet (None: the file as a whole)
    column: str
    message: str


@dataclass(frozen=True)
class Change:
    row: int
    title: str
    changes: dict  # {heading: [old, new]}


@dataclass
class Outcome:
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def anything_to_do(self) -> bool:
        return bool(self.added or self.changed)


def _matched_columns(spec, table: Table) -> tuple[list[tuple[int, str]], list[Problem]]:
    """Which of the file's columns are which of the register's: [(index in the row, heading)], and problems."""
    expected = {heading.casefold(): heading for heading in (column.heading for column in columns(spec))}
    found, problems, seen = [], [], set()
    for index, heading in enumerate(table.headings):
        if not heading:
            if any(cells[index].strip() for _row, cells in table.rows):
                letter = get_column_letter(index + 1)
                problems.append(Problem(table.heading_row, letter, f"Column {letter} has values but no heading"))
            continue
        canonical = expected.get(" ".join(heading.split()).casefold())
        if canonical is None:
            problems.append(Problem(table.heading_row, heading, "This is not a column of this register"))
        elif canonical in seen:
            problems.append(Problem(table.heading_row, heading, "This column appears twice"))
        else:
            seen.add(canonical)
            found.append((index, canonical))
    if problems and not found:
        listed = ", ".join(expected.values())
        return [], [Problem(None, "", f"The first row must hold the column headings of the {spec.name}: {listed}")]
    return found, problems


def _problems(spec, result, rows: list[int]) -> list[Problem]:
    """Every problem of an import-export result, by row of the spreadsheet and column."""
    headings = {"id": REFERENCE} | {name: spec.heading(name) for name in spec.fields}
    found = []
    for invalid in result.invalid_rows:
        row = rows[invalid.number - 1]
        error = invalid.error
        error_dict = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.error_list}
        for name, errors in error_dict.items():
            for error in errors:
                if name in spec.fields:
                    found.append(Problem(row, headings[name], messages.for_error(spec.field(name), error)))
                else:
                    found.append(Problem(row, headings.get(name, ""), " ".join(error.messages)))
    for number, errors in result.row_errors():
        for error in errors:
            logger.warning("Register import: row %s could not be saved: %r", number, error.error)
            found.append(Problem(rows[number - 1], "", "This row could not be saved. Check its values and try again"))
    for error in result.base_errors:
        logger.warning("Register import failed: %r", error.error)
        found.append(Problem(None, "", "The file could not be imported. Check it and try again"))
    return sorted(found, key=lambda problem: (problem.row or 0, problem.column))


def run(spec, organisation, actor, table: Table, *, dry_run: bool) -> Outcome:
    """Import the table's rows into the register (or, with dry_run, only say what that would do). Any problem in
    any row and nothing is changed."""
    matched, problems = _matched_columns(spec, table)
    if problems:
        return Outcome(problems=problems)
    headings = [heading for _index, heading in matched]
    without_reference = REFERENCE not in headings  # then every row is a new entry
    dataset = tablib.Dataset(headers=headings + [REFERENCE] * without_reference)
    rows = []
    for row, cells in table.rows:
        dataset.append([cells[index] for index, _heading in matched] + [""] * without_reference)
        rows.append(row)
    resource = resource_class(spec)(organisation, actor)
    result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True)
    problems = _problems(spec, result, rows)
    if problems:
        return Outcome(problems=problems)
    outcome = Outcome(unchanged=len(rows) - len(resource.changes))
    for number, kind, title, changes in resource.changes:
        (outcome.added if kind == "added" else outcome.changed).append(Change(rows[number - 1], title, changes))
    return outcome


def prepare(spec, organisation, actor, uploaded) -> tuple[Outcome, PendingImport | None]:
    """Check an upload (uploads.check_table: raises uploads.Refused for anything but a real Excel or CSV file, or
    one that cannot be read) and say what importing it would do. When it would change something and every row is
    right, it waits, as a PendingImport, for the same person to confirm."""
    table = spreadsheets.read(uploaded, uploads.check_table(uploaded))
    outcome = run(spec, organisation, actor, table, dry_run=True)
    if outcome.problems or not outcome.anything_to_do:
        return outcome, None
    with transaction.atomic():
        stale = PendingImport.objects.filter(organisation=organisation)
        clear_expired()
        stale.filter(register=spec.slug, created_by=actor).delete()
        pending = PendingImport.objects.create(
            organisation=organisation,
            register=spec.slug,
            file_name=(uploaded.name or "file")[:200],
            headers=table.headings,
            rows=[[row, cells] for row, cells in table.rows],
            created_by=actor,
        )
    return outcome, pending


def pending_for(spec, organisation, actor, pending_id) -> PendingImport | None:
    """The person's own import into this register waiting to be confirmed, if it has not expired."""
    try:
        number = int(pending_id)
    except (TypeError, ValueError):
        return None
    return (
        PendingImport.objects.filter(
            organisation=organisation,
            register=spec.slug,
            created_by=actor,
            created_at__gte=timezone.now() - PENDING_FOR,
            pk=number,
        )
        .only("pk")
        .first()
    )


@transaction.atomic
def confirm(spec, pending: PendingImport, actor) -> Outcome:
    """Import what was previewed. If the register has changed since so that a row no longer fits, nothing is
    imported and the problems say why."""
    pending = PendingImport.objects.select_for_update().get(pk=pending.pk)
    table = Table(pending.headers, [(row, cells) for row, cells in pending.rows])
    outcome = run(spec, pending.organisation, actor, table, dry_run=False)
    if not outcome.problems:
        pending.delete()
    return outcome
