"""The status rule: example tables and properties that must hold for any set of questions and answers."""

import datetime
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dspt.assessments import rules
from dspt.assessments.rules import APPROACHING, EXCEEDED, MET, NOT_MET, AnswerState

TODAY = datetime.date(2026, 3, 15)
THRESHOLDS = {"training_share_percent": 95}


@dataclass(frozen=True)
class Q:
    ref: str
    level: str
    answer_type: str = "yes_no"
    rules: dict = field(default_factory=lambda: {"acceptable": ["yes"]})
    change_status: str = ""


def yes():
    return AnswerState({"choice": "yes"})


def no():
    return AnswerState({"choice": "no", "explanation": "not yet"})


SET = [Q("1.1.1", "approaching"), Q("1.1.2", "approaching"), Q("3.2.1", "met"), Q("9.2.1", "optional")]


@pytest.mark.parametrize(
    ("answers", "ce_plus", "expected"),
    [
        ({}, False, NOT_MET),
        ({"1.1.1": yes()}, False, NOT_MET),
        ({"1.1.1": yes(), "1.1.2": no()}, False, NOT_MET),
        ({"1.1.1": yes(), "1.1.2": yes()}, False, APPROACHING),
        ({"1.1.1": yes(), "1.1.2": yes()}, True, APPROACHING),
        ({"1.1.1": yes(), "1.1.2": yes(), "3.2.1": no()}, False, APPROACHING),
        ({"1.1.1": yes(), "1.1.2": yes(), "3.2.1": yes()}, False, MET),
        ({"1.1.1": yes(), "1.1.2": yes(), "3.2.1": yes(), "9.2.1": no()}, False, MET),
        ({"1.1.1": yes(), "1.1.2": yes(), "3.2.1": yes()}, True, EXCEEDED),
        ({"1.1.2": yes(), "3.2.1": yes(), "9.2.1": yes()}, True, NOT_MET),
        ({"1.1.1": AnswerState({"choice": "yes"}, is_draft=True), "1.1.2": yes(), "3.2.1": yes()}, False, NOT_MET),
    ],
)
def test_status_table(answers, ce_plus, expected):
    assert rules.status(SET, answers, THRESHOLDS, TODAY, ce_plus) == expected


@pytest.mark.parametrize(
    ("question", "value", "ok", "reason"),
    [
        (Q("a", "met", "confirm", {}), {"confirmed": True}, True, ""),
        (Q("a", "met", "confirm", {}), {"confirmed": False}, False, "Not confirmed"),
        (Q("a", "met", "yes_no", {"acceptable": ["yes"]}), {"choice": "no"}, False, "The answer is 'No'"),
        (
            Q("a", "met", "yes_no", {"acceptable": ["yes"], "not_applicable_allowed": True}),
            {"not_applicable": True},
            True,
            "",
        ),
        (Q("a", "met", "yes_no", {"acceptable": ["yes"]}), {"not_applicable": True}, False, "Not answered yet"),
        (Q("a", "met", "text", {"min_length": 10}), {"text": "short"}, False, "too short"),
        (Q("a", "met", "text", {"min_length": 10}), {"text": "long enough answer"}, True, ""),
        (
            Q("a", "met", "percentage", {"minimum": "@training_share_percent"}),
            {"number": "94.9"},
            False,
            "94.9% is below the 95% needed",
        ),
        (Q("a", "met", "percentage", {"minimum": "@training_share_percent"}), {"number": "95"}, True, ""),
        (Q("a", "met", "number", {"minimum": 1}), {"number": "0"}, False, "below"),
        (Q("a", "met", "date", {"max_age_months": 12}), {"date": "2025-03-15"}, True, ""),
        (Q("a", "met", "date", {"max_age_months": 12}), {"date": "2025-03-14"}, False, "more than 12 months ago"),
        (Q("a", "met", "date", {}), {"date": "2026-03-16"}, False, "in the future"),
        (Q("a", "met", "ico_number", {}), {"ico": "ZA123456"}, True, ""),
        (Q("a", "met", "ico_number", {}), {"ico": "123"}, False, "not in the right format"),
        (
            Q(
                "a",
                "met",
                "choice",
                {
                    "acceptable": ["all"],
                    "choices": [{"value": "all", "label": "All of them"}, {"value": "some", "label": "Some"}],
                },
            ),
            {"choice": "some"},
            False,
            "The answer is 'Some'",
        ),
        (Q("a", "met", "document", {}), {"location": "Blue folder in the office"}, True, ""),
        (Q("a", "met", "document", {}), {"link": ""}, False, "Not answered yet"),
    ],
)
def test_what_counts_per_answer_type(question, value, ok, reason):
    verdict = rules.check(question, AnswerState(value), THRESHOLDS, TODAY)
    assert verdict.ok is ok
    assert reason in verdict.reason
    if not ok:
        assert verdict.fix


def test_an_uploaded_file_answers_a_document_question():
    question = Q("a", "met", "document", {})
    assert rules.check(question, AnswerState({}, file_count=1), THRESHOLDS, TODAY).ok


def test_a_carried_over_answer_that_must_be_reviewed_counts_only_after_review():
    question = Q("a", "met")
    must_review = AnswerState({"choice": "yes"}, needs_review=True, counts_only_after_review=True)
    assert not rules.check(question, must_review, THRESHOLDS, TODAY).ok
    to_confirm = AnswerState({"choice": "yes"}, needs_review=True)
    assert rules.check(question, to_confirm, THRESHOLDS, TODAY).ok


def test_cyber_essentials_plus_counts_for_12_months():
    assert rules.cyber_essentials_plus_current("yes", datetime.date(2025, 3, 15), TODAY)
    assert not rules.cyber_essentials_plus_current("yes", datetime.date(2025, 3, 14), TODAY)
    assert not rules.cyber_essentials_plus_current("not_sure", datetime.date(2026, 1, 1), TODAY)
    assert not rules.cyber_essentials_plus_current("yes", None, TODAY)


def test_months_before_handles_short_months():
    assert rules.months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert rules.months_before(datetime.date(2024, 2, 29), 12) == datetime.date(2023, 2, 28)


# ---- properties --------------------------------------------------------------------------------------

levels = st.sampled_from(["approaching", "met", "optional"])
answer_states = st.one_of(
    st.none(),
    st.sampled_from(["yes", "no"]).map(lambda c: AnswerState({"choice": c})),
    st.just(AnswerState({"choice": "yes"}, is_draft=True)),
)


@st.composite
def assessments(draw):
    count = draw(st.integers(min_value=1, max_value=25))
    questions = [Q(f"1.1.{i}", draw(levels)) for i in range(count)]
    answers = {q.ref: a for q in questions if (a := draw(answer_states)) is not None}
    return questions, answers, draw(st.booleans())


def rank(status):
    return rules.ORDER.index(status)


@given(assessments())
def test_status_matches_the_definition(case):
    questions, answers, ce_plus = case
    ok = {q.ref: rules.check(q, answers.get(q.ref), THRESHOLDS, TODAY).ok for q in questions}
    approaching = all(ok[q.ref] for q in questions if q.level == "approaching")
    met = approaching and all(ok[q.ref] for q in questions if q.level == "met")
    expected = (EXCEEDED if ce_plus else MET) if met else (APPROACHING if approaching else NOT_MET)
    assert rules.status(questions, answers, THRESHOLDS, TODAY, ce_plus) == expected


@given(assessments(), st.data())
def test_making_an_answer_acceptable_never_lowers_the_status(case, data):
    questions, answers, ce_plus = case
    before = rules.status(questions, answers, THRESHOLDS, TODAY, ce_plus)
    improved = data.draw(st.sampled_from(questions))
    after = rules.status(questions, {**answers, improved.ref: yes()}, THRESHOLDS, TODAY, ce_plus)
    assert rank(after) >= rank(before)


@given(assessments(), st.data())
def test_optional_questions_never_change_the_status(case, data):
    questions, answers, ce_plus = case
    optional = [q for q in questions if q.level == "optional"]
    before = rules.status(questions, answers, THRESHOLDS, TODAY, ce_plus)
    changed = dict(answers)
    for q in optional:
        changed[q.ref] = data.draw(answer_states) or yes()
    assert rules.status(questions, changed, THRESHOLDS, TODAY, ce_plus) == before


@given(assessments())
def test_exceeded_needs_cyber_essentials_plus_and_met_needs_no_more(case):
    questions, answers, _ = case
    without = rules.status(questions, answers, THRESHOLDS, TODAY, False)
    with_ce = rules.status(questions, answers, THRESHOLDS, TODAY, True)
    assert without != EXCEEDED
    assert (with_ce == EXCEEDED) == (without == MET)
    if without != MET:
        assert with_ce == without
