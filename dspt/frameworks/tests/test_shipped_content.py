"""The question banks we ship (content/frameworks/*.yaml) validate, load, and say what the README says."""

from datetime import date

import pytest

from dspt.frameworks.changes import change_map
from dspt.frameworks.loader import load_shipped, resolve_minimum, shipped_files, validate
from dspt.frameworks.models import Question
from dspt.frameworks.validation import GROUP_SLUGS

YEARS = ["2024-25", "2025-26", "2026-27"]


@pytest.fixture
def shipped(db):
    return load_shipped()


def _refs(version, *levels):
    return set(version.questions.filter(level__in=levels).values_list("ref", flat=True))


def test_every_file_is_shipped_and_validates_on_its_own():
    assert [path.stem for path in shipped_files()] == YEARS
    assert [len(validate(path).questions) for path in shipped_files()] == [51, 54, 54]


def test_they_load_in_year_order(shipped):
    assert list(shipped) == YEARS
    assert shipped["2026-27"].previous == shipped["2025-26"]
    assert shipped["2025-26"].previous == shipped["2024-25"]
    assert shipped["2024-25"].previous is None
    assert [version.questions.count() for version in shipped.values()] == [51, 54, 54]


def test_2026_27_is_provisional_2025_26_unchanged(shipped):
    """The national 2026-27 set is not out yet: the year opens provisionally with 2025-26's questions."""
    provisional, previous = shipped["2026-27"], shipped["2025-26"]
    assert provisional.provisional and not previous.provisional
    assert provisional.published_on == date(2026, 9, 1) and provisional.deadline == date(2027, 6, 30)
    fields = ("ref", "text", "level", "answer_type", "rules", "guidance", "group__slug")
    assert list(provisional.questions.values_list(*fields)) == list(previous.questions.values_list(*fields))
    assert set(provisional.questions.values_list("change_status", flat=True)) == {Question.UNCHANGED}


@pytest.mark.parametrize(
    ("year", "approaching", "met_only", "optional", "unconfirmed"),
    [("2024-25", 26, 17, 8, 15), ("2025-26", 26, 19, 9, 15)],
)
def test_the_counts_match_the_readme(shipped, year, approaching, met_only, optional, unconfirmed):
    version = shipped[year]
    assert len(_refs(version, Question.LEVEL_APPROACHING)) == approaching
    assert len(_refs(version, Question.LEVEL_MET)) == met_only
    assert len(_refs(version, Question.LEVEL_OPTIONAL)) == optional
    assert version.questions.filter(level_confirmed=False).count() == unconfirmed


def test_standards_met_is_43_then_45(shipped):
    met = {year: _refs(shipped[year], Question.LEVEL_APPROACHING, Question.LEVEL_MET) for year in YEARS}
    assert (len(met["2024-25"]), len(met["2025-26"])) == (43, 45)
    assert "4.5.3" in met["2024-25"] and "4.5.3" in met["2025-26"]
    assert met["2025-26"] - met["2024-25"] == {"4.3.1", "7.1.1"}
    assert met["2024-25"] <= met["2025-26"]


def test_training_share_minimum_comes_from_thresholds(shipped):
    for version in shipped.values():
        question = version.questions.get(ref="3.2.1")
        assert question.answer_type == Question.PERCENTAGE
        assert question.rules["minimum"] == "@training_share_percent"
        assert resolve_minimum(question) == 95


def test_dates(shipped):
    assert (shipped["2024-25"].deadline, shipped["2025-26"].deadline) == (date(2025, 6, 30), date(2026, 6, 30))
    assert (shipped["2024-25"].version, shipped["2025-26"].version) == ("v7", "v8")


def test_four_groups_in_order_each_with_questions(shipped):
    for version in shipped.values():
        groups = list(version.groups.all())
        assert [group.slug for group in groups] == list(GROUP_SLUGS)
        assert all(group.questions.exists() for group in groups)
        assert list(version.standards.values_list("number", flat=True)) == list(range(1, 11))


def test_every_previous_ref_of_2025_26_is_a_2024_25_question(shipped):
    previous_refs = set(shipped["2025-26"].questions.exclude(previous_ref="").values_list("previous_ref", flat=True))
    assert previous_refs <= set(shipped["2024-25"].questions.values_list("ref", flat=True))
    assert len(previous_refs) == 51


def test_the_changes_are_the_ones_the_readme_lists(shipped, django_assert_num_queries):
    with django_assert_num_queries(3):
        changes = change_map(shipped["2025-26"])
    by_status = {}
    for ref, entry in changes.items():
        by_status.setdefault(entry.status, set()).add(ref)
    assert by_status["new"] == {"7.1.5", "7.1.6", "8.3.8"}
    assert by_status["reworded"] == {
        *("4.3.1", "7.1.1"),  # level changes
        *("1.1.3", "1.1.5", "1.3.1"),  # wording
        *("1.3.6", "3.2.1", "4.4.1", "7.1.2", "7.3.4", "10.2.2"),  # help text
    }
    assert changes.removed == []
    assert all(entry.previous.ref == ref for ref, entry in changes.items() if entry.previous)


def test_every_standards_met_question_suggests_an_action_for_the_action_plan(shipped):
    for year, framework in shipped.items():
        without = [q.ref for q in framework.questions.filter(level=Question.LEVEL_MET) if not q.guidance.get("action")]
        assert without == [], year
