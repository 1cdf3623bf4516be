"""What an answer type is: the base class every entry of the registry derives from, and the helpers they share.

Every method is a pure function of its arguments (no database, no clock): `today` and the year's `thresholds`
are passed in. `rules` is the question's rules mapping from the question-set file (Question.rules), `value` the
stored answer value (Answer.value), `cleaned` a bound answer form's cleaned_data.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms

NOT_APPLICABLE = "not_applicable"  # stored as {NOT_APPLICABLE: True}; offered when the rules allow it


@dataclass(frozen=True)
class Verdict:
    """Whether an answer counts towards a status, and if not, why and what would make it count."""

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
    """A rule's minimum as a number; "@name" is looked up in the year's thresholds."""
    if minimum is None or minimum == "":
        return None
    if isinstance(minimum, str) and minimum.startswith("@"):
        minimum = thresholds[minimum[1:]]
    return Decimal(str(minimum))


def as_number(raw) -> Decimal | None:
    try:
        return Decimal(str(raw).strip().rstrip("%"))
    except (InvalidOperation, ValueError):
        return None


def as_date(raw) -> datetime.date | None:
    if isinstance(raw, datetime.date):
        return raw
    try:
        return datetime.date.fromisoformat(str(raw))
    except ValueError:
        return None


def is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class AnswerType:
    """One kind of answer. To add a type: subclass this, set `key` and `label`, override what differs, and
    register() an instance (see answer_types/__init__.py). Methods marked "must" have no default."""

    key: str = ""  # stored in Question.answer_type and written in the question-set files (at most 12 characters)
    label: str = ""  # shown in the admin as the choice's name
    needs_rules: tuple[str, ...] = ()  # rule keys a question of this type must have in the file
    may_have_rules: tuple[str, ...] = ()  # rule keys it may also have (any type may have not_applicable_allowed)
    fixed_choices: tuple[tuple[str, str], ...] = ()  # values every question of this type offers, with labels
    not_applicable_box = False  # offer "This does not apply to us" as a tick box when the rules allow it
    missing_field = "answer"  # the form field a missing answer is reported on
    missing_message = "Enter your answer"
    render: Mapping[str, dict] = {}  # per form field, options for formField(): e.g. {"answer": {"suffix": "%"}}

    # -- the answer form -------------------------------------------------------------------------------------
    def fields(self, rules: Mapping, thresholds: Mapping) -> dict[str, forms.Field]:
        """Must: the type's own form fields, in the order they are shown."""
        raise NotImplementedError

    def form_fields(self, rules: Mapping, thresholds: Mapping) -> dict[str, forms.Field]:
        """The fields with the "does not apply" box (when the type offers one and the rules allow it)."""
        fields = self.fields(rules, thresholds)
        if self.not_applicable_box and rules.get("not_applicable_allowed"):
            fields[NOT_APPLICABLE] = forms.BooleanField(label="This does not apply to us", required=False)
        return fields

    def clean_answer(self, value):
        """Check or normalise the "answer" field's cleaned value; raise forms.ValidationError to refuse it."""
        return value

    def problems(self, cleaned: Mapping, rules: Mapping, draft: bool) -> list[tuple[str, str]]:
        """(field, message) for checks beyond "is it given", run on drafts and "does not apply" answers too."""
        return []

    def is_missing(self, cleaned: Mapping, has_files: bool) -> bool:
        """Whether a final (not draft) answer leaves the question unanswered."""
        return cleaned.get("answer") in (None, "", [])

    def store(self, cleaned: Mapping, draft: bool) -> dict:
        """Must: the value to store from the form's cleaned data ("does not apply" is handled before)."""
        raise NotImplementedError

    def initial(self, value: Mapping) -> dict:
        """Must: the form's initial data from a stored value (the reverse of store)."""
        raise NotImplementedError

    # -- the status rule -------------------------------------------------------------------------------------
    def has_content(self, value: Mapping, file_count: int) -> bool:
        """Must: whether the stored value answers the question at all (drafts included)."""
        raise NotImplementedError

    def check(self, value: Mapping, rules: Mapping, thresholds: Mapping, today: datetime.date) -> Verdict:
        """Must: whether a value that has content counts, given the question's rules and the year's thresholds."""
        raise NotImplementedError

    # -- text and examples -----------------------------------------------------------------------------------
    def describe(self, value: Mapping, rules: Mapping, files: list) -> str:
        """Must: the answer as one line of plain text ("does not apply" is handled before)."""
        raise NotImplementedError

    def demo_value(self, rules: Mapping, today: datetime.date) -> dict:
        """Must: a stored value that counts, for demo data and tests."""
        raise NotImplementedError

    # -- the question-set file -------------------------------------------------------------------------------
    def rule_problems(self, rules: Mapping, thresholds: Mapping) -> list[tuple[str, str]]:
        """(rule key, message) for checks of the rules' values that only this type makes."""
        return []

    def __repr__(self):
        return f"<answer type {self.key}>"
