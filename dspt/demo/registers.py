"""Fictional register entries for the demo organisation, made through the registers' own rules."""

from dspt.registers import entries
from dspt.registers.specs import INFORMATION_ASSETS, PROCESSING_ACTIVITIES

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
        "retention": "3 years after care ends",
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
        "retention": "3 years after care ends",
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
        "retention": "3 years after care ends",
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


def fill(organisation, user) -> int:
    """Add the demo entries; returns how many."""
    assets = {values["name"]: entries.add(INFORMATION_ASSETS, organisation, user, values) for values in ASSETS}
    for values in ACTIVITIES:
        linked = [assets[name] for name in values["assets"]]
        entries.add(PROCESSING_ACTIVITIES, organisation, user, values | {"assets": linked})
    return len(ASSETS) + len(ACTIVITIES)
