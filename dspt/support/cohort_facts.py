"""Facts about a support organisation's own work with each provider of its cohort, kept by apps above this one (the
contact log in advice, event bookings in events): each is a column of the dashboard's list and one of its filters.

An app adds a fact from its AppConfig.ready() with add_cohort_fact. Its `load` gives the fact for the whole cohort at
once, in a fixed number of queries however large the cohort (never one per provider). These facts are the support
organisation's own records of its work, not the provider's progress, so they show whether or not the provider has
consented (ADR 13: consent governs what of the provider's assessment is seen).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

# The dashboard's own filters: a fact may not take their names in the query string.
RESERVED_KEYS = frozenset({"stage", "area", "consent", "page"})


@dataclass(frozen=True)
class Value:
    """One provider's fact: what the list shows, and which of the fact's filter choices it falls under."""

    text: str
    choice: str


@dataclass(frozen=True)
class CohortFact:
    key: str  # its name in the query string and in Row.facts
    label: str  # the column heading and the filter's label
    load: Callable  # load(support_organisation, ods_codes, today, framework=None) -> {ods_code: Value}
    choices: tuple[tuple[str, str], ...]  # the filter's (value, label) pairs
    missing: Value  # the fact of a provider `load` says nothing about
    hint: str = ""  # what the fact means, in plain words, under the filter
    order: int = 50


_facts: dict[str, CohortFact] = {}


def add_cohort_fact(
    key: str,
    label: str,
    load: Callable,
    filter_choices,
    *,
    missing: Value,
    hint: str = "",
    order: int = 50,
) -> None:
    """Show a fact about each provider of a cohort on the dashboard, and let staff filter the list by it.

    `load(support_organisation, ods_codes, today, framework=None)` returns {ods_code: Value} for the providers it
    knows something about (the others get `missing`), in a fixed number of queries; `framework` is the current DSPT
    year (or None). Every Value's choice is one of `filter_choices`' values, so each provider is under exactly one.
    """
    if key in RESERVED_KEYS:
        raise ValueError(f"{key!r} is one of the dashboard's own filters")
    choices = tuple((str(value), str(text)) for value, text in filter_choices)
    if missing.choice not in dict(choices):
        raise ValueError(f"{missing.choice!r} is not one of the choices of {key!r}")
    _facts[key] = CohortFact(key, label, load, choices, missing, hint, order)


def registered() -> list[CohortFact]:
    return sorted(_facts.values(), key=lambda fact: (fact.order, fact.key))


def load_all(support_organisation, ods_codes, today: datetime.date, framework=None) -> dict[str, dict[str, Value]]:
    """{ods_code: {fact key: Value}} for every code, each fact loaded once for the whole cohort."""
    codes = list(ods_codes)
    found = {code: {} for code in codes}
    for fact in registered():
        loaded = fact.load(support_organisation, codes, today, framework=framework)
        for code in codes:
            found[code][fact.key] = loaded.get(code, fact.missing)
    return found


def read(query) -> tuple[tuple[str, str], ...]:
    """The facts' filters chosen in the query string, as (key, choice) pairs; anything not recognised is ignored."""
    chosen = []
    for fact in registered():
        value = query.get(fact.key, "")
        if isinstance(value, str) and value in dict(fact.choices):
            chosen.append((fact.key, value))
    return tuple(chosen)
