"""Fictional DPIAs for the demo organisation, made through the DPIA's own rules: one signed off, one in progress
and one screened out."""

import datetime

from django.utils import timezone

from dspt.dpias import risks, screening, signoff
from dspt.dpias.register import DPIAS
from dspt.registers import entries


def fill(organisation, user) -> int:
    """Add the demo DPIAs; returns how many."""
    today = timezone.localdate()
    care_app = entries.add(
        DPIAS,
        organisation,
        user,
        {
            "name": "Moving to a digital care planning system",
            "description": "Care plans, daily notes and medication records of the people we support move from "
            "paper files to the supplier's app. Care staff use it on work phones; the office uses it on the "
            "laptop. The supplier hosts it in the UK.",
            "necessity": "Staff need the current care plan on every visit, and medication errors fall when records "
            "are typed once. The app holds no more than the paper files did, and people are told in our privacy "
            "notice.",
            "consultation": "People we support and their families (at the spring meeting), care staff, the "
            "supplier and our DPO.",
            "review_date": today + datetime.timedelta(days=20),
        },
    )
    care_app = screening.record(care_app, user, ["special_category", "new_technology", "vulnerable"])
    risks.add(
        care_app,
        user,
        {
            "description": "A work phone is lost or stolen with care plans on it",
            "likelihood": "possible",
            "severity": "severe",
            "mitigation": "Phones locked with a PIN, the app signs out after 5 minutes, phones can be wiped remotely",
            "residual_likelihood": "remote",
            "residual_severity": "significant",
            "measure_approved": True,
        },
    )
    risks.add(
        care_app,
        user,
        {
            "description": "Staff who have left can still sign in",
            "likelihood": "possible",
            "severity": "significant",
            "mitigation": "Accounts closed on the last day, as part of the leavers' checklist",
            "residual_likelihood": "remote",
            "residual_severity": "significant",
            "measure_approved": True,
        },
    )
    signoff.sign_off(
        care_app,
        user,
        name="Priya Shah",
        role="Data Protection Officer",
        on=today - datetime.timedelta(days=340),
        outcome="conditions",
        comments="Check the leavers' checklist is followed at the six-month review",
    )

    cctv = entries.add(
        DPIAS,
        organisation,
        user,
        {
            "name": "CCTV in the car park",
            "description": "Two cameras cover the car park and the front door, recording for 30 days.",
        },
    )
    screening.record(cctv, user, ["monitoring", "invisible"], "Visitors and staff are filmed")

    rota = entries.add(DPIAS, organisation, user, {"name": "New shared rota spreadsheet"})
    screening.record(rota, user, [], "Only staff names and shifts, as in the paper rota it replaces")
    return 3
