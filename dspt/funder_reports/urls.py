from django.urls import path

from dspt.funder_reports.views import reports

app_name = "funder_reports"

SUPPORT = "s/<str:support_slug>/"

urlpatterns: list = [
    path(f"{SUPPORT}reports/", reports.report_page, name="report"),
    path(f"{SUPPORT}reports/funders.xlsx", reports.report_xlsx, name="xlsx"),
    path(f"{SUPPORT}reports/funders.csv", reports.report_csv, name="csv"),
]
