"""The answer sheet, on screen (with copy buttons) and as Excel or Word downloads."""

from django.shortcuts import render

from dspt.assessments import exports, progress
from dspt.assessments.views.common import get_assessment
from dspt.lib import downloads
from dspt.organisations.access import organisation_view
from dspt.organisations.presenters import navigation


def _rows(request, year):
    assessment = get_assessment(request, year)
    standing = progress.load(assessment, with_files=True)
    return assessment, exports.sheet_rows(standing)


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


@organisation_view()
def answer_sheet_xlsx(request, year: str):
    assessment, rows = _rows(request, year)
    name = f"dspt-{request.organisation.ods_code}-{year}-answers.xlsx"
    return downloads.attachment(exports.to_xlsx(assessment, rows), downloads.XLSX, name)


@organisation_view()
def answer_sheet_docx(request, year: str):
    assessment, rows = _rows(request, year)
    name = f"dspt-{request.organisation.ods_code}-{year}-answers.docx"
    return downloads.attachment(exports.to_docx(assessment, rows), downloads.DOCX, name)
