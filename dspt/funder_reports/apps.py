"""Reports for the funders of a support programme: what it did and what changed, month by month (ADR 13)."""

from django.apps import AppConfig


class FunderReportsConfig(AppConfig):
    name = "dspt.funder_reports"
    label = "funder_reports"
    verbose_name = "Reports for funders"

    def ready(self):
        from dspt.support import presenters

        presenters.add_navigation_item("funder-reports", 80, "Reports for funders", "funder_reports:report")
