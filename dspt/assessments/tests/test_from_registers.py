"""Questions offer what the registers already say: a suggested answer (rule from_register), the registers that
evidence the question, and evidence going out of date."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from dspt.registers import hooks
from dspt.registers.tests.factories import add_asset

pytestmark = pytest.mark.django_db
URL = "/o/VX101/assessment/2025-26/q/{}/"


@pytest.fixture
def staff_register(monkeypatch):
    """A stand-in for the staff training register's suggestion, so these tests do not depend on that app."""
    made = []

    def build(organisation, today):
        made.append((organisation.ods_code, today))
        return hooks.Suggestion(96, "24 of 25 staff trained in the last 12 months (96%)", "/somewhere/")

    monkeypatch.setitem(hooks._suggestions, "training_share", build)
    return made


@pytest.mark.parametrize(("value", "shown"), [(Decimal("95.00"), "95"), (Decimal("94.50"), "94.5"), (96, 96)])
def test_a_suggested_percentage_reads_as_people_write_it(frameworks, value, shown):
    from dspt.assessments import from_registers

    question = frameworks["2025-26"].questions.get(ref="3.2.1")
    found = hooks.Suggestion(value, "from the register", "/x/")
    assert str(from_registers.initial(question, found)["answer"]) == str(shown)


def test_an_unanswered_question_starts_with_the_registers_answer_and_says_where_it_came_from(
    client_for, owner, assessment, staff_register
):
    client = client_for(owner)
    page = client.get(URL.format("3.2.1")).content.decode()
    assert 'value="96"' in page
    assert "We have filled in your answer from your registers" in page
    assert "24 of 25 staff trained in the last 12 months (96%)" in page
    assert staff_register and staff_register[0][0] == "VX101"
    assert not assessment.answers.exists()  # offered, not saved
    # The person confirms by saving; once answered the saved answer shows, and the register's figure beside it
    client.post(URL.format("3.2.1"), {"answer": "90", "version": "0"})
    page = client.get(URL.format("3.2.1")).content.decode()
    assert 'value="90.00"' in page or 'value="90"' in page
    assert "We have filled in your answer" not in page
    assert "Your registers say" in page


def test_a_question_without_the_rule_is_not_filled_in(client_for, owner, assessment, staff_register):
    page = client_for(owner).get(URL.format("1.1.6")).content.decode()
    assert "from your registers" not in page and not staff_register


def test_the_registers_that_evidence_a_question_are_listed_with_their_entries(client_for, owner, org, assessment):
    client = client_for(owner)
    page = client.get(URL.format("1.1.2")).content.decode()
    assert "Your evidence for this" in page
    assert "Information Asset Register</a>: Nothing recorded yet" in page
    add_asset(org, owner)
    page = client.get(URL.format("1.1.2")).content.decode()
    assert "Information Asset Register</a>: 1 entry" in page
    assert 'href="/o/VX101/registers/information-assets/"' in page


def test_evidence_going_out_of_date_is_flagged_on_the_questions_it_evidences(
    client_for, owner, assessment, monkeypatch
):
    today = datetime.date.today()
    soon = hooks.Due("Training for Sam Jones", today + datetime.timedelta(days=10), "/x/", refs=("3.2.1",))
    later = hooks.Due("Training for Ali Khan", today + datetime.timedelta(days=200), "/y/", refs=("3.2.1",))
    monkeypatch.setitem(hooks._freshness, "test", (lambda organisation, day: [soon, later], None))
    client = client_for(owner)
    page = client.get(URL.format("3.2.1")).content.decode()
    assert "Going out of date" in page and "Training for Sam Jones" in page
    assert "Training for Ali Khan" not in page  # not due within the warning period
    assert "Going out of date" not in client.get(URL.format("1.1.6")).content.decode()


def test_a_question_set_may_name_a_suggestion_only_by_a_plain_name(tmp_path):
    from dspt.frameworks import validation
    from dspt.frameworks.loader import FrameworkError

    data = yaml.safe_load(Path("content/frameworks/2024-25.yaml").read_text())
    data["questions"][0]["from_register"] = "Training Share!"
    path = tmp_path / "2024-25.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(FrameworkError, match=r"question 1\.1\.1: from_register: must be a suggestion's name"):
        validation.validate(path)


def test_the_home_page_lists_evidence_going_out_of_date_soonest_first(client_for, owner, assessment, monkeypatch):
    today = datetime.date.today()
    items = [
        hooks.Due("Contract review: Acme Care Systems", today + datetime.timedelta(days=20), "/a/"),
        hooks.Due("Training for Sam Jones", today - datetime.timedelta(days=3), "/b/"),
        hooks.Due("Fire drill records", today + datetime.timedelta(days=90), "/c/"),
    ]
    monkeypatch.setitem(hooks._freshness, "test", (lambda organisation, day: items, None))
    page = client_for(owner).get("/o/VX101/").content.decode()
    assert "Evidence going out of date" in page
    assert "1 out of date and 1 due in the next 30 days" in page
    assert page.index("Training for Sam Jones") < page.index("Contract review: Acme Care Systems")
    assert "Fire drill records" not in page
    monkeypatch.setitem(hooks._freshness, "test", (lambda organisation, day: [], None))
    assert "Evidence going out of date" not in client_for(owner).get("/o/VX101/").content.decode()
