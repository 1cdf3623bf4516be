"""Every answer type in the registry, through the places that use it: the form (fields, checks, stored value,
initial data), the status rule, the one-line description and the demo value. Pure: no database."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from dspt.assessments import presenters, rules
from dspt.assessments.forms import AnswerForm
from dspt.assessments.rules import NOT_APPLICABLE, AnswerState
from dspt.demo.answers import acceptable_value
from dspt.frameworks import answer_types
from dspt.frameworks.models import Question

TODAY = datetime.date(2026, 3, 15)
THRESHOLDS = {"training_share_percent": 95}
CHOICES = [
    {"value": "all", "label": "All of them"},
    {"value": "some", "label": "Some"},
    {"value": "no", "label": "No, not yet"},
]


@dataclass(frozen=True)
class Q:
    answer_type: str
    rules: dict = field(default_factory=dict)
    ref: str = "1.1.1"
    level: str = Question.LEVEL_MET
    level_confirmed: bool = True


@dataclass(frozen=True)
class SavedAnswer:
    value: dict
    version: int = 1
    comment: str = ""


RULES = {
    "confirm": {},
    "yes_no": {"explanation_required_on_no": True, "acceptable": ["yes"]},
    "choice": {"choices": CHOICES, "acceptable": ["all", "some"]},
    "text": {"min_length": 10},
    "date": {"max_age_months": 12},
    "number": {"minimum": 1},
    "percentage": {"minimum": "@training_share_percent"},
    "ico_number": {},
    "document": {},
    "text_date": {"min_length": 20},
}


def form(question, data=None, **extra):
    posted = None if data is None else {"version": 0, **data}
    return AnswerForm(posted, question=question, thresholds=THRESHOLDS, **extra)


def test_the_registry_holds_every_built_in_answer_type_and_each_has_examples_here():
    assert answer_types.keys() == (
        Question.CONFIRM,
        Question.YES_NO,
        Question.TEXT,
        Question.DATE,
        Question.NUMBER,
        Question.PERCENTAGE,
        Question.ICO_NUMBER,
        Question.CHOICE,
        Question.DOCUMENT,
        answer_types.TEXT_AND_DATE,
    )
    assert set(RULES) == set(answer_types.keys())
    assert answer_types.get(Question.DOCUMENT) is answer_types.find("document")
    assert answer_types.find("no_such_type") is None
    with pytest.raises(answer_types.UnknownAnswerType, match="Unknown answer type no_such_type"):
        answer_types.get("no_such_type")


@pytest.mark.parametrize(
    ("kind", "data", "stored", "text", "ok", "initial"),
    [
        ("confirm", {"answer": "on"}, {"confirmed": True}, "Confirmed", True, {"answer": True}),
        (
            "yes_no",
            {"answer": "no", "explanation": " Being written "},
            {"choice": "no", "explanation": "Being written"},
            "No. Being written",
            False,
            {"answer": "no", "explanation": "Being written"},
        ),
        ("yes_no", {"answer": "yes"}, {"choice": "yes"}, "Yes", True, {"answer": "yes"}),
        ("choice", {"answer": "all"}, {"choice": "all"}, "All of them", True, {"answer": "all"}),
        ("choice", {"answer": "no"}, {"choice": "no"}, "No, not yet", False, {"answer": "no"}),
        (
            "text",
            {"answer": "  Locked office  "},
            {"text": "Locked office"},
            "Locked office",
            True,
            {"answer": "Locked office"},
        ),
        ("text", {"answer": "Locked"}, {"text": "Locked"}, "Locked", False, {"answer": "Locked"}),
        (
            "date",
            {"answer[day]": "1", "answer[month]": "Dec", "answer[year]": "2025"},
            {"date": "2025-12-01"},
            "1 December 2025",
            True,
            {"answer": datetime.date(2025, 12, 1)},
        ),
        (
            "date",
            {"answer[day]": "14", "answer[month]": "3", "answer[year]": "2025"},
            {"date": "2025-03-14"},
            "14 March 2025",
            False,
            {},
        ),
        ("number", {"answer": "12.50"}, {"number": "12.5"}, "12.5", True, {"answer": "12.5"}),
        ("number", {"answer": "0"}, {"number": "0"}, "0", False, {}),
        ("percentage", {"answer": "96"}, {"number": "96"}, "96%", True, {"answer": "96"}),
        ("percentage", {"answer": "94.9"}, {"number": "94.9"}, "94.9%", False, {}),
        ("ico_number", {"answer": "za 123456"}, {"ico": "ZA123456"}, "ZA123456", True, {"answer": "ZA123456"}),
        (
            "document",
            {"location": " Blue binder ", "link": "sharepoint.example/policy"},
            {"location": "Blue binder", "link": "https://sharepoint.example/policy"},
            "Kept at: Blue binder. Link: https://sharepoint.example/policy",
            True,
            {"location": "Blue binder", "link": "https://sharepoint.example/policy"},
        ),
        (
            "text_date",
            {
                "answer": " A table-top exercise each spring ",
                "date[day]": "3",
                "date[month]": "May",
                "date[year]": "2025",
            },
            {"text": "A table-top exercise each spring", "date": "2025-05-03"},
            "A table-top exercise each spring (last tested 3 May 2025)",
            True,
            {"answer": "A table-top exercise each spring", "date": datetime.date(2025, 5, 3)},
        ),
        (
            "text_date",
            {"answer": "We have not tested it yet"},
            {"text": "We have not tested it yet"},
            "We have not tested it yet",
            True,
            {"answer": "We have not tested it yet", "date": None},
        ),
        ("text_date", {"answer": "Talk it over"}, {"text": "Talk it over"}, "Talk it over", False, {}),
    ],
)
def test_an_answer_is_stored_checked_described_and_read_back(kind, data, stored, text, ok, initial):
    question = Q(kind, RULES[kind])
    bound = form(question, data)
    assert bound.is_valid(), bound.errors
    assert bound.value() == stored
    verdict = rules.check(question, AnswerState(stored), THRESHOLDS, TODAY)
    assert verdict.ok is ok
    if not ok:
        assert verdict.reason and verdict.fix
    assert presenters.describe(question, stored) == text
    assert AnswerForm.initial_from(SavedAnswer(stored), question).items() >= initial.items()


@pytest.mark.parametrize(
    ("kind", "reason", "fix"),
    [
        ("yes_no", "The answer is 'No'", "Answer 'Yes'"),
        ("choice", "The answer is 'No, not yet'", "Answer 'All of them' or 'Some'"),
        ("text", "The answer is too short", "Write at least 10 characters"),
        ("number", "0 is below the 1 needed", "Reach 1"),
        ("percentage", "94.9% is below the 95% needed", "Reach 95%"),
        ("text_date", "The answer is too short", "Write at least 20 characters"),
    ],
)
def test_why_an_answer_does_not_count_names_the_question_s_own_labels_and_thresholds(kind, reason, fix):
    short = {"text": "short"}
    value = {"yes_no": {"choice": "no"}, "choice": {"choice": "no"}, "text": short, "text_date": short}.get(kind)
    value = value or {"number": "0" if kind == "number" else "94.9"}
    verdict = rules.check(Q(kind, RULES[kind]), AnswerState(value), THRESHOLDS, TODAY)
    assert (verdict.ok, verdict.reason, verdict.fix) == (False, reason, fix)


@pytest.mark.parametrize("kind", list(RULES))
def test_the_demo_value_counts_and_an_empty_value_is_no_answer(kind):
    question = Q(kind, RULES[kind])
    demo = answer_types.get(kind).demo_value(question.rules, TODAY)
    assert rules.check(question, AnswerState(demo), THRESHOLDS, TODAY).ok
    assert rules.is_answered(question, AnswerState(demo))
    assert presenters.describe(question, demo)
    assert not rules.is_answered(question, AnswerState({}))
    assert rules.check(question, AnswerState({}), THRESHOLDS, TODAY).reason == "Not answered yet"


@pytest.mark.parametrize("kind", list(RULES))
def test_the_demo_data_uses_the_registry_s_demo_value(kind):
    question = Q(kind, RULES[kind])
    value = acceptable_value(question)
    assert rules.check(question, AnswerState(value), THRESHOLDS, timezone.localdate()).ok


@pytest.mark.parametrize(
    ("kind", "field_name", "message"),
    [
        ("confirm", "answer", "Tick the box to confirm, or save as a draft if you are not ready"),
        ("yes_no", "answer", "Select yes or no"),
        ("choice", "answer", "Select an answer"),
        ("text", "answer", "Enter your answer"),
        ("date", "answer", "Enter the date"),
        ("number", "answer", "Enter a number"),
        ("percentage", "answer", "Enter the percentage"),
        ("ico_number", "answer", "Enter your ICO registration number"),
        ("document", "location", "Say where the document is kept, give a link, or upload it"),
        ("text_date", "answer", "Describe how you test it"),
    ],
)
def test_a_missing_answer_says_what_to_do_unless_it_is_a_draft(kind, field_name, message):
    question = Q(kind, RULES[kind])
    bound = form(question, {})
    assert not bound.is_valid()
    assert bound.errors == {field_name: [message]}
    draft = form(question, {}, draft=True)
    assert draft.is_valid(), draft.errors
    assert draft.value() == {}


def test_a_document_already_holding_files_needs_nothing_more():
    assert form(Q("document"), {}, has_files=True).is_valid()
    assert rules.check(Q("document"), AnswerState({}, file_count=1), THRESHOLDS, TODAY).ok


@pytest.mark.parametrize(
    ("kind", "data", "field_name", "message"),
    [
        ("percentage", {"answer": "120"}, "answer", "A percentage must be between 0 and 100"),
        ("percentage", {"answer": "ninety"}, "answer", "Enter the percentage as a number, like 96"),
        ("number", {"answer": "many"}, "answer", "Enter a number, like 12"),
        ("ico_number", {"answer": "12345678"}, "answer", "An ICO registration number is 8 characters"),
        ("yes_no", {"answer": "no"}, "explanation", "Explain why the answer is no, and what you plan to do"),
        ("date", {"answer[day]": "1", "answer[month]": "1", "answer[year]": "2999"}, "answer", "must be today or"),
        (
            "text_date",
            {"answer": "A table-top exercise each spring", "date[day]": "1", "date[month]": "1", "date[year]": "2999"},
            "date",
            "must be today or",
        ),
    ],
)
def test_a_wrong_answer_is_refused_with_its_type_s_message(kind, data, field_name, message):
    bound = form(Q(kind, RULES[kind]), data)
    assert not bound.is_valid()
    assert message in bound.errors[field_name][0]


@pytest.mark.parametrize(
    ("kind", "offered_as"),
    [
        ("confirm", None),
        ("yes_no", "choice"),
        ("choice", "choice"),
        ("text", "box"),
        ("date", "box"),
        ("number", "box"),
        ("percentage", "box"),
        ("ico_number", None),
        ("document", "box"),
        ("text_date", "box"),
    ],
)
def test_does_not_apply_is_offered_as_each_type_offers_it_and_counts_only_when_allowed(kind, offered_as):
    allowed = Q(kind, RULES[kind] | {"not_applicable_allowed": True})
    bound = form(allowed)
    assert (NOT_APPLICABLE in bound.fields) == (offered_as == "box")
    choices = [value for value, _ in getattr(bound.fields.get("answer"), "choices", [])]
    assert (NOT_APPLICABLE in choices) == (offered_as == "choice")
    if offered_as:
        data = {NOT_APPLICABLE: "on"} if offered_as == "box" else {"answer": NOT_APPLICABLE}
        posted = form(allowed, data)
        assert posted.is_valid(), posted.errors
        assert posted.value() == {NOT_APPLICABLE: True}
        assert AnswerForm.initial_from(SavedAnswer(posted.value()), allowed)["answer"] == NOT_APPLICABLE
    assert presenters.describe(allowed, {NOT_APPLICABLE: True}) == "Not applicable"
    assert rules.check(allowed, AnswerState({NOT_APPLICABLE: True}), THRESHOLDS, TODAY).ok
    not_allowed = Q(kind, RULES[kind])
    assert not rules.check(not_allowed, AnswerState({NOT_APPLICABLE: True}), THRESHOLDS, TODAY).ok


@pytest.mark.parametrize(
    ("kind", "fields", "options", "multipart"),
    [
        ("confirm", ["answer"], {}, False),
        ("yes_no", ["answer", "explanation"], {"explanation": {"hint": "Only needed if you answer no"}}, False),
        ("choice", ["answer"], {}, False),
        ("text", ["answer"], {}, False),
        ("date", ["answer"], {}, False),
        ("number", ["answer"], {"answer": {"classes": "nhsuk-input--width-10"}}, False),
        ("percentage", ["answer"], {"answer": {"classes": "nhsuk-input--width-10", "suffix": "%"}}, False),
        ("ico_number", ["answer"], {"answer": {"classes": "nhsuk-input--width-10"}}, False),
        ("document", ["location", "link", "uploads"], {}, True),
        ("text_date", ["answer", "date"], {}, False),
    ],
)
def test_each_type_has_its_fields_in_page_order_with_their_render_options(kind, fields, options, multipart):
    bound = form(Q(kind, RULES[kind]))
    assert [name for name, _ in bound.answer_fields()] == fields
    assert {name: opts for name, opts in bound.answer_fields() if opts} == options
    assert list(bound.fields) == [*fields, "comment", "version"]
    assert bound.is_multipart() is multipart


def test_a_percentage_hint_names_the_year_s_threshold():
    field_ = form(Q("percentage", RULES["percentage"])).fields["answer"]
    assert field_.help_text == "Enter a number from 0 to 100. To count, it must be at least 95%"
    assert form(Q("percentage", {})).fields["answer"].help_text is None


@pytest.mark.parametrize(
    ("level", "approaching", "met", "hint"),
    [
        (Question.LEVEL_APPROACHING, True, True, "Needed for Approaching Standards and Standards Met"),
        (Question.LEVEL_MET, False, True, "Needed for Standards Met"),
        (Question.LEVEL_OPTIONAL, False, False, "Optional"),
    ],
)
def test_which_statuses_need_a_question_is_said_once(level, approaching, met, hint):
    question = Q("yes_no", level=level)
    assert rules.needed_for(question, rules.APPROACHING) is approaching
    assert rules.needed_for(question, rules.MET) is met
    assert rules.needed_for(question, rules.EXCEEDED) is met
    assert rules.needed_for(question, rules.NOT_MET) is False
    assert presenters.level_hint(question) == hint
    assert presenters.level_hint(Q("yes_no", level=level, level_confirmed=False)) == hint + " (level not confirmed)"


def test_a_text_and_date_answer_counts_for_its_description_and_gives_the_date_if_known():
    """7.2.1 asks how the continuity plan is tested (text), with the date of the last test if there was one. A date
    alone, as the question stored it when it was a date question, reads sensibly and keeps its date in the form,
    but does not count until the description is added, and says so."""
    question = Q(answer_types.TEXT_AND_DATE, RULES["text_date"])
    old_shape = {"date": "2025-05-03"}
    assert rules.is_answered(question, AnswerState(old_shape))
    verdict = rules.check(question, AnswerState(old_shape), THRESHOLDS, TODAY)
    assert (verdict.ok, verdict.reason, verdict.fix) == (
        False,
        "The answer gives only the date it was last tested, not how it is tested",
        "Describe how you test it, then save",
    )
    assert presenters.describe(question, old_shape) == "Last tested 3 May 2025"
    assert AnswerForm.initial_from(SavedAnswer(old_shape), question) == {
        "version": 1,
        "comment": "",
        "answer": "",
        "date": datetime.date(2025, 5, 3),
    }
    # Only a date on a final save is refused with what to do; a draft keeps it
    only_date = {"date[day]": "3", "date[month]": "5", "date[year]": "2025"}
    assert form(question, only_date).errors == {"answer": ["Describe how you test it"]}
    draft = form(question, only_date, draft=True)
    assert draft.is_valid() and draft.value() == {"date": "2025-05-03"}
    # An old test date does not stop the answer counting: the date is there to help, not a deadline
    long_ago = {"text": "A table-top exercise with the nurses", "date": "2019-01-31"}
    assert rules.check(question, AnswerState(long_ago), THRESHOLDS, TODAY).ok
    # A stored value nobody could have typed gives a reason, not an error
    for odd, reason in (
        ({"text": "A table-top exercise with the nurses", "date": "2999-01-01"}, "is in the future"),
        ({"text": "A table-top exercise with the nurses", "date": "soon"}, "is not a real date"),
    ):
        verdict = rules.check(question, AnswerState(odd), THRESHOLDS, TODAY)
        assert not verdict.ok and reason in verdict.reason
    assert presenters.describe(question, {"text": "Drill", "date": "soon"}) == "Drill (last tested soon)"
    assert form(question).fields["date"].help_text.startswith("If you have tested it, give the date of the last test")
