"""The report for funders under /s/<slug>/reports/: the page, and the same numbers as Excel and CSV. Programme
leads and advisers alike (the numbers are counts: no provider is named, nothing is shown that the dashboard, the
events and the surgeries pages do not already show them). Rules: monthly.py; layout: presenters.py."""

from django.shortcuts import render

from dspt.funder_reports import exports, monthly, presenters
from dspt.lib import downloads
from dspt.support import presenters as support_presenters
from dspt.support.access import support_view


@support_view()
def report_page(request):
    support_organisation = request.support_organisation
    report = monthly.report(support_organisation)
    context = {
        "title": "Reports for funders",
        "support_organisation": support_organisation,
        "report": report,
        "month_meaning": presenters.MONTH_MEANING,
        "activity_table": presenters.activity_table(report),
        "activity_meanings": [(c.heading, c.meaning) for c in presenters.activity_columns()],
        "publication_table": presenters.publication_table(report) if report.framework else None,
        "publication_meanings": presenters.publication_meanings(report.year),
        "area_sentence": presenters.area_sentence(report),
        "self_assessed": presenters.self_assessed_note(),
        "downloads": presenters.downloads(support_organisation),
        "navigation_items": support_presenters.navigation(
            support_organisation, request.support_membership, "funder-reports"
        ),
    }
    return render(request, "funder_reports/report.jinja", context)


@support_view()
def report_xlsx(request):
    report = monthly.report(request.support_organisation)
    return downloads.attachment(exports.xlsx(report), downloads.XLSX, presenters.filename(report, "xlsx"))


@support_view()
def report_csv(request):
    report = monthly.report(request.support_organisation)
    return downloads.attachment(
        exports.csv_bytes(report), "text/csv; charset=utf-8", presenters.filename(report, "csv")
    )
