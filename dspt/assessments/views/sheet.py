"""The answer sheet, on screen (with copy buttons) and as Excel or Word downloads."""

from django.http import HttpResponse
from django.shortcuts import render

from dspt.assessments import exports, progress
from dspt.assessments.views.common import get_assessment
from dspt.organisations.access import organisation_view
from dspt.organisations.presenters import navigation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _rows(request, year):
    assessment = get_assessment(request, year)
    snapshot = progress.load(assessment, with_files=True)
    return assessment, exports.sheet_rows(snapshot)


@organisation_view()
def answer_sheet(request, year: str):
    assessment, rows = _rows(request, year)
    return render(
        request,
        "assessments/sheet.jinja",
        {
            "title": f"Answer sheet {assessment.framework.year}",
            "assessment": assessment,
            "rows": rows,
            "navigation_items": navigation(request.organisation, request.membership, "assessment"),
        },
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@organisation_view()
def answer_sheet_xlsx(request, year: str):
    assessment, rows = _rows(request, year)
    name = f"dspt-{request.organisation.ods_code}-{year}-answers.xlsx"
    return _download(exports.to_xlsx(assessment, rows), XLSX, name)


@organisation_view()
def answer_sheet_docx(request, year: str):
    assessment, rows = _rows(request, year)
    name = f"dspt-{request.organisation.ods_code}-{year}-answers.docx"
    return _download(exports.to_docx(assessment, rows), DOCX, name)
