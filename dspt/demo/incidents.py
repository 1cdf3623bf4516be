"""Fictional incidents for the demo organisation, made through the incident register's own rules: one near miss,
one reported to the ICO on time, and one found yesterday whose ICO clock is running."""

import datetime

from django.utils import timezone

from dspt.incidents.spec import INCIDENTS
from dspt.registers import entries


def _incidents(today: datetime.date) -> list[dict]:
    return [
        {
            "name": "Scam email about a parcel",
            "kind": "scam_email",
            "what_happened": "A carer clicked a link in an email saying a parcel was waiting, and was asked to "
            "sign in. She stopped before typing her password and told the manager.",
            "happened_on": today - datetime.timedelta(days=120),
            "found_on": today - datetime.timedelta(days=120),
            "found_time": "10:40",
            "found_by": "Care worker",
            "people_count": "0",
            "data_involved": "None: no password was given",
            "likelihood": "not_likely",
            "severity": "none",
            "ico_decision": "no",
            "ico_reason": "A near miss: no personal data was seen or lost",
            "actions": "Reported the email to report@phishing.gov.uk and deleted it from every inbox",
            "lessons": "Staff know to stop and ask: the scam email sheet is now on the office wall",
            "status": "closed",
        },
        {
            "name": "Care plan left on the bus",
            "kind": "lost_or_stolen",
            "what_happened": "A folder with one person's care plan was left on the bus after a home visit.",
            "happened_on": today - datetime.timedelta(days=45),
            "found_on": today - datetime.timedelta(days=45),
            "found_time": "17:20",
            "found_by": "Care worker",
            "people_count": "1",
            "people_whose": "People we support",
            "data_involved": "Name, address, care needs, medication",
            "likelihood": "possible",
            "severity": "significant",
            "ico_decision": "yes",
            "ico_reason": "Health information about a named person, and the folder was not found",
            "ico_reported_on": today - datetime.timedelta(days=44),
            "ico_reported_time": "11:05",
            "ico_reference": "IC-000000-DEMO",
            "toolkit_reported": True,
            "toolkit_reported_on": today - datetime.timedelta(days=44),
            "people_told": True,
            "actions": "Called the bus company's lost property; told the person and their daughter; the manager "
            "signed off the actions",
            "lessons": "Care plans stay in the person's home; staff read them in the care app on visits",
            "status": "closed",
        },
        {
            "name": "Rota emailed to the wrong address",
            "kind": "wrong_person",
            "what_happened": "Next week's rota, with staff phone numbers, was emailed to a former employee.",
            "found_on": today - datetime.timedelta(days=1),
            "found_time": "09:30",
            "found_by": "Deputy manager",
            "people_count": "14",
            "people_whose": "Staff",
            "data_involved": "Names, phone numbers, shift times",
            "likelihood": "not_likely",
            "severity": "minor",
            "ico_decision": "undecided",
            "actions": "Asked the former employee to delete it; they confirmed by text",
            "status": "open",
        },
    ]


def fill(organisation, user) -> int:
    """Add the demo incidents; returns how many."""
    found = _incidents(timezone.localdate())
    for values in found:
        entries.add(INCIDENTS, organisation, user, values)
    return len(found)
