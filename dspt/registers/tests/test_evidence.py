"""What these registers tell the rest of the service: items going stale, the suggested answer to 8.1.4, and the
evidence pack's sections. Dates are set here, relative to a fixed 'today'."""

import datetime

import pytest

from dspt.registers import evidence, hooks, spot_checks
from dspt.registers.models import SpotCheckResult
from dspt.registers.tests.factories import (
    add_activity,
    add_asset,
    add_spot_check,
    add_supplier,
    add_unsupported,
    certifications,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 15)
DAY = datetime.timedelta(days=1)


def test_support_ending_within_30_days_or_ended_goes_stale(org, owner):
    add_unsupported(org, owner, item="Ended", supported_until=TODAY - DAY)
    add_unsupported(org, owner, item="Ends soon", supported_until=TODAY + 30 * DAY)
    add_unsupported(org, owner, item="Ends later", supported_until=TODAY + 31 * DAY)
    add_unsupported(org, owner, item="Unknown", supported_until=None)

    due = [item for item in hooks.due_items(org, TODAY) if item.refs == ("1.3.6", "8.1.4", "8.2.1")]

    assert [(item.title, item.due_on) for item in due] == [
        ("Support for Ended ended", TODAY - DAY),
        ("Support for Ends soon ends", TODAY + 30 * DAY),
    ]
    assert due[0].is_overdue(TODAY) and not due[1].is_overdue(TODAY)


def test_contract_reviews_and_spot_checks_go_stale_and_archived_entries_do_not(org, owner):
    from dspt.registers import entries
    from dspt.registers.specs import SUPPLIERS

    add_supplier(org, owner, contract_review=TODAY + 10 * DAY)
    old = add_supplier(org, owner, supplier="Old payroll", contract_review=TODAY - 99 * DAY)
    entries.archive(SUPPLIERS, old, owner)
    add_spot_check(org, owner, title="Bins", next_due=TODAY - 5 * DAY)
    add_spot_check(org, owner, title="Screens", next_due=TODAY + 90 * DAY)

    due = hooks.due_items(org, TODAY)

    titles = [item.title for item in due]
    assert "Spot check: Bins" in titles and "Contract review for CarePlan Cloud Ltd" in titles
    assert "Spot check: Screens" not in titles and "Contract review for Old payroll" not in titles
    bins = next(item for item in due if item.title == "Spot check: Bins")
    assert "1.3.2" in bins.refs and bins.url.endswith("/results/add/")


def test_the_unsupported_register_suggests_the_answer_to_8_1_4(org, owner):
    assert evidence.unsupported_suggestion(org, TODAY) is None  # an empty register says nothing

    add_unsupported(org, owner)
    add_unsupported(org, owner, item="Old tablet")
    found = evidence.unsupported_suggestion(org, TODAY)
    assert found.value == "yes"  # the yes_no answer type's stored choice, as its form field takes it
    assert found.source == (
        "2 items in your unsupported software register, and each has a way of reducing its risk and a plan"
    )
    assert found.url == "/o/VX101/registers/unsupported-software/"
    assert hooks.suggestion("unsupported_software", org, TODAY) == found

    add_unsupported(org, owner, item="Reception PC", mitigation="", plan="")
    found = evidence.unsupported_suggestion(org, TODAY)
    assert found.value == "no" and "1 without a way of reducing the risk or a plan yet (Reception PC)" in found.source


def test_the_evidence_pack_sums_up_each_register(org, owner):
    assert evidence.spot_checks_section(org, TODAY) is None
    asset = add_asset(org, owner, last_reviewed=datetime.date(2026, 3, 27))
    add_activity(org, owner, assets=[asset])
    add_unsupported(org, owner, plan_by=datetime.date(2026, 9, 30))
    add_supplier(org, owner, contract_review=TODAY - DAY, certifications=certifications("iso_27001"))
    check = add_spot_check(org, owner, title="Bins", frequency=12, next_due=TODAY - DAY)
    spot_checks.record_result(
        check,
        owner,
        checked_on=datetime.date(2026, 1, 5),
        checked_by="Sam",
        outcomes=[SpotCheckResult.ACTION, *[SpotCheckResult.FINE] * 3],
        findings="Rota in the ordinary bin.",
        actions="Reminder at handover.",
    )
    add_spot_check(org, owner, title="Screens", next_due=TODAY - DAY)

    sections = {section.title: section for section in hooks.pack_sections(org, TODAY)}

    assert dict(sections["Information Asset Register"].rows)["Last reviewed"] == "27 March 2026"
    assert sections["Record of Processing Activities"].rows == [("Planning and delivering care", "6(1)(b) Contract")]
    assert sections["Unsupported software register"].items == ["Door-entry PC: medium risk, plan due 30 September 2026"]
    suppliers = dict(sections["Supplier list"].rows)
    assert suppliers["With a security certificate recorded"] == "1" and suppliers["Contract reviews overdue"] == "1"
    checks = sections["Spot-check audits"]
    assert dict(checks.rows) == {
        "Spot checks planned": "2",
        "Results recorded in the last 12 months": "1",
        "Overdue": "1",
    }
    assert checks.items == [
        "Bins: Checked on 5 January 2026 by Sam: 1 item needs action. Found: Rota in the ordinary bin. "
        "Actions: Reminder at handover.",
        "Overdue: Screens (was due 14 June 2026)",
    ]


def test_the_demo_fills_every_register_of_this_app_through_its_rules(org, owner):
    from dspt.demo import registers as demo
    from dspt.registers.specs import ALL

    added = demo.fill(org, owner)

    mine = [spec for spec in ALL if spec.model._meta.app_label == "registers"]
    assert added == sum(spec.entries(org).count() for spec in mine)
    assert all(spec.entries(org).exists() for spec in mine)
    assert evidence.unsupported_suggestion(org, datetime.date.today()).value == "yes"


def test_items_still_updated_today_do_not_decide_8_1_4(org, owner):
    """The register may list software whose support ends soon; until it has ended it is not a gap for 8.1.4."""
    add_unsupported(
        org, owner, item="Rota app", supported_until=TODAY + datetime.timedelta(days=20), mitigation="", plan=""
    )
    assert evidence.unsupported_suggestion(org, TODAY) is None
    add_unsupported(org, owner, item="Old tablet", supported_until=TODAY - datetime.timedelta(days=1))
    found = evidence.unsupported_suggestion(org, TODAY)
    assert found.value == "yes" and found.source.startswith("1 item in your unsupported software register")
