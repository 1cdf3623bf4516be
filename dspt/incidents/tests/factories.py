"""Incidents for tests, made through the register's own rules (entries.add)."""

import datetime

from django.utils import timezone

from dspt.incidents.spec import INCIDENTS
from dspt.registers import entries

INCIDENT = {
    "name": "Care plan left on the bus",
    "kind": "lost_or_stolen",
    "what_happened": "A folder with one person's care plan was left on the bus",
    "found_time": "09:15",
    "people_count": "1",
    "people_whose": "People we support",
    "data_involved": "Name, address, care needs",
    "likelihood": "possible",
    "severity": "significant",
    "ico_decision": "undecided",
    "status": "open",
}


def add_incident(organisation, user, **values):
    values = {"found_on": timezone.localdate() - datetime.timedelta(days=1)} | values
    return entries.add(INCIDENTS, organisation, user, INCIDENT | values)


EXAMPLES = {"incidents": lambda org, owner, made: add_incident(org, owner)}
