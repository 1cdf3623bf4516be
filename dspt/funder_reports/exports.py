"""A report for funders as files: an Excel workbook (the months, and a sheet saying what each column means) and a
CSV file (the months). Same columns and numbers as the page (presenters.py); text cells go through
lib/office.py, so nothing in them can run as a formula."""

import csv
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from dspt.funder_reports import presenters
from dspt.funder_reports.monthly import Report
from dspt.lib import office
from dspt.ui.presenters import long_date

MONTH_HEADING = "Month"


def headings(report: Report) -> list[str]:
    return [MONTH_HEADING] + [column.heading for column in presenters.columns(report.year)]


def rows(report: Report) -> list[list]:
    """One list per month: the month's first day, then each column's number (None where there is none)."""
    columns = presenters.columns(report.year)
    return [[month.month] + [column.value(month) for column in columns] for month in report.months]


def xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "By month"
    sheet.append([office.cell(heading) for heading in headings(report)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows(report):
        sheet.append(values)
        sheet.cell(row=sheet.max_row, column=1).number_format = "mmmm yyyy"
    office.tidy_columns(sheet, [16] + [column.width for column in presenters.columns(report.year)], first_row=1)
    sheet.freeze_panes = "B2"
    _about(workbook.create_sheet("About this report"), report)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _about(sheet, report: Report) -> None:
    organisation = report.support_organisation
    title = f"{organisation.name}: report for funders" + (f", DSPT {report.year}" if report.year else "")
    sheet.append([office.cell(title)])
    sheet["A1"].font = Font(bold=True)
    sheet.append(["Made", office.cell(long_date(timezone.localtime(report.made_at)))])
    sheet.append(["The area", office.cell(presenters.area_sentence(report))])
    sheet.append(["Statuses", office.cell(presenters.self_assessed_note())])
    sheet.append([])
    sheet.append(["Column", "What it counts"])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([MONTH_HEADING, office.cell(presenters.MONTH_MEANING)])
    for column in presenters.columns(report.year):
        sheet.append([office.cell(column.heading), office.cell(column.meaning)])
    office.tidy_columns(sheet, [40, 100], first_row=2)


def csv_bytes(report: Report) -> bytes:
    """CSV in UTF-8 with a byte order mark, so Excel opens it with the right characters. Months as 2025-09."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([office.csv_cell(heading) for heading in headings(report)])
    for month, *numbers in rows(report):
        writer.writerow([month.strftime("%Y-%m")] + [office.csv_cell(number) for number in numbers])
    return buffer.getvalue().encode("utf-8-sig")
