"""The answer sheet: every answer keyed by its official reference, in the national toolkit's order.

The same rows feed the web page, the Excel workbook and the Word document.
"""

import io
from dataclasses import dataclass

from django.utils import timezone
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from dspt.assessments import presenters
from dspt.lib import office
from dspt.ui.presenters import long_date


@dataclass(frozen=True)
class SheetRow:
    ref: str
    standard: str
    standard_title: str
    group: str
    question: str
    level: str
    answer: str
    comment: str
    counts: str


def sheet_rows(standing) -> list[SheetRow]:
    rows = []
    for row in standing.rows:
        question, answer = row.question, row.answer
        files = [e.original_name for e in answer.evidence.all()] if answer is not None else []
        rows.append(
            SheetRow(
                ref=question.ref,
                standard=str(question.standard_id and question.standard.number),
                standard_title=question.standard.title if question.standard_id else "",
                group=question.group.title,
                question=question.text,
                level=presenters.LEVEL_LABELS[question.level],
                answer=presenters.describe(question, answer.value if answer else None, files),
                comment=answer.comment if answer else "",
                counts="Yes" if row.verdict.ok else f"No: {row.verdict.reason}",
            )
        )
    return rows


HEADINGS = ["Reference", "Standard", "Group", "Question", "Needed for", "Answer", "Comments", "Counts now?"]


def _title(assessment) -> str:
    organisation = assessment.organisation
    return f"{organisation.name} ({organisation.ods_code}): DSPT {assessment.framework.year} answers"


def to_xlsx(assessment, rows: list[SheetRow]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Answers {assessment.framework.year}"
    sheet.append([office.cell(_title(assessment))])
    sheet.append([f"Exported {long_date(timezone.now())}"])
    sheet.append([])
    sheet.append(HEADINGS)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in rows:
        values = [row.ref, row.standard, row.group, row.question, row.level, row.answer, row.comment, row.counts]
        sheet.append([office.cell(value) for value in values])
    office.tidy_columns(sheet, [10, 9, 22, 60, 22, 60, 40, 30], first_row=5)
    sheet.freeze_panes = "B5"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_docx(assessment, rows: list[SheetRow]) -> bytes:
    document = Document()
    document.add_heading(office.text(_title(assessment)), level=1)
    document.add_paragraph(f"Exported {long_date(timezone.now())}. Each answer is listed under its reference number.")
    # Headings go 1, 2, 3 without skipping: the title, each standard, then each question under its standard.
    standard = None
    for row in rows:
        if row.standard_title and row.standard != standard:
            document.add_heading(office.text(f"Standard {row.standard}: {row.standard_title}"), level=2)
        standard = row.standard if row.standard_title else None
        document.add_heading(office.text(f"{row.ref} {row.question}"), level=3 if standard else 2)
        document.add_paragraph(office.text(f"Needed for: {row.level}. Counts now: {row.counts}."))
        document.add_paragraph(office.text(f"Answer: {row.answer or 'Not answered'}"))
        if row.comment:
            document.add_paragraph(office.text(f"Comments: {row.comment}"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
