"""The answer types: one registry, keyed by Question.answer_type, that says everything a type does.

Each entry (an AnswerType, see base.py) gives its form fields and how they are shown, how the cleaned value is
stored and read back into the form, whether a stored value has content and whether it counts (the Verdict, with
reason and fix), how it reads as one line of text, a demo value that counts, the rule keys its questions need or
may have, and its "missing answer" message. The question-set loader, the status rule, the answer form and page,
the presenters and the demo data all look the type up here instead of naming types.

The types in use are in simple.py, choosing.py, document.py and text_and_date.py and registered at the end of
this file. Adding a type is one AnswerType subclass registered there (Question.answer_type has no choices, so no
migration is needed). frameworks.models imports this package, so it must never import a models module.
"""

from collections.abc import Iterator

from dspt.frameworks.answer_types.base import (
    NOT_APPLICABLE,
    AnswerType,
    Verdict,
    as_date,
    as_number,
    months_before,
    resolve_minimum,
)
from dspt.frameworks.answer_types.choosing import CHOICE, YES_NO, Choice, YesNo
from dspt.frameworks.answer_types.document import DOCUMENT, Document, MultipleFileField
from dspt.frameworks.answer_types.simple import (
    CONFIRM,
    DATE,
    ICO_NUMBER,
    NUMBER,
    PERCENTAGE,
    TEXT,
    Confirm,
    Date,
    IcoNumber,
    Number,
    Percentage,
    Text,
)
from dspt.frameworks.answer_types.text_and_date import TEXT_AND_DATE, TextAndDate

__all__ = [
    "CHOICE",
    "CONFIRM",
    "DATE",
    "DOCUMENT",
    "ICO_NUMBER",
    "NOT_APPLICABLE",
    "NUMBER",
    "PERCENTAGE",
    "TEXT",
    "TEXT_AND_DATE",
    "YES_NO",
    "AnswerType",
    "MultipleFileField",
    "UnknownAnswerType",
    "Verdict",
    "all_types",
    "as_date",
    "as_number",
    "choices",
    "find",
    "get",
    "keys",
    "months_before",
    "register",
    "resolve_minimum",
    "unregister",
]


class UnknownAnswerType(ValueError):
    def __init__(self, key):
        super().__init__(f"Unknown answer type {key}")
        self.key = key


_REGISTRY: dict[str, AnswerType] = {}


def register(answer_type: AnswerType) -> AnswerType:
    """Add a type (its key must be new and fit Question.answer_type's 12 characters)."""
    key = answer_type.key
    if not key or len(key) > 12 or key in _REGISTRY:
        raise ValueError(f"Cannot register answer type {key!r}: the key must be new and 1-12 characters")
    _REGISTRY[key] = answer_type
    return answer_type


def unregister(key: str) -> None:
    """Remove a type (for tests that register a throwaway one)."""
    del _REGISTRY[key]


def find(key) -> AnswerType | None:
    """The type for a Question.answer_type, or None (also for a value that cannot be a key, like a list)."""
    try:
        return _REGISTRY.get(key)
    except TypeError:
        return None


def get(key) -> AnswerType:
    """The type for a Question.answer_type; raises UnknownAnswerType when there is none."""
    try:
        return _REGISTRY[key]
    except (KeyError, TypeError):
        raise UnknownAnswerType(key) from None


def all_types() -> Iterator[AnswerType]:
    """Every registered type, in the order they were registered."""
    return iter(list(_REGISTRY.values()))


def keys() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def choices() -> list[tuple[str, str]]:
    """(key, label) of every type."""
    return [(answer_type.key, answer_type.label) for answer_type in _REGISTRY.values()]


for _built_in in (Confirm, YesNo, Text, Date, Number, Percentage, IcoNumber, Choice, Document, TextAndDate):
    register(_built_in())
