"""What the registers offer the areas above them, and what those areas offer back, without importing each other.

An area with evidence (staff training, DPIAs, incidents, documents, the registers here) adds, from its
AppConfig.ready():
- a suggestion: `add_suggestion(key, build)`. A question in a year's file that says `from_register: <key>` shows
  what build(organisation, today) returns (a Suggestion, or None when the register has nothing to say) and pre-fills
  its answer with it; the person still confirms by saving.
- things that go stale: `add_freshness(key, build)`. build(organisation, today) returns Due items (a review, a
  renewal, training running out); the home page lists those overdue or due within FRESHNESS_WARNING_DAYS, and the
  questions they name are flagged.
- evidence for a question beyond the registers' own entries (documents, for one): `add_evidence_source(key, build)`.
  build(organisation, ref) returns Evidence items the question page lists under "Your evidence for this".
- a part of the CQC evidence pack: `add_pack_section(key, order, build)`. build(organisation, today) returns a
  PackSection or None (nothing to show).
A key is added once; adding it again replaces it (so a test can put its own in and take it out).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

FRESHNESS_WARNING_DAYS = 30


@dataclass(frozen=True)
class Suggestion:
    value: object  # what the answer form's field starts with: 95 for a percentage, True for yes/no, text for text
    source: str  # where it comes from, in a sentence: "19 of 20 staff trained in the last 12 months (95%)"
    url: str  # the register or page it comes from


@dataclass(frozen=True)
class Due:
    title: str  # "Data security training for Sam Jones"
    due_on: datetime.date  # when it goes stale (a review date, 12 months after training)
    url: str  # where to put it right
    refs: tuple[str, ...] = ()  # the DSPT questions it evidences

    def is_overdue(self, today: datetime.date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class PackSection:
    title: str  # "Staff training"
    summary: str = ""  # a sentence or two
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, value) pairs, shown as a table
    items: list[str] = field(default_factory=list)  # a bulleted list (lessons learned, policies and review dates)


@dataclass(frozen=True)
class Evidence:
    title: str  # "Data protection policy, version 2"
    url: str
    detail: str = ""  # "Review due 31 March 2027"


_suggestions: dict[str, Callable] = {}
_evidence_sources: dict[str, Callable] = {}
_freshness: dict[str, tuple[Callable, frozenset | None]] = {}
_pack_sections: dict[str, tuple[int, Callable]] = {}


def add_suggestion(key: str, build: Callable) -> None:
    _suggestions[key] = build


def suggestion(key: str, organisation, today: datetime.date) -> Suggestion | None:
    build = _suggestions.get(key)
    return build(organisation, today) if build else None


def suggestion_keys() -> set[str]:
    return set(_suggestions)


def add_evidence_source(key: str, build: Callable) -> None:
    _evidence_sources[key] = build


def evidence_for(organisation, ref: str) -> list[Evidence]:
    return [item for build in _evidence_sources.values() for item in build(organisation, ref)]


def add_freshness(key: str, build: Callable, refs=None) -> None:
    """`refs`: the questions its items can name, so a question's page asks only the builders that concern it (None:
    any question)."""
    _freshness[key] = (build, frozenset(refs) if refs is not None else None)


def due_items(
    organisation, today: datetime.date, within_days: int = FRESHNESS_WARNING_DAYS, ref: str | None = None
) -> list[Due]:
    """Everything overdue or due within `within_days` of `today`, soonest first (about question `ref`, if given)."""
    horizon = today + datetime.timedelta(days=within_days)
    builders = [build for build, refs in _freshness.values() if ref is None or refs is None or ref in refs]
    found = [
        item
        for build in builders
        for item in build(organisation, today)
        if item.due_on <= horizon and (ref is None or ref in item.refs)
    ]
    return sorted(found, key=lambda item: (item.due_on, item.title))


def add_pack_section(key: str, order: int, build: Callable) -> None:
    _pack_sections[key] = (order, build)


def pack_sections(organisation, today: datetime.date) -> list[PackSection]:
    built = [(order, build(organisation, today)) for order, build in _pack_sections.values()]
    return [section for _order, section in sorted(built, key=lambda pair: pair[0]) if section]
