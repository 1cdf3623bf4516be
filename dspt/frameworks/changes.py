"""How one year's question set relates to the year before: for carry-over and the "what changed" page.

`change_map(framework)` answers, for every question of a year, whether it is unchanged, reworded or new and
which question of the previous year it replaces; `problems_with_previous` is the loader's check that a file's
`change` and `removed` entries agree with the previous year as loaded.
"""

from dataclasses import dataclass

from dspt.frameworks.models import FrameworkVersion, Question, RemovedQuestion
from dspt.frameworks.validation import CARRY_OVER_ONLY_RULES

# What must stay the same for a question marked "unchanged" (else it is "reworded").
UNCHANGED_FIELDS = ("text", "level", "answer_type", "rules")


def comparable(name: str, value):
    """A field as compared for "unchanged": rules without the keys that only say how answers carry over."""
    if name == "rules":
        return {key: rule for key, rule in (value or {}).items() if key not in CARRY_OVER_ONLY_RULES}
    return value


def same_question(old, new_fields: dict) -> bool:
    """Does a question keep what its answers depend on (UNCHANGED_FIELDS), between `old` and `new_fields`?"""
    return all(comparable(name, getattr(old, name)) == comparable(name, new_fields[name]) for name in UNCHANGED_FIELDS)


@dataclass(frozen=True)
class ChangeEntry:
    question: Question
    status: str  # Question.UNCHANGED, REWORDED or NEW
    previous: Question | None  # the previous year's question it replaces, if any
    note: str


class ChangeMap(dict[str, ChangeEntry]):
    """{ref: ChangeEntry} for every question of a year, plus the previous year's questions it drops."""

    def __init__(self, entries, removed: list[Question], removal_notes: dict[str, str]):
        super().__init__(entries)
        self.removed = removed  # previous year's questions that no question of this year replaces
        self.removal_notes = removal_notes  # {previous ref: note} from the file's `removed` list


def change_map(framework: FrameworkVersion) -> ChangeMap:
    """The change map of `framework` against its previous year, in three queries at most.

    A year without a previous year (the first one loaded) has every question "new" and nothing removed.
    """
    questions = list(framework.questions.asked().select_related("standard", "group"))
    previous, notes = {}, {}
    if framework.previous_id:
        rows = Question.objects.filter(framework_id=framework.previous_id).select_related("framework")
        previous = {question.ref: question for question in rows}
        notes = dict(RemovedQuestion.objects.filter(framework=framework).values_list("ref", "note"))
    entries = {}
    for question in questions:
        entries[question.ref] = ChangeEntry(
            question=question,
            status=question.change_status or Question.NEW,
            previous=previous.get(question.previous_ref) if question.previous_ref else None,
            note=question.change_note,
        )
    replaced = {question.previous_ref for question in questions}
    removed = [question for ref, question in previous.items() if ref not in replaced]
    return ChangeMap(entries, removed=removed, removal_notes=notes)


def problems_with_previous(questions, removed: list[dict], previous: FrameworkVersion) -> list[tuple]:
    """Check a parsed file's `change` and `removed` entries against the loaded previous year.

    `questions` are loader.ParsedQuestion; returns (place, field, message) tuples for the loader to report.
    """
    earlier = {question.ref: question for question in previous.questions.all()}
    year, problems = previous.year, []
    dropped = {item["ref"] for item in removed}
    for question in questions:
        place, status = f"question {question.ref}", question.fields["change_status"]
        old = earlier.get(question.fields["previous_ref"])
        if question.fields["previous_ref"] and old is None:
            message = f"{question.fields['previous_ref']} is not a question of {year}"
            problems.append((place, "change.previous_ref", message))
        if status == Question.NEW and question.ref in earlier and question.ref not in dropped:
            message = f"is new, but {year} has a {question.ref}: give it as previous_ref, or list it under removed"
            problems.append((place, "change.status", message))
        if status == Question.UNCHANGED and old is not None:
            for name in UNCHANGED_FIELDS:
                if comparable(name, question.fields[name]) != comparable(name, getattr(old, name)):
                    message = f"is unchanged, but its {name} differs from {year} {old.ref}; mark it reworded"
                    problems.append((place, "change.status", message))
    for index, item in enumerate(removed):
        if item["ref"] not in earlier:
            problems.append((None, f"removed[{index}].ref", f"{item['ref']} is not a question of {year}"))
    replaced = {question.fields["previous_ref"] for question in questions} | dropped
    for ref in earlier:
        if ref not in replaced:
            message = f"{year} question {ref} is neither any question's change.previous_ref nor listed here"
            problems.append((None, "removed", message))
    return problems
