"""Text that is safe to put into Excel, CSV and Word files made from what people typed.

XML cannot hold most control characters (pasting from Word brings some in), and a spreadsheet cell starting with
=, +, -, @, a tab or a carriage return could run as a formula when the file is opened: such a cell gets a leading
apostrophe. The one rule for every spreadsheet and CSV file the service writes.
"""

import re

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text(value) -> str:
    """Any value as text, without characters that Word or Excel files cannot hold."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def cell(value) -> str:
    """Text for a spreadsheet cell: also never starts like a formula."""
    result = text(value)
    return "'" + result if result.startswith(_FORMULA_START) else result


def csv_cell(value) -> str:
    """A CSV cell: booleans as true/false, nothing as empty, otherwise as cell()."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return cell(value)


def tidy_columns(sheet, widths: list[int], first_row: int) -> None:
    """Set column widths (A, B, …) and wrap text from `first_row` down, so long answers stay readable."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for line in sheet.iter_rows(min_row=first_row):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
