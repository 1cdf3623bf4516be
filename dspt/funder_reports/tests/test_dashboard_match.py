"""The report's numbers are the cohort dashboard's: the current month's cohort figures equal what dashboard.rows,
funnel and over_time give for the same cohort, built with real publications."""

import pytest

from dspt.funder_reports import monthly
from dspt.funder_reports.tests.factories import add_provider, at, make_programme, publish_for, travel
from dspt.publication import cover, publish
from dspt.publication.models import PublishedSite
from dspt.support import consent, dashboard
from tests.factories import answer_all, complete_profile, make_organisation, make_publication, make_user

pytestmark = pytest.mark.django_db

TODAY = at(2026, 2, 10)


@pytest.fixture
def cohort(settings, frameworks, org, owner, assessment):
    """Seven providers added in August 2025, publishing from October:
    VX101 publishes Standards Met through the publishing journey (and consents);
    VX301 publishes Approaching Standards in November, then Standards Met in January;
    VX401 is not registered: its head office VX999 publishes Standards Exceeded for it in December;
    VX501 published only for last year; VX601 and VX602 are only in the directory; VX701 is registered and
    consents, but has not published."""
    settings.REGISTRATION_REVIEW = False
    association, _lead, _adviser = make_programme(at(2025, 7, 1))
    for code, postcode in [
        ("VX101", "SG1 1AA"),
        ("VX301", "SG3 3CC"),
        ("VX401", "LU4 4DD"),
        ("VX501", "AL5 5EE"),
        ("VX601", "SG6 6FF"),
        ("VX602", "AL6 6GG"),
        ("VX701", "SG7 7HH"),
    ]:
        add_provider(association, code, postcode, at(2025, 8, 4))

    with travel(at(2025, 10, 6, 9)):
        complete_profile(org)
        answer_all(assessment, owner)
        publish.mark_profile_checked(assessment, owner)
        publish.publish(assessment, owner, "Sam Patel", "Registered manager")
        consent.grant(org, association, owner)

    from dspt.assessments import carry_over

    third_admin = make_user("admin@vx301.example")
    third = make_organisation("VX301", third_admin)
    third_assessment = carry_over.start(third, frameworks["2025-26"], third_admin)
    for when, status in [(at(2025, 11, 20), "approaching"), (at(2026, 1, 15), "met")]:
        with travel(when):
            make_publication(third_assessment, third_admin, status)
        cover.refresh_public_status("VX301")

    head_admin = make_user("admin@vx999.example")
    head = make_organisation("VX999", head_admin)
    head_assessment = carry_over.start(head, frameworks["2025-26"], head_admin)
    with travel(at(2025, 12, 1, 0, 5)):
        covering = make_publication(head_assessment, head_admin, "exceeded")
    PublishedSite.objects.create(publication=covering, ods_code="VX401", name="Fictional Elm Court")
    cover.refresh_public_status("VX401")

    publish_for(
        make_organisation("VX501", make_user("admin@vx501.example")), ["VX501"], "met", at(2025, 5, 1), "2024-25"
    )
    seventh_admin = make_user("admin@vx701.example")
    seventh = make_organisation("VX701", seventh_admin)
    with travel(at(2025, 9, 1)):
        consent.grant(seventh, association, seventh_admin)
    return association


def test_this_months_cohort_figures_are_the_dashboards(cohort):
    with travel(TODAY):
        rows = dashboard.rows(cohort)
        funnel = {step.key: step.count for step in dashboard.funnel(rows)}
        over_time = dashboard.over_time(cohort, "2025-26")
        report = monthly.report(cohort)
    last = report.months[-1]
    assert last.month.isoformat() == "2026-02-01"

    assert last.providers == len(rows) == 7
    assert last.consenting == sum(row.consented for row in rows) == 2
    published = funnel[dashboard.APPROACHING] + funnel[dashboard.MET]
    assert last.cohort_published.count == published == over_time[-1].published_so_far == 3
    assert last.cohort_met.count == funnel[dashboard.MET] == over_time[-1].met_so_far == 3
    assert last.cohort_published.percent == round(100 * published / len(rows))


def test_each_month_agrees_with_the_dashboards_chart(cohort):
    """The whole cohort joined before anyone published, so every month of the chart is a month of the report."""
    with travel(TODAY):
        over_time = dashboard.over_time(cohort, "2025-26")
        report = {m.month: m for m in monthly.report(cohort).months}
    assert [m.month.isoformat() for m in over_time] == ["2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01"]
    for chart_month in over_time:
        month = report[chart_month.month]
        assert (month.cohort_published.count, month.cohort_met.count) == (
            chart_month.published_so_far,
            chart_month.met_so_far,
        ), chart_month.month
