"""Spot checks: recording a result (its rules and its page), the next due date, overdue flags and the results shown."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.registers import checklists, entries, spot_checks
from dspt.registers.models import SpotCheckResult
from dspt.registers.specs import SPOT_CHECKS
from dspt.registers.tests.factories import add_spot_check
from dspt.registers.tests.test_pages import listed, text_of

pytestmark = pytest.mark.django_db
BASE = "/o/VX101/registers/spot-checks/"
FINE, ACTION, NA = SpotCheckResult.FINE, SpotCheckResult.ACTION, SpotCheckResult.NOT_APPLICABLE


def test_months_are_added_to_the_same_day_or_the_end_of_a_shorter_month():
    assert spot_checks.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert spot_checks.add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)
    assert spot_checks.add_months(datetime.date(2026, 6, 30), 12) == datetime.date(2027, 6, 30)
    assert spot_checks.add_months(datetime.date(2026, 3, 31), -12) == datetime.date(2025, 3, 31)


def test_every_checklist_has_a_few_items_and_a_unique_code():
    assert len(checklists.BY_CODE) == len(checklists.CHECKLISTS) == 5
    assert all(3 <= len(checklist.items) <= 6 for checklist in checklists.CHECKLISTS)


def test_a_result_moves_the_next_check_on_and_is_kept_in_the_history(org, owner):
    check = add_spot_check(org, owner, frequency=3, next_due=datetime.date(2026, 1, 10))
    checked_on = timezone.localdate() - datetime.timedelta(days=2)

    result = spot_checks.record_result(
        check,
        owner,
        checked_on=checked_on,
        checked_by=" Sam Jones ",
        outcomes=[FINE, ACTION, NA, FINE],
        findings="Rota left on the printer",
        actions="Deputy manager to remind staff at handover",
    )

    check.refresh_from_db()
    assert check.next_due == spot_checks.add_months(checked_on, 3)
    assert result.checked_by == "Sam Jones" and result.needing_action == [check.items[1]]
    assert [row["item"] for row in result.items] == list(check.items)
    change = ChangeRecord.objects.filter(area=SPOT_CHECKS.name, object_id=str(check.pk)).latest("pk")
    assert change.changes["Result recorded"][1].endswith("by Sam Jones: 1 item needs action")
    assert change.changes["Next due"] == ["10 January 2026", spot_checks.long_date(check.next_due)]


def test_a_result_needs_every_item_and_findings_and_actions_when_something_needs_action(org, owner):
    check = add_spot_check(org, owner)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        spot_checks.record_result(check, owner, checked_on=tomorrow, checked_by="", outcomes=[FINE, ACTION, "maybe"])

    errors = refused.value.message_dict
    assert set(errors) == {"checked_on", "checked_by", "item_2", "item_3", "findings", "actions"}
    assert errors["actions"] == ["Say what will be done about the items that need action, and by whom"]
    assert not SpotCheckResult.objects.exists()


def test_an_archived_check_takes_no_result(org, owner):
    check = entries.archive(SPOT_CHECKS, add_spot_check(org, owner), owner)
    with pytest.raises(ValidationError):
        spot_checks.record_result(check, owner, checked_on=timezone.localdate(), checked_by="Sam", outcomes=[FINE] * 4)


def _result_form(check, outcomes, **more):
    today = timezone.localdate()
    form = {
        "checked_on[day]": str(today.day),
        "checked_on[month]": str(today.month),
        "checked_on[year]": str(today.year),
        "checked_by": "Sam Jones",
        "findings": "",
        "actions": "",
    }
    form |= {f"item_{index}": outcome for index, outcome in enumerate(outcomes)}
    return form | more


def test_recording_a_result_through_its_page(client_for, member, owner, org):
    check = add_spot_check(org, owner, checklist="screen_locks", frequency=6)
    client = client_for(member)
    add_url = f"{BASE}{check.pk}/results/add/"
    page = text_of(client.get(add_url))
    assert "Record a result for 'Office clear desk'" in page and "Screens lock by themselves" in page

    mistaken = _result_form(check, [FINE, ACTION, ACTION, FINE, NA], findings="Two screens left open")
    response = client.post(add_url, mistaken)
    page = text_of(response)
    assert page.startswith("Error:") and "Say what will be done about the items that need action" in page
    assert "Two screens left open" in response.content.decode()
    assert re.search(r'name="item_1"[^>]*value="action"\s+checked|value="action"\s+checked', response.content.decode())
    assert not SpotCheckResult.objects.exists()

    response = client.post(add_url, mistaken | {"actions": "Remind staff; check again next week"}, follow=True)
    page = text_of(response)
    assert "Recorded the check of 'Office clear desk'" in page and "2 items need action" in page
    assert "Checked on" in page and "Needs action" in page and "Remind staff; check again next week" in page
    check.refresh_from_db()
    assert check.next_due == spot_checks.add_months(timezone.localdate(), 6)


def test_viewers_see_results_but_cannot_record_one(client_for, viewer, owner, org):
    check = add_spot_check(org, owner)
    spot_checks.record_result(check, owner, checked_on=timezone.localdate(), checked_by="Sam", outcomes=[FINE] * 4)
    client = client_for(viewer)
    page = text_of(client.get(f"{BASE}{check.pk}/"))
    assert "All fine" in page and "Record a result" not in page
    assert client.get(f"{BASE}{check.pk}/results/add/").status_code == 403


def test_overdue_checks_are_flagged_in_the_list_and_on_their_page(client_for, viewer, owner, org):
    today = timezone.localdate()
    late = add_spot_check(org, owner, title="Bins", next_due=today - datetime.timedelta(days=1))
    add_spot_check(org, owner, title="Screens", next_due=today)
    client = client_for(viewer)

    response = client.get(BASE)

    assert listed(response) == ["Bins", "Screens"]
    rows = response.content.decode().split("<tr")
    assert "Overdue" in next(row for row in rows if ">Bins<" in row)
    assert "Overdue" not in next(row for row in rows if ">Screens<" in row)
    assert "Overdue" in text_of(client.get(f"{BASE}{late.pk}/"))


def test_another_organisations_check_is_404(client_for, outsider, owner, org):
    check = add_spot_check(org, owner)
    client = client_for(outsider)
    url = f"/o/VX201/registers/spot-checks/{check.pk}/results/add/"
    assert client.get(url).status_code == 404
    assert client.post(url, _result_form(check, [FINE] * 4)).status_code == 404
    assert not SpotCheckResult.objects.exists()
