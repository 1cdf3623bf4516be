"""The DPIA's rules: screening decides, risks keep their history, sign-off waits until everything is done."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from dspt.dpias import evidence, risks, screening, signoff
from dspt.dpias.models import Dpia
from dspt.dpias.tests.factories import RISK, add_dpia, ready_dpia, signed_dpia
from dspt.history.models import ChangeRecord

pytestmark = pytest.mark.django_db
SIGN = {"name": "Priya Shah", "role": "DPO", "on": datetime.date(2026, 3, 27), "outcome": "approved"}


def test_screening_decides_whether_a_dpia_is_needed():
    assert screening.decide(["monitoring"]).needed
    assert screening.decide(["monitoring", "vulnerable"]).reason.endswith(
        "including information about vulnerable people."
    )
    assert not screening.decide([]).needed
    alone = screening.decide(["vulnerable"])
    assert not alone.needed and "on its own" in alone.reason


def test_screening_is_recorded_with_labels_and_sets_the_status(org, owner):
    dpia = add_dpia(org, owner)
    assert dpia.status == Dpia.SCREENING

    dpia = screening.record(dpia, owner, ["monitoring", "new_technology"], "CCTV in the lounge")

    assert (dpia.status, dpia.dpia_needed, dpia.screening_answers) == (
        "in_progress",
        True,
        ["new_technology", "monitoring"],
    )
    change = ChangeRecord.objects.filter(object_id=str(dpia.pk)).first()
    assert change.changes["Status"] == [None, "In progress"]
    assert "Watches or tracks people as a matter of routine" in change.changes["Screening: statements that apply"][1]

    dpia = screening.record(dpia, owner, [], "")
    assert (dpia.status, dpia.dpia_needed) == ("not_needed", False)
    latest = ChangeRecord.objects.filter(object_id=str(dpia.pk)).first()
    assert latest.changes["Status"] == ["In progress", "Not needed"]
    assert latest.changes["Screening: statements that apply"][1] == "None of these"


def test_risks_are_scored_and_every_change_is_in_the_dpias_history(org, owner):
    dpia = screening.record(add_dpia(org, owner), owner, ["monitoring"])
    risk = risks.add(dpia, owner, RISK)
    assert (risk.score, risk.residual_score) == ("high", "low")

    risks.change(risk, owner, RISK | {"residual_likelihood": "probable"})
    risks.change(risk, owner, RISK | {"residual_likelihood": "probable"})  # nothing new: nothing recorded
    records = list(ChangeRecord.objects.filter(object_id=str(dpia.pk)))
    assert records[0].changes == {
        "Risk 'A work phone is lost with care plans on it': likelihood afterwards": ["Remote", "More likely than not"],
        "Risk 'A work phone is lost with care plans on it': overall risk afterwards": ["Low", "High"],
    }
    assert records[1].changes["Risk 'A work phone is lost with care plans on it': overall risk"] == [None, "High"]

    risks.remove(risk, owner)
    gone = ChangeRecord.objects.filter(object_id=str(dpia.pk)).first().changes
    assert gone["Risk 'A work phone is lost with care plans on it': description"][1] is None
    assert not dpia.risks.exists()


def test_a_risk_needs_every_answer(org, owner):
    dpia = add_dpia(org, owner)
    with pytest.raises(ValidationError) as invalid:
        risks.add(dpia, owner, RISK | {"mitigation": " ", "severity": ""})
    assert set(invalid.value.message_dict) == {"mitigation", "severity"}
    assert not dpia.risks.exists()


def test_sign_off_waits_for_screening_sections_and_risks(org, owner):
    dpia = add_dpia(org, owner, necessity="")
    assert signoff.problems(dpia) == [("screening", "Answer the screening questions first")]
    dpia = screening.record(dpia, owner, ["monitoring"])
    assert [step for step, _ in signoff.problems(dpia)] == ["necessity", "risks"]
    with pytest.raises(ValidationError, match="Fill in the necessity and proportionality"):
        signoff.sign_off(dpia, owner, **SIGN)
    assert Dpia.objects.get(pk=dpia.pk).status == Dpia.IN_PROGRESS


def test_a_high_risk_left_over_needs_the_ico_first(org, owner):
    dpia = ready_dpia(org, owner)
    risks.add(dpia, owner, RISK | {"residual_likelihood": "probable", "residual_severity": "severe"})
    with pytest.raises(ValidationError, match="talk to the ICO"):
        signoff.sign_off(dpia, owner, **SIGN)

    signed = signoff.sign_off(dpia, owner, **SIGN, ico_consulted=True)

    assert (signed.status, signed.ico_consulted, signed.signed_off_by) == ("signed_off", True, "Priya Shah")
    change = ChangeRecord.objects.filter(object_id=str(dpia.pk)).first().changes
    assert change["Status"] == ["In progress", "Signed off"] and change["Signed off on"] == [None, "27 March 2026"]


def test_no_sign_off_when_the_screening_says_no_dpia_is_needed(org, owner):
    dpia = screening.record(add_dpia(org, owner), owner, ["vulnerable"])
    assert "does not need a DPIA" in signoff.problems(dpia)[0][1]


def test_the_dpo_is_suggested_to_sign_then_the_ig_lead(org):
    org.profile.dpo_name, org.profile.dpo_title = "", ""
    org.profile.ig_lead_name, org.profile.ig_lead_title = "Sam Jones", ""
    assert signoff.suggested_signer(org) == ("Sam Jones", "Information governance lead")
    org.profile.dpo_name, org.profile.dpo_title = "Priya Shah", "DPO (outsourced)"
    assert signoff.suggested_signer(org) == ("Priya Shah", "DPO (outsourced)")


def test_reviews_falling_due_and_the_pack_section(org, owner):
    today = datetime.date(2026, 12, 1)
    dpia = signed_dpia(org, owner, review_date=datetime.date(2026, 11, 1))
    add_dpia(org, owner, name="CCTV in the car park")

    (due,) = evidence.reviews_due(org, today)
    assert due.is_overdue(today) and due.title == f"Review of the DPIA '{dpia.title}'" and due.refs == ("1.3.8",)
    section = evidence.pack_section(org, today)
    assert section.summary == "2 DPIAs on record, 1 signed off."
    assert section.rows == [
        ("CCTV in the car park", "Screening not done"),
        (dpia.title, "Signed off, approved on 27 March 2026 by Priya Shah, review by 1 November 2026 (overdue)"),
    ]


def test_the_demo_dpias_go_through_the_rules(org, owner):
    from dspt.demo import dpias as demo

    assert demo.fill(org, owner) == 3
    statuses = sorted(Dpia.objects.filter(organisation=org).values_list("status", flat=True))
    assert statuses == ["in_progress", "not_needed", "signed_off"]
    assert len(evidence.reviews_due(org, datetime.date.today())) == 1


def test_changing_the_risks_after_sign_off_needs_a_new_sign_off(org, owner):
    dpia = signed_dpia(org, owner)
    assert dpia.status == Dpia.SIGNED_OFF
    risks.add(dpia, owner, RISK | {"description": "Leavers keep their app accounts"})
    dpia.refresh_from_db()
    assert dpia.status == Dpia.IN_PROGRESS
    record = ChangeRecord.objects.filter(object_id=str(dpia.pk)).order_by("-pk").first()
    assert record.changes["Status"] == ["Signed off", risks.REOPENED]
    assert signoff.sign_off(dpia, owner, **SIGN_ARGS).status == Dpia.SIGNED_OFF  # and it can be signed off again


SIGN_ARGS = {"name": "Priya Shah", "role": "DPO", "on": datetime.date(2026, 3, 28), "outcome": "approved"}
