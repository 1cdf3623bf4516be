"""Register entries for tests, made through the registers' own rules (entries.add).

EXAMPLES gives, for each of this app's registers, a function making one entry for the walks (tests/conftest.py
register_entries): it gets the organisation, a member and the entries made so far (keyed by slug, in the index's
order), and returns the entry, or (entry, {"<int:name>": id}) when the register's own pages have further ids."""

import datetime

from django.utils import timezone

from dspt.registers import entries
from dspt.registers.models import Certification
from dspt.registers.models.suppliers import CERTIFICATIONS
from dspt.registers.specs import (
    INFORMATION_ASSETS,
    PROCESSING_ACTIVITIES,
    SPOT_CHECKS,
    SUPPLIERS,
    UNSUPPORTED_SOFTWARE,
)

ASSET = {
    "name": "Care plans",
    "asset_type": "paper",
    "owner": "Registered manager",
    "location": "Locked cabinet in the office",
    "personal_data": "Names, addresses, care needs",
    "data_subjects": "People we support",
    "special_category": True,
}
ACTIVITY = {
    "purpose": "Planning and delivering care",
    "people_categories": "People we support",
    "data_categories": "Care needs, medication",
    "lawful_basis": "b",
    "special_category_condition": "h",
    "transfers_outside_uk": "no",
}

UNSUPPORTED = {
    "item": "Door-entry PC",
    "kind": "os",
    "version": "Windows 7",
    "where_used": "Front office",
    "supported_until": datetime.date(2020, 1, 14),
    "risk": "medium",
    "mitigation": "Not used for email or browsing; on its own network",
    "plan": "Replace with the new door system",
}
SUPPLIER = {
    "supplier": "CarePlan Cloud Ltd",
    "service": "Care planning app",
    "personal_data": "Care notes of people we support",
    "contract_clauses": "yes",
}
SPOT_CHECK = {
    "title": "Office clear desk",
    "checklist": "clear_desk",
    "frequency": 3,
    "responsible": "Deputy manager",
}


def add_asset(organisation, user, **values):
    return entries.add(INFORMATION_ASSETS, organisation, user, ASSET | values)


def add_activity(organisation, user, **values):
    return entries.add(PROCESSING_ACTIVITIES, organisation, user, ACTIVITY | values)


def add_unsupported(organisation, user, **values):
    return entries.add(UNSUPPORTED_SOFTWARE, organisation, user, UNSUPPORTED | values)


def certifications(*codes):
    """The certifications with these codes (put back first if a test that flushes the database removed them)."""
    for code, name in CERTIFICATIONS:
        Certification.objects.get_or_create(code=code, defaults={"name": name})
    return list(Certification.objects.filter(code__in=codes))


def add_supplier(organisation, user, **values):
    return entries.add(SUPPLIERS, organisation, user, SUPPLIER | values)


def add_spot_check(organisation, user, **values):
    next_due = timezone.localdate() + datetime.timedelta(days=60)
    return entries.add(SPOT_CHECKS, organisation, user, SPOT_CHECK | {"next_due": next_due} | values)


EXAMPLES = {
    "information-assets": lambda org, owner, made: add_asset(org, owner),
    "processing-activities": lambda org, owner, made: add_activity(org, owner, assets=[made["information-assets"]]),
    "unsupported-software": lambda org, owner, made: add_unsupported(org, owner),
    "suppliers": lambda org, owner, made: add_supplier(
        org, owner, certifications=certifications("cyber_essentials", "iso_27001")
    ),
    "spot-checks": lambda org, owner, made: add_spot_check(org, owner),
}
