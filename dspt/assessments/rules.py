"""The DSPT status rule and what each answer needs to count. Pure functions: no database, no clock.

Statuses, lowest first:
- Standards Not Met: some question needed for Approaching Standards is not answered acceptably;
- Approaching Standards: every Approaching Standards question is answered acceptably;
- Standards Met: every question needed for Standards Met (which includes the Approaching ones) is;
- Standards Exceeded: Standards Met, and a Cyber Essentials Plus certificate dated within the last 12 months.

"Acceptably" depends on the question's answer type and rules from the question-set file (see check()).
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from dspt.lib import ico

NOT_MET, APPROACHING, MET, EXCEEDED = "not_met", "approaching", "met", "exceeded"
STATUS_LABELS = {
    NOT_MET: "Standards Not Met",
    APPROACHING: "Approaching Standards",
    MET: "Standards Met",
    EXCEEDED: "Standards Exceeded",
}
ORDER = [NOT_MET, APPROACHING, MET, EXCEEDED]
CYBER_ESSENTIALS_PLUS_VALID_MONTHS = 12

NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class AnswerState:
    """What the rule needs to know about one saved answer."""

    value: Mapping = field(default_factory=dict)
    is_draft: bool = False
    needs_review: bool = False
    counts_only_after_review: bool = False
    file_count: int = 0


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str = ""  # why it does not count yet
    fix: str = ""  # what would make it count


def months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def resolve_minimum(minimum, thresholds: Mapping) -> Decimal | None:
    if minimum is None or minimum == "":
        return None
    if isinstance(minimum, str) and minimum.startswith("@"):
        minimum = thresholds[minimum[1:]]
    return Decimal(str(minimum))


def _number(raw) -> Decimal | None:
    try:
        return Decimal(str(raw).strip().rstrip("%"))
    except (InvalidOperation, ValueError):
        return None


def _date(raw) -> datetime.date | None:
    if isinstance(raw, datetime.date):
        return raw
    try:
        return datetime.date.fromisoformat(str(raw))
    except ValueError:
        return None


def _labels(question, values) -> str:
    choices = {c["value"]: c["label"] for c in question.rules.get("choices", [])}
    choices.setdefault("yes", "Yes")
    choices.setdefault("no", "No")
    return " or ".join(f"'{choices.get(v, v)}'" for v in values)


def check(question, answer: AnswerState | None, thresholds: Mapping, today: datetime.date) -> Verdict:
    """Does this answer count towards a status? If not, say why and what would."""
    rules = question.rules or {}
    if answer is None or not _has_content(question, answer):
        return Verdict(False, "Not answered yet", "Answer the question and save it")
    if answer.is_draft:
        return Verdict(False, "Saved as a draft", "Finish the answer and select 'Save and continue'")
    if answer.counts_only_after_review:
        return Verdict(
            False,
            "The answer was carried over from an earlier year and the question may have changed",
            "Check the answer still fits the new question, then save it",
        )
    value = answer.value
    if value.get(NOT_APPLICABLE) and rules.get("not_applicable_allowed"):
        return Verdict(True)
    kind = question.answer_type
    if kind == "confirm":
        return Verdict(bool(value.get("confirmed")), "Not confirmed", "Tick the box to confirm")
    if kind in ("yes_no", "choice"):
        acceptable = rules.get("acceptable") or ["yes"]
        choice = value.get("choice")
        if choice in acceptable:
            return Verdict(True)
        return Verdict(False, f"The answer is {_labels(question, [choice])}", f"Answer {_labels(question, acceptable)}")
    if kind == "text":
        text = (value.get("text") or "").strip()
        min_length = int(rules.get("min_length") or 1)
        if len(text) >= min_length:
            return Verdict(True)
        return Verdict(False, "The answer is too short", f"Write at least {min_length} characters")
    if kind in ("number", "percentage"):
        number = _number(value.get("number"))
        if number is None:
            return Verdict(False, "The answer is not a number", "Enter a number")
        minimum = resolve_minimum(rules.get("minimum"), thresholds)
        unit = "%" if kind == "percentage" else ""
        if minimum is not None and number < minimum:
            return Verdict(False, f"{number:f}{unit} is below the {minimum:f}{unit} needed", f"Reach {minimum:f}{unit}")
        return Verdict(True)
    if kind == "date":
        day = _date(value.get("date"))
        if day is None:
            return Verdict(False, "The date is missing", "Enter the date")
        if day > today:
            return Verdict(False, "The date is in the future", "Enter a date that has passed")
        max_age = rules.get("max_age_months")
        if max_age and day < months_before(today, int(max_age)):
            return Verdict(False, f"The date is more than {max_age} months ago", "Do it again and enter the new date")
        return Verdict(True)
    if kind == "ico_number":
        if ico.is_valid(value.get("ico") or ""):
            return Verdict(True)
        return Verdict(False, "The ICO number is not in the right format", "Enter a number like ZA123456")
    if kind == "document":
        return Verdict(True)  # _has_content already checked there is a file, a link or a location
    return Verdict(False, f"Unknown answer type {kind}", "")


def _has_content(question, answer: AnswerState) -> bool:
    value = answer.value or {}
    if value.get(NOT_APPLICABLE) and (question.rules or {}).get("not_applicable_allowed"):
        return True
    kind = question.answer_type
    if kind == "confirm":
        return "confirmed" in value
    if kind in ("yes_no", "choice"):
        return bool(value.get("choice"))
    if kind == "text":
        return bool((value.get("text") or "").strip())
    if kind in ("number", "percentage"):
        return str(value.get("number", "")).strip() != ""
    if kind == "date":
        return bool(value.get("date"))
    if kind == "ico_number":
        return bool(value.get("ico"))
    if kind == "document":
        return answer.file_count > 0 or bool(value.get("link")) or bool((value.get("location") or "").strip())
    return bool(value)


def is_answered(question, answer: AnswerState | None) -> bool:
    """Answered at all (drafts included): used for progress, not for status."""
    return answer is not None and _has_content(question, answer)


def cyber_essentials_plus_current(holds: str, certificate_date, today: datetime.date) -> bool:
    day = _date(certificate_date) if certificate_date else None
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
    verdicts = {q.ref: check(q, answers.get(q.ref), thresholds, today) for q in questions}
    levels = {q.ref: q.level for q in questions}
    approaching_ok = all(v.ok for ref, v in verdicts.items() if levels[ref] == "approaching")
    met_ok = approaching_ok and all(v.ok for ref, v in verdicts.items() if levels[ref] == "met")
    if met_ok:
        status = EXCEEDED if cyber_essentials_plus else MET
    elif approaching_ok:
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
