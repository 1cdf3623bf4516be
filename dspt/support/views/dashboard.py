"""The cohort dashboard: the funnel, days to the deadline, the list with its filters (a page at a time), progress
over time."""

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
    list_page = dashboard.page_of(dashboard.apply(all_rows, filters), request.GET.get("page"))
    months = dashboard.over_time(support_organisation, framework.year) if framework else []
    membership = request.support_membership
    return render(
        request,
        "support/dashboard.jinja",
        {
            "title": f"{support_organisation.name}: cohort",
            "support_organisation": support_organisation,
            "is_lead": membership.is_lead,
            "framework": framework,
            "days_left": days_left,
            "funnel": dashboard.funnel(all_rows),
            "total": len(all_rows),
            "rows": presenters.cohort_rows(list_page.rows, support_organisation, membership),
            "stage_tags": presenters.stage_tags(dashboard.STAGES),
            "shown_count": list_page.count,
            "showing": presenters.showing(list_page, len(all_rows), filters.active),
            "pagination": presenters.list_pagination(list_page, filters),
            "filters": filters,
            "filter_selects": presenters.filter_selects(
                filters, dashboard.STAGES, dashboard.CONSENT_FILTERS, dashboard.areas(all_rows)
            ),
            "fact_headings": presenters.fact_headings(),
            "fact_note": presenters.fact_note(),
            "months": months,
            "chart": presenters.chart(months),
            "navigation_items": presenters.navigation(support_organisation, membership, "cohort"),
        },
    )
