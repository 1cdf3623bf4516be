"""`manage.py load_demo` (run by `make run`): fictional data in an empty database, and nothing in any other."""

import io

import pytest
from django.core.management import call_command

from dspt.accounts.models import User
from dspt.assessments import progress, rules
from dspt.organisations.models import OdsEntry, Organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_fills_an_empty_database_and_prints_how_to_sign_in(frameworks):
    output = load_demo()
    assert "Demo data loaded (26 assessment answers for VX101)" in output
    assert "manager@meadowbrook.example" in output and "demo-password-2026" in output
    assert set(Organisation.objects.values_list("ods_code", flat=True)) == {"VX101", "AX1Y"}
    assert OdsEntry.objects.filter(code="VX101").exists()
    home = Organisation.objects.get(ods_code="VX101")
    assert home.memberships.count() == 2
    assert home.profile.completed_at is not None
    assert progress.load(home.assessments.current()).status == rules.APPROACHING
    assert User.objects.get(email="manager@meadowbrook.example").check_password("demo-password-2026")


def test_running_it_again_changes_nothing_and_prints_the_details_again(frameworks):
    load_demo()
    counts = (User.objects.count(), Organisation.objects.count())
    output = load_demo()
    assert "Demo data loaded" not in output
    assert "manager@meadowbrook.example" in output
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_it_never_touches_a_database_with_real_people_in_it(frameworks):
    make_user("someone@real.example")
    output = load_demo()
    assert "already has people in it, so no demo data was loaded" in output
    assert not Organisation.objects.exists()


def test_without_question_sets_it_still_loads_people_and_organisations(db):
    assert "Demo data loaded (0 assessment answers for VX101)" in load_demo()
    assert Organisation.objects.count() == 2
