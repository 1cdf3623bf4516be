"""Documents made from a publication's frozen snapshot (PDF report, Excel workbook) and from action plans."""

import datetime
import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from dspt.lib import national_toolkit, office
from dspt.publication import national
from dspt.ui.presenters import long_date


def pdf(publication) -> bytes:
    """The publication as a PDF report (WeasyPrint; needs Pango, see the README)."""
    from weasyprint import HTML  # imported here: it loads Pango, which only this function needs

    html = render_to_string(
        "publication/report.html",
        {
            "publication": publication,
            "snap": publication.snapshot,
            "published": long_date(publication.published_at),
            "generated": long_date(timezone.now()),
            "national": national.declaration(publication),
        },
    )
    # PDF/UA-1: a tagged PDF (headings, tables, reading order) with the language and title of report.html's
    # <html lang> and <title>, shown by viewers instead of the file name; screen readers need all of it.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def xlsx(publication) -> bytes:
    snap = publication.snapshot
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Publication"
    for row in [
        ("Organisation", snap["organisation"]["name"]),
        ("ODS code", snap["organisation"]["ods_code"]),
        ("DSPT year", snap["year"]),
        ("Status", snap["status_label"]),
        ("Assessed", f"{national_toolkit.SELF_ASSESSED.capitalize()} ({settings.SERVICE_NAME})"),
        ("Published", long_date(publication.published_at)),
        ("Confirmed by", f"{snap['confirmer']['name']}, {snap['confirmer']['job_title']}"),
        ("Covers", ", ".join(f"{s['name']} ({s['ods_code']})" for s in snap["sites"])),
    ]:
        summary.append([office.cell(value) for value in row])
    summary.append(["Official record", office.cell(f"The national toolkit's: {national_toolkit.SEARCH_URL}")])
    summary.column_dimensions["A"].width, summary.column_dimensions["B"].width = 18, 90
    answers = workbook.create_sheet("Answers")
    answers.append(["Reference", "Group", "Question", "Needed for", "Answer", "Comments", "Counted", "Files"])
    for cell in answers[1]:
        cell.font = Font(bold=True)
    for a in snap["answers"]:
        files = ", ".join(f["name"] for f in a["files"])
        counted = "Yes" if a["counts"] else "No"
        values = [a["ref"], a["group"], a["question"], a["level"], a["answer"], a["comment"], counted, files]
        answers.append([office.cell(value) for value in values])
    office.tidy_columns(answers, [10, 22, 60, 22, 60, 40, 9, 30], first_row=2)
    if snap.get("action_plan"):
        plan_rows(workbook.create_sheet("Action plan"), snap["action_plan"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_rows(sheet, plan: dict) -> None:
    if plan.get("document"):
        sheet.append(["The organisation's own action plan document:", office.cell(plan["document"])])
    sheet.append(["Reference", "Question", "Why it is not met yet", "Action", "Owner", "Target date"])
    for line in plan.get("lines", []):
        values = [line["ref"], line["question"], line["gap"], line["action"], line["owner"]]
        sheet.append([*(office.cell(value) for value in values), _as_date(line["target_date"])])
        sheet.cell(row=sheet.max_row, column=6).number_format = "d mmmm yyyy"


def _as_date(value):
    """A real date for a spreadsheet cell (so it sorts and filters as a date), or None."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def plan_xlsx(organisation, year: str, rows: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    sheet.append([office.cell(f"{organisation.name} ({organisation.ods_code}): action plan for DSPT {year}")])
    plan_rows(sheet, {"lines": rows})
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_docx(organisation, year: str, rows: list[dict]) -> bytes:
    document = Document()
    document.add_heading(
        office.text(f"{organisation.name} ({organisation.ods_code}): action plan for DSPT {year}"), level=1
    )
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Reference", "Question", "Action", "Owner", "Target date"], strict=True
    ):
        cell.text = text
    for line in rows:
        cells = table.add_row().cells
        for cell, text in zip(
            cells,
            [line["ref"], line["question"], line["action"], line["owner"], long_date(line["target_date"])],
            strict=True,
        ):
            cell.text = office.text(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
