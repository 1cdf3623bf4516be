"""The DSPT status rule and what each answer needs to count. Pure functions: no database, no clock.

Statuses, lowest first:
- Standards Not Met: some question needed for Approaching Standards is not answered acceptably;
- Approaching Standards: every Approaching Standards question is answered acceptably;
- Standards Met: every question needed for Standards Met (which includes the Approaching ones) is;
- Standards Exceeded: Standards Met, and a Cyber Essentials Plus certificate dated within the last 12 months.

"Acceptably" depends on the question's answer type and rules from the question-set file: check() does what every
type shares and asks the type's entry in the answer-type registry (frameworks/answer_types) for the rest.
Which question levels each status needs is said in one place, needed_for().
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dspt.frameworks import answer_types
from dspt.frameworks.answer_types import NOT_APPLICABLE, Verdict, as_date, months_before
from dspt.frameworks.models import Question

NOT_MET, APPROACHING, MET, EXCEEDED = "not_met", "approaching", "met", "exceeded"
STATUS_LABELS = {
    NOT_MET: "Standards Not Met",
    APPROACHING: "Approaching Standards",
    MET: "Standards Met",
    EXCEEDED: "Standards Exceeded",
}
ORDER = [NOT_MET, APPROACHING, MET, EXCEEDED]
CYBER_ESSENTIALS_PLUS_VALID_MONTHS = 12

# The question levels each status needs answered acceptably (Standards Exceeded adds Cyber Essentials Plus).
LEVELS_NEEDED = {
    NOT_MET: (),
    APPROACHING: (Question.LEVEL_APPROACHING,),
    MET: (Question.LEVEL_APPROACHING, Question.LEVEL_MET),
    EXCEEDED: (Question.LEVEL_APPROACHING, Question.LEVEL_MET),
}


def needed_for(question, status: str) -> bool:
    """Does reaching `status` need this question answered acceptably?"""
    return question.level in LEVELS_NEEDED[status]


@dataclass(frozen=True)
class AnswerState:
    """What the rule needs to know about one saved answer."""

    value: Mapping = field(default_factory=dict)
    is_draft: bool = False
    needs_review: bool = False
    counts_only_after_review: bool = False
    carried: bool = False  # copied from an earlier year's assessment (not yet saved this year)
    file_count: int = 0


def check(question, answer: AnswerState | None, thresholds: Mapping, today: datetime.date) -> Verdict:
    """Does this answer count towards a status? If not, say why and what would."""
    rules = question.rules or {}
    if answer is None or not _has_content(question, answer):
        return Verdict(False, "Not answered yet", "Answer the question and save it")
    if answer.is_draft:
        return Verdict(False, "Saved as a draft", "Finish the answer and select 'Save and continue'")
    if answer.counts_only_after_review:
        return _needs_review(question, answer)
    if answer.value.get(NOT_APPLICABLE) and rules.get("not_applicable_allowed"):
        return Verdict(True)
    kind = answer_types.find(question.answer_type)
    if kind is None:
        return Verdict(False, f"Unknown answer type {question.answer_type}", "")
    return kind.check(answer.value, rules, thresholds, today)


def _needs_review(question, answer: AnswerState) -> Verdict:
    """Why an answer waiting for review does not count: which of the reasons it was marked for."""
    if not answer.carried:
        return Verdict(
            False,
            "The question changed when the question set was revised",
            "Check the answer still fits the question, then save it",
        )
    if (question.rules or {}).get("review_each_year") and question.change_status != Question.REWORDED:
        return Verdict(
            False,
            "The answer was carried over from an earlier year and is about the last 12 months",
            "Check it is true for this year, then save it",
        )
    return Verdict(
        False,
        "The answer was carried over from an earlier year and the question may have changed",
        "Check the answer still fits the new question, then save it",
    )


def _has_content(question, answer: AnswerState) -> bool:
    value = answer.value or {}
    if value.get(NOT_APPLICABLE) and (question.rules or {}).get("not_applicable_allowed"):
        return True
    kind = answer_types.find(question.answer_type)
    return kind.has_content(value, answer.file_count) if kind else bool(value)


def is_answered(question, answer: AnswerState | None) -> bool:
    """Answered at all (drafts included): used for progress, not for status."""
    return answer is not None and _has_content(question, answer)


def cyber_essentials_plus_current(holds: str, certificate_date, today: datetime.date) -> bool:
    day = as_date(certificate_date) if certificate_date else None
    return (
        holds == "yes" and day is not None and months_before(today, CYBER_ESSENTIALS_PLUS_VALID_MONTHS) <= day <= today
    )


@dataclass(frozen=True)
class Outcome:
    status: str
    verdicts: dict  # ref -> Verdict


def evaluate(
    questions: Iterable,
    answers: Mapping[str, AnswerState],
    thresholds: Mapping,
    today: datetime.date,
    cyber_essentials_plus: bool = False,
) -> Outcome:
    """The status the answers reach, with a verdict per question. `answers` is keyed by question ref."""
    questions = list(questions)
    verdicts = {q.ref: check(q, answers.get(q.ref), thresholds, today) for q in questions}

    def reached(status):
        return all(verdicts[q.ref].ok for q in questions if needed_for(q, status))

    if reached(MET):
        status = EXCEEDED if cyber_essentials_plus else MET
    elif reached(APPROACHING):
        status = APPROACHING
    else:
        status = NOT_MET
    return Outcome(status, verdicts)


def status(questions, answers, thresholds, today, cyber_essentials_plus=False) -> str:
    return evaluate(questions, answers, thresholds, today, cyber_essentials_plus).status


_REF = re.compile(r"^\d+\.\d+\.\d+$")


def ref_key(ref: str) -> tuple[int, ...]:
    """Sort key for references: 1.3.12 comes after 1.3.2."""
    return tuple(int(part) for part in ref.split(".")) if _REF.match(ref) else (999,)
