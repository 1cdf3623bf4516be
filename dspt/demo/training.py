"""Fictional staff for the demo organisation's training register, made through the registers' own rules: twenty
people, nineteen trained in the last 12 months (95%, just meeting the expectation), one out of date, one leaver."""

import datetime

from django.utils import timezone

from dspt.registers import entries
from dspt.training.spec import STAFF_TRAINING

FIRST = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Iris", "Jay"]
LAST = ["Okafor", "Hughes", "Patel", "Walsh", "Nowak", "Bell", "Khan", "Reid", "Lloyd", "Evans"]
ROLES = ["Care worker", "Senior care worker", "Night care worker", "Cook", "Activities coordinator", "Bank care worker"]
COURSES = ["Data Security Awareness e-learning", "Data protection discussion tool and quiz"]


def fill(organisation, user) -> int:
    today = timezone.localdate()
    made = 0
    for number in range(20):
        trained = today - datetime.timedelta(days=420 if number == 19 else 15 + number * 17)
        values = {
            "name": f"{FIRST[number % 10]} {LAST[(number * 3 + number // 10) % 10]}",
            "job_role": "Registered manager" if number == 0 else ROLES[number % len(ROLES)],
            "started_on": today - datetime.timedelta(days=500 + number * 41),
            "training_completed_on": trained,
            "training_course": COURSES[number % 2],
            "confidentiality_confirmed_on": today - datetime.timedelta(days=480 + number * 41),
            "policy_read_on": trained,
        }
        entries.add(STAFF_TRAINING, organisation, user, values)
        made += 1
    entries.add(
        STAFF_TRAINING,
        organisation,
        user,
        {
            "name": "Kit Morgan",
            "job_role": "Care worker",
            "started_on": today - datetime.timedelta(days=900),
            "left_on": today - datetime.timedelta(days=60),
            "training_completed_on": today - datetime.timedelta(days=300),
        },
    )
    return made + 1
