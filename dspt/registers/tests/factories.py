"""Register entries for tests, made through the registers' own rules (entries.add).

EXAMPLES gives, for each of this app's registers, a function making one entry for the walks (tests/conftest.py
register_entries): it gets the organisation, a member and the entries made so far (keyed by slug, in the index's
order), and returns the entry, or (entry, {"<int:name>": id}) when the register's own pages have further ids."""

from dspt.registers import entries
from dspt.registers.specs import INFORMATION_ASSETS, PROCESSING_ACTIVITIES

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


def add_asset(organisation, user, **values):
    return entries.add(INFORMATION_ASSETS, organisation, user, ASSET | values)


def add_activity(organisation, user, **values):
    return entries.add(PROCESSING_ACTIVITIES, organisation, user, ACTIVITY | values)


EXAMPLES = {
    "information-assets": lambda org, owner, made: add_asset(org, owner),
    "processing-activities": lambda org, owner, made: add_activity(org, owner, assets=[made["information-assets"]]),
}
