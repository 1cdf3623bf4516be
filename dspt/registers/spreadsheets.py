"""Register entries as Excel workbooks and CSV files, and the rows of an uploaded one.

Written cells follow dspt/lib/office.py (no formulas, no characters a spreadsheet cannot hold), with one addition so
that an export imports back exactly: a cell whose text starts like a formula, or with an apostrophe, gets one more
apostrophe in front, and reading takes one leading apostrophe off. Dates are real dates in Excel and written
2026-03-27 in CSV. A workbook has the register on its first sheet (headings in row 1), then "How to fill this in"
(each column, what goes in it, an example, the allowed values) and "Allowed values", which the first sheet's
drop-down lists use.

Reading takes the first sheet of a workbook, or a CSV file (comma- or semicolon-separated), and returns every cell as
text: the first row that is not blank holds the headings, blank rows are skipped, and each row keeps its number in
the spreadsheet for messages. At most MAX_ROWS rows are read.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from dspt.lib import office, uploads

MAX_ROWS = 5000
MAX_COLUMNS = 100  # a register has at most a few dozen: more, and a small file could ask for gigabytes of cells
VALIDATED_ROWS = 2000  # rows of the first sheet that get drop-down lists
DATE_FORMAT = "DD/MM/YYYY"
HOW_TO_SHEET = "How to fill this in"
ALLOWED_SHEET = "Allowed values"


@dataclass(frozen=True)
class Column:
    heading: str
    description: str = ""  # what goes in it (the form's question or hint)
    required: bool = False
    example: str = ""
    allowed: tuple[str, ...] = ()  # the only values it takes (a drop-down list in Excel)
    width: int = 24


@dataclass(frozen=True)
class Table:
    headings: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the spreadsheet, cells as text)
    heading_row: int = 1


# ---- writing -----------------------------------------------------------------------------------------------


def escape(value) -> str:
    """Text for a cell, as office.cell() makes it, and never starting with an apostrophe of its own."""
    text = office.text(value)
    if text.startswith("'"):
        return "'" + text
    return office.cell(text)


def unescape(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _sheet_title(name: str) -> str:
    return "".join(character for character in name if character not in "[]:*?/\\")[:31] or "Register"


def to_xlsx(name: str, columns: list[Column], rows: list[list]) -> bytes:
    """A workbook with the register (headings and `rows`) and its two sheets of guidance."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(name)
    sheet.append([escape(column.heading) for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append([_xlsx_value(value) for value in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = DATE_FORMAT
    office.tidy_columns(sheet, [column.width for column in columns], first_row=2)
    sheet.freeze_panes = "B2"
    _how_to_sheet(workbook, columns)
    _allowed_sheet(workbook, sheet, columns)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return escape(value)


def _how_to_sheet(workbook, columns: list[Column]) -> None:
    sheet = workbook.create_sheet(HOW_TO_SHEET)
    sheet.append(["Column", "What to put in it", "Needed?", "Example", "Allowed values"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in columns:
        sheet.append(
            [
                escape(column.heading),
                escape(column.description),
                "Yes" if column.required else "No",
                escape(column.example),
                escape("; ".join(column.allowed)),
            ]
        )
    office.tidy_columns(sheet, [28, 60, 10, 30, 50], first_row=2)


def _allowed_sheet(workbook, register, columns: list[Column]) -> None:
    listed = [(index, column) for index, column in enumerate(columns, start=1) if column.allowed]
    if not listed:
        return
    sheet = workbook.create_sheet(ALLOWED_SHEET)
    for place, (index, column) in enumerate(listed, start=1):
        letter = get_column_letter(place)
        sheet.cell(row=1, column=place, value=escape(column.heading)).font = Font(bold=True)
        for row, value in enumerate(column.allowed, start=2):
            sheet.cell(row=row, column=place, value=escape(value))
        sheet.column_dimensions[letter].width = 34
        source = f"{quote_sheetname(ALLOWED_SHEET)}!${letter}$2:${letter}${len(column.allowed) + 1}"
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=column.heading[:32],
            error="Choose one of the values in the list",
        )
        target = get_column_letter(index)
        validation.add(f"{target}2:{target}{VALIDATED_ROWS}")
        register.add_data_validation(validation)


def to_csv(columns: list[Column], rows: list[list]) -> bytes:
    """CSV in UTF-8 with a byte order mark, so Excel opens it with the right characters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([escape(column.heading) for column in columns])
    for values in rows:
        writer.writerow([_csv_value(value) for value in values])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return escape(value)


# ---- reading -----------------------------------------------------------------------------------------------


def as_text(value) -> str:
    """A cell as read, as text: dates as 2026-03-27, whole numbers without '.0', TRUE and FALSE as Yes and No."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return office.text(value)


def read(uploaded, kind) -> Table:
    """The rows of an upload that uploads.check_table() accepted; raises uploads.Refused if it cannot be read."""
    name = uploaded.name or "The file"
    lines = _csv_lines(uploads.csv_text(uploaded), name) if kind is uploads.CSV else _xlsx_lines(uploaded, name)
    headings, heading_row, rows = None, 1, []
    for number, cells in lines:
        texts = [as_text(cell) for cell in cells]
        if not any(text.strip() for text in texts):
            continue
        if headings is None:
            headings, heading_row = [text.strip() for text in texts], number
            continue
        rows.append((number, texts))
        if len(rows) > MAX_ROWS:
            raise uploads.Refused(f"{name} has more than {MAX_ROWS:,} rows. Split it into smaller files")
    if headings is None:
        raise uploads.Refused(f"{name} is empty: put the column headings in its first row and an entry in each row")
    width = max([len(headings)] + [len(cells) for _number, cells in rows])
    headings += [""] * (width - len(headings))
    return Table(headings, [(number, cells + [""] * (width - len(cells))) for number, cells in rows], heading_row)


def _csv_lines(text: str, name: str):
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS * 2:
                raise uploads.Refused(f"{name} has more than {MAX_ROWS:,} rows. Split it into smaller files")
            if len(cells) > MAX_COLUMNS:
                raise uploads.Refused(
                    f"{name} has more than {MAX_COLUMNS} columns in row {number}. Keep only the register's columns"
                )
            yield number, cells
    except csv.Error as error:
        raise uploads.Refused(f"{name} cannot be read as a CSV file ({error})") from error


def _xlsx_lines(uploaded, name: str):
    uploaded.seek(0)
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise uploads.Refused(f"{name} cannot be read as an Excel workbook. Save it again from Excel") from error
    try:
        sheet = workbook.worksheets[0]
        # Only the first MAX_COLUMNS columns are read, whatever size the sheet claims to be
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        for number, cells in enumerate(rows, start=1):
            if number > MAX_ROWS * 2:
                raise uploads.Refused(f"{name} has more than {MAX_ROWS:,} rows. Split it into smaller files")
            yield number, list(cells)
    except uploads.Refused:
        raise
    except Exception as error:  # any fault in a damaged workbook is the file's, not ours
        raise uploads.Refused(f"{name} cannot be read as an Excel workbook. Save it again from Excel") from error
    finally:
        workbook.close()
