"""Fictional register entries for the demo organisation, made through the registers' own rules."""

import datetime

from django.utils import timezone

from dspt.registers import entries, spot_checks
from dspt.registers.models import Certification, SpotCheckResult
from dspt.registers.specs import (
    INFORMATION_ASSETS,
    PROCESSING_ACTIVITIES,
    SPOT_CHECKS,
    SUPPLIERS,
    UNSUPPORTED_SOFTWARE,
)

ASSETS = [
    {
        "name": "Care plans",
        "asset_type": "paper",
        "owner": "Registered manager",
        "location": "Locked cabinet in the office",
        "personal_data": "Names, addresses, care needs, medication, next of kin",
        "data_subjects": "People we support, their relatives",
        "special_category": True,
        "data_format": "Paper files",
        "volume": "About 40 files",
        "access": "Care staff on shift, the registered manager",
        "retention": "8 years after care ends",
        "disposal": "Shredded on site",
        "risks": "Left out in the lounge: files go back in the cabinet after each use",
    },
    {
        "name": "Care planning app",
        "asset_type": "system",
        "owner": "Deputy manager",
        "location": "The supplier's cloud service (UK)",
        "personal_data": "Care notes, medication records, risk assessments",
        "data_subjects": "People we support",
        "special_category": True,
        "access": "Staff with their own sign-in",
        "retention": "8 years after care ends",
    },
    {
        "name": "Office laptop",
        "asset_type": "device",
        "owner": "Registered manager",
        "location": "Office, locked away at night",
        "personal_data": "Rotas, staff contact details, payroll spreadsheets",
        "data_subjects": "Staff",
        "special_category": False,
        "risks": "Theft: the disk is encrypted and the screen locks after 5 minutes",
    },
]
ACTIVITIES = [
    {
        "purpose": "Planning and delivering care",
        "people_categories": "People we support, their relatives",
        "data_categories": "Contact details, care needs, health, medication",
        "lawful_basis": "b",
        "special_category_condition": "h",
        "recipients": "GPs, district nurses, the local authority",
        "transfers_outside_uk": "no",
        "retention": "8 years after care ends",
        "security": "Two-factor sign-in to the care planning app; paper files locked away",
        "assets": ["Care plans", "Care planning app"],
    },
    {
        "purpose": "Employing and paying staff",
        "people_categories": "Staff",
        "data_categories": "Contact details, bank details, sickness records",
        "lawful_basis": "b",
        "special_category_condition": "b",
        "recipients": "Our payroll provider, HMRC",
        "transfers_outside_uk": "no",
        "retention": "6 years after employment ends",
        "assets": ["Office laptop"],
    },
]

UNSUPPORTED = [
    {
        "item": "Door-entry PC",
        "kind": "os",
        "version": "Windows 7",
        "where_used": "Front office",
        "supported_until": datetime.date(2020, 1, 14),
        "risk": "medium",
        "mitigation": "Runs the door-entry software only: no email, no browsing, on its own network",
        "plan": "Replace when the door system is upgraded",
        "plan_by_months": 9,
    },
    {
        "item": "Night staff tablet",
        "kind": "device",
        "version": "Android 10",
        "where_used": "Nurses' station",
        "supported_until_days": 20,
        "risk": "high",
        "mitigation": "Screen lock and encryption on; only the care app is installed",
        "plan": "Buy a new tablet from the equipment budget",
        "plan_by_months": 1,
    },
]
SUPPLIERS_LIST = [
    {
        "supplier": "Meadow Care Software Ltd",
        "service": "Care planning app",
        "contact": "support@meadowcare.example",
        "personal_data": "Care notes, medication records and risk assessments of people we support",
        "contract_clauses": "yes",
        "review_months": 8,
        "certifications": ["cyber_essentials_plus", "dspt"],
    },
    {
        "supplier": "Brightway IT Support",
        "service": "IT support for the office PCs and Wi-Fi",
        "contact": "01632 960 123",
        "personal_data": "Anything on the office PCs when they fix them",
        "contract_clauses": "not_sure",
        "review_days": 14,
        "certifications": ["cyber_essentials"],
    },
    {
        "supplier": "Secure Shred South",
        "service": "Confidential waste collection",
        "personal_data": "Paper records in the confidential bin",
        "contract_clauses": "yes",
        "review_months": 5,
        "certifications": ["iso_27001"],
        "notes": "Destruction certificates kept in the office file",
    },
]
SPOT_CHECKS_LIST = [
    {"title": "Office clear desk", "checklist": "clear_desk", "frequency": 3, "responsible": "Deputy manager"},
    {"title": "Nurses' station screens", "checklist": "screen_locks", "frequency": 3, "responsible": "Senior carer"},
    {
        "title": "Confidential waste bin",
        "checklist": "confidential_waste",
        "frequency": 6,
        "responsible": "Deputy manager",
    },
]


def _fill_more(organisation, user) -> int:
    today = timezone.localdate()
    for values in UNSUPPORTED:
        values = dict(values)
        if "supported_until_days" in values:
            values["supported_until"] = today + datetime.timedelta(days=values.pop("supported_until_days"))
        values["plan_by"] = spot_checks.add_months(today, values.pop("plan_by_months"))
        entries.add(UNSUPPORTED_SOFTWARE, organisation, user, values)
    for values in SUPPLIERS_LIST:
        values = dict(values)
        if "review_days" in values:
            values["contract_review"] = today + datetime.timedelta(days=values.pop("review_days"))
        else:
            values["contract_review"] = spot_checks.add_months(today, values.pop("review_months"))
        values["certifications"] = list(Certification.objects.filter(code__in=values["certifications"]))
        entries.add(SUPPLIERS, organisation, user, values)
    checks = [
        entries.add(SPOT_CHECKS, organisation, user, values | {"next_due": today - datetime.timedelta(days=10)})
        for values in SPOT_CHECKS_LIST
    ]
    fine, action = SpotCheckResult.FINE, SpotCheckResult.ACTION
    spot_checks.record_result(
        checks[0],
        user,
        checked_on=today - datetime.timedelta(days=40),
        checked_by="Deputy manager",
        outcomes=[fine, action, fine, fine],
        findings="A staff rota was left on the printer overnight",
        actions="Reminded staff at handover to collect printing at once; check again next month",
    )
    spot_checks.record_result(
        checks[1], user, checked_on=today - datetime.timedelta(days=5), checked_by="Senior carer", outcomes=[fine] * 5
    )
    return len(UNSUPPORTED) + len(SUPPLIERS_LIST) + len(SPOT_CHECKS_LIST)


def fill(organisation, user) -> int:
    """Add the demo entries; returns how many."""
    assets = {values["name"]: entries.add(INFORMATION_ASSETS, organisation, user, values) for values in ASSETS}
    for values in ACTIVITIES:
        linked = [assets[name] for name in values["assets"]]
        entries.add(PROCESSING_ACTIVITIES, organisation, user, values | {"assets": linked})
    return len(ASSETS) + len(ACTIVITIES) + _fill_more(organisation, user)
