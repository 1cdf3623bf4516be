"""A typical staff spreadsheet imports into the register through the generic import, and a bad row stops it."""

import datetime

import pytest

from dspt.registers import importing
from dspt.registers.spreadsheets import Table
from dspt.training.spec import STAFF_TRAINING

pytestmark = pytest.mark.django_db

HEADINGS = ["Name", "Job role", "Started on", "Data security training completed on", "Course or provider", "Left on"]


def test_a_typical_staff_list_imports_with_dates_as_people_type_them(org, member):
    table = Table(
        HEADINGS,
        [
            (2, ["Amara Okafor", "Senior care worker", "04/01/2021", "27/03/2026", "E-learning", ""]),
            (3, ["Ben Hughes", "Night care worker", "3 March 2024", "3 March 2026", "", ""]),
            (4, ["Chloe Patel", "Bank care worker", "", "", "", ""]),
            (5, ["Dev Walsh", "Cook", "2019-06-01", "2025-02-01", "Quiz", "31/10/2026"]),
        ],
    )

    outcome = importing.run(STAFF_TRAINING, org, member, table, dry_run=False)

    assert outcome.problems == [] and len(outcome.added) == 4
    dev = STAFF_TRAINING.entries(org).get(name="Dev Walsh")
    assert dev.left_on == datetime.date(2026, 10, 31) and dev.started_on == datetime.date(2019, 6, 1)
    assert STAFF_TRAINING.entries(org).get(name="Ben Hughes").training_completed_on == datetime.date(2026, 3, 3)


def test_a_training_date_in_the_future_is_named_by_row_and_nothing_is_imported(org, member):
    future = (datetime.date.today() + datetime.timedelta(days=40)).strftime("%d/%m/%Y")
    table = Table(
        HEADINGS,
        [(2, ["Amara Okafor", "Carer", "", "27/03/2026", "", ""]), (3, ["Ben Hughes", "Carer", "", future, "", ""])],
    )

    outcome = importing.run(STAFF_TRAINING, org, member, table, dry_run=False)

    assert [(problem.row, problem.column) for problem in outcome.problems] == [
        (3, "Data security training completed on")
    ]
    assert not STAFF_TRAINING.entries(org).exists()


def test_the_template_example_row_is_a_valid_member_of_staff(client_for, viewer):
    assert set(STAFF_TRAINING.examples) == set(STAFF_TRAINING.fields)
    response = client_for(viewer).get("/o/VX101/registers/staff-training/template.xlsx")
    assert response.status_code == 200
