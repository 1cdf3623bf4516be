"""The cohort dashboard: the funnel, days to the deadline, the list with its filters, progress over time."""

from django.shortcuts import render
from django.utils import timezone

from dspt.support import dashboard, presenters
from dspt.support.access import support_view


@support_view()
def dashboard_page(request):
    support_organisation = request.support_organisation
    today = timezone.localdate()
    framework, days_left = dashboard.days_to_deadline(today)
    all_rows = dashboard.rows(support_organisation, today)
    filters = dashboard.read_filters(request.GET)
    shown = dashboard.apply(all_rows, filters)
    months = dashboard.over_time(support_organisation, framework.year) if framework else []
    return render(
        request,
        "support/dashboard.jinja",
        {
            "title": f"{support_organisation.name}: cohort",
            "support_organisation": support_organisation,
            "is_lead": request.support_membership.is_lead,
            "framework": framework,
            "days_left": days_left,
            "funnel": dashboard.funnel(all_rows),
            "total": len(all_rows),
            "rows": [presenters.cohort_row(row, support_organisation, request.support_membership) for row in shown],
            "shown_count": len(shown),
            "filters": filters,
            "filter_selects": presenters.filter_selects(
                filters, dashboard.STAGES, dashboard.CONSENT_FILTERS, dashboard.areas(all_rows)
            ),
            "fact_headings": presenters.fact_headings(),
            "fact_note": presenters.fact_note(),
            "months": months,
            "chart": presenters.chart(months),
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "cohort"),
        },
    )
