"""Check a question bank file on its own, against content/frameworks/README.md.

Every problem found is reported at once, each as "<file>: question <ref>: <field>: <what is wrong>" or
"<file>: <top-level field>: <what is wrong>". Checks against years already loaded are in changes.py.
"""

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from dspt.frameworks import answer_types, helps
from dspt.frameworks.models import Question

REF = re.compile(r"^\d+\.\d+\.\d+$")
YEAR = re.compile(r"^(\d{4})-(\d{2})$")
THRESHOLD_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
GROUP_SLUGS = ("staffing-and-roles", "policies-and-procedures", "data-security", "it-systems-and-devices")
MAY_BE_EMPTY = ("summary", "helps")
GUIDANCE_KEYS = ("what", "why", "good_answer_care_home", "good_answer_home_care", "helps")
GUIDANCE_OPTIONAL = ("action",)  # the suggested action when the question is open in an action plan
LEVELS = tuple(value for value, _ in Question.LEVELS)
CHANGE_STATUSES = tuple(value for value, _ in Question.CHANGES)
TOP_REQUIRED = ("year", "version", "title", "deadline", "standards", "groups", "questions")
TOP_OPTIONAL = ("published_on", "previous_year", "thresholds", "removed", "provisional")
QUESTION_REQUIRED = ("ref", "standard", "group", "subgroup", "level", "level_confirmed", "answer_type", "text")
QUESTION_REQUIRED += ("guidance",)
# The rule keys whose values are checked here (and documented in content/frameworks/README.md). Which keys each
# answer type needs or may have is said by its entry in frameworks/answer_types; every type may have
# not_applicable_allowed, from_profile and review_each_year (the answer speaks of the last 12 months, so one
# carried over to a new year counts only once someone has checked it: assessments/carry_over.py).
RULE_KEYS = ("explanation_required_on_no", "acceptable", "not_applicable_allowed", "choices", "minimum")
RULE_KEYS += ("max_age_months", "min_length", "from_profile", "review_each_year", "from_register")
# Facts of the organisation profile a question may offer, so nobody types them twice (rule key from_profile).
PROFILE_FACTS = ("ico_number", "caldicott", "siro", "ig_lead", "dpo")
EVERY_TYPE_MAY_HAVE = ("not_applicable_allowed", "from_profile", "review_each_year", "from_register")
# A suggestion a register offers (rule key from_register): a name like training_share. Which names exist is said by
# the registers (registers.hooks.add_suggestion), which this module may not import; a test checks the shipped files.
SUGGESTION_NAME = re.compile(r"^[a-z][a-z_]{1,40}$")
# Rule keys that change how an answer carries over to the next year or where its first value comes from, not whether
# it counts: adding or removing one is not a change of the question (comparisons of `rules` between years or
# revisions may leave them out).
CARRY_OVER_ONLY_RULES = ("review_each_year", "from_register")


def rule_keys() -> tuple[str, ...]:
    """RULE_KEYS, then any other key a registered answer type needs or may have (it checks their values)."""
    used = [key for kind in answer_types.all_types() for key in (*kind.needs_rules, *kind.may_have_rules)]
    return tuple(dict.fromkeys((*RULE_KEYS, *used)))


class FrameworkError(Exception):
    """A question bank that cannot be loaded; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class ParsedQuestion:
    ref: str
    position: int
    standard: int
    group: str
    fields: dict  # the remaining Question fields, ready to store


@dataclass(frozen=True)
class ParsedFramework:
    path: Path
    source_hash: str
    year: str
    version: str
    title: str
    published_on: date | None
    deadline: date
    previous_year: str
    thresholds: dict
    standards: list[dict]
    groups: list[dict]
    questions: list[ParsedQuestion]
    removed: list[dict] = field(default_factory=list)
    provisional: bool = False


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, except that a key given twice in one mapping is an error instead of a silent overwrite."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep) if key_node.tag != "tag:yaml.org,2002:merge" else None
            if key is not None and isinstance(key, str | int | float | bool):
                if key in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"{key!r} appears twice", key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


class Problems:
    def __init__(self, file: str):
        self.file, self.items = file, []

    def add(self, place: str | None, name: str, message: str):
        self.items.append(f"{self.file}: {place}: {name}: {message}" if place else f"{self.file}: {name}: {message}")

    def raise_if_any(self):
        if self.items:
            raise FrameworkError(self.items)


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_int(value, low=None, high=None) -> bool:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return ok and (low is None or value >= low) and (high is None or value <= high)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_ref(value) -> bool:
    return isinstance(value, str) and bool(REF.match(value)) and len(value) <= 12


def _check_entry(problems, place, prefix, data, required, optional=(), strings=None) -> bool:
    """Report missing and unknown keys of a mapping, and check its `strings` {key: max length or None}.

    Returns False when `data` is not a mapping at all. Keys named in MAY_BE_EMPTY may hold "".
    """
    if not isinstance(data, dict):
        problems.add(place, prefix.rstrip(".") or "(whole entry)", f"must be a mapping, got {_show(data)}")
        return False
    allowed = (*required, *optional)
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            problems.add(place, f"{prefix}{key}", "unknown key" + (f" (did you mean {close[0]!r}?)" if close else ""))
    for key in required:
        if key not in data:
            problems.add(place, f"{prefix}{key}", "is missing")
    for key, max_length in (strings or {}).items():
        value = data.get(key)
        if key not in data:
            continue
        if not isinstance(value, str):
            problems.add(place, f"{prefix}{key}", f"must be a string, got {_show(value)}")
        elif key not in MAY_BE_EMPTY and not value.strip():
            problems.add(place, f"{prefix}{key}", "must not be empty")
        elif max_length and len(value) > max_length:
            problems.add(place, f"{prefix}{key}", f"must be at most {max_length} characters (it has {len(value)})")
    return True


def _check_one_of(problems, place, name, data, allowed):
    if name in data and data[name] not in allowed:
        problems.add(place, name, f"must be one of {', '.join(allowed)}, got {_show(data[name])}")


def _check_top(problems, data, path: Path) -> dict:
    """Check the top-level scalars and thresholds; return the good values (bad ones are left out)."""
    _check_entry(problems, None, "", data, TOP_REQUIRED, TOP_OPTIONAL, {"version": 10, "title": 200})
    if "provisional" in data and not isinstance(data["provisional"], bool):
        problems.add(None, "provisional", f"must be true or false, got {_show(data['provisional'])}")
    good = {"version": data.get("version", ""), "title": data.get("title", ""), "thresholds": {}}
    for name in ("year", "previous_year"):
        match = YEAR.match(data[name]) if isinstance(data.get(name), str) else None
        if match and (int(match[1]) + 1) % 100 == int(match[2]):
            good[name] = data[name]
        elif name in data:
            problems.add(None, name, f'must be a quoted toolkit year like "2025-26", got {_show(data[name])}')
    for name in ("published_on", "deadline"):
        if isinstance(data.get(name), date) and not isinstance(data[name], datetime):
            good[name] = data[name]
        elif name in data:
            problems.add(None, name, f"must be a date written YYYY-MM-DD, got {_show(data[name])}")
    year, deadline, published = good.get("year"), good.get("deadline"), good.get("published_on")
    if year and YEAR.match(path.stem) and path.stem != year:
        problems.add(None, "year", f"is {year} but the file is named {path.name}")
    if year and good.get("previous_year", "") >= year:
        problems.add(None, "previous_year", f"must be a year before {year}")
    if year and deadline and deadline.year != int(year[:4]) + 1:
        problems.add(None, "deadline", f"{deadline} is not in {int(year[:4]) + 1}, when {year} closes")
    if published and deadline and published > deadline:
        problems.add(None, "published_on", "is after the deadline")
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        problems.add(None, "thresholds", f"must be a mapping of names to numbers, got {_show(thresholds)}")
        return good
    for name, value in thresholds.items():
        if not (isinstance(name, str) and THRESHOLD_NAME.match(name)):
            problems.add(None, f"thresholds.{name}", "name must be lower_case_with_underscores")
        if not _is_number(value):
            problems.add(None, f"thresholds.{name}", f"must be a number, got {_show(value)}")
    good["thresholds"] = thresholds
    return good


def _entries(problems, data, name, keys, strings) -> list[dict]:
    """Check a top-level list of mappings that have exactly `keys`; return the entries that are mappings."""
    items = data.get(name, [])
    if not isinstance(items, list):
        problems.add(None, name, f"must be a list, got {_show(items)}")
        return []
    return [
        item for n, item in enumerate(items) if _check_entry(problems, None, f"{name}[{n}].", item, keys, (), strings)
    ]


def _check_standards_and_groups(problems, data) -> tuple[list[dict], list[dict]]:
    standards = _entries(problems, data, "standards", ("number", "title", "summary"), {"title": 120, "summary": None})
    for index, item in enumerate(standards):
        if "number" in item and not _is_int(item["number"], 1, 10):
            problems.add(
                None, f"standards[{index}].number", f"must be a whole number 1-10, got {_show(item['number'])}"
            )
    counts = Counter(item["number"] for item in standards if _is_int(item.get("number")))
    for number in range(1, 11) if isinstance(data.get("standards"), list) else ():
        if counts[number] != 1:
            problems.add(None, "standards", f"standard {number} appears {counts[number]} times; it must appear once")
    strings = {"slug": 40, "title": 80, "summary": None}
    groups = _entries(problems, data, "groups", ("slug", "title", "summary"), strings)
    slugs = [item.get("slug") for item in groups]
    if isinstance(data.get("groups"), list) and slugs != list(GROUP_SLUGS):
        problems.add(
            None, "groups", f"must be {', '.join(GROUP_SLUGS)} in this order, got {', '.join(map(str, slugs))}"
        )
    return standards, groups


def _check_rules(problems, place, data, answer_type, thresholds) -> dict:
    """Check the type-specific keys of one question; return those present (as stored in Question.rules)."""
    known = rule_keys()
    rules = {key: data[key] for key in known if key in data}
    kind = answer_types.find(answer_type)
    needed, optional = (kind.needs_rules, kind.may_have_rules) if kind else ((), known)
    for key in needed:
        if key not in rules:
            problems.add(place, key, f"is missing (answer_type {answer_type} needs it)")
    for key in [key for key in rules if key not in (*needed, *optional, *EVERY_TYPE_MAY_HAVE)]:
        problems.add(place, key, f"is not used by answer_type {answer_type}")
        del rules[key]
    for key in ("explanation_required_on_no", "not_applicable_allowed", "review_each_year"):
        if key in rules and not isinstance(rules[key], bool):
            problems.add(place, key, f"must be true or false, got {_show(rules[key])}")
    facts = rules.get("from_profile")
    known_facts = isinstance(facts, list) and facts and all(fact in PROFILE_FACTS for fact in facts)
    if "from_profile" in rules and not (known_facts and len(set(facts)) == len(facts)):
        problems.add(place, "from_profile", f"must be a list of {', '.join(PROFILE_FACTS)}, got {_show(facts)}")
    if "from_register" in rules and not (
        isinstance(rules["from_register"], str) and SUGGESTION_NAME.match(rules["from_register"])
    ):
        problems.add(
            place,
            "from_register",
            f"must be a suggestion's name like training_share, got {_show(rules['from_register'])}",
        )
    for key in ("max_age_months", "min_length"):
        if key in rules and not _is_int(rules[key], 1):
            problems.add(place, key, f"must be a whole number above 0, got {_show(rules[key])}")
    values = [value for value, _ in kind.fixed_choices] if kind else []
    if isinstance(rules.get("choices"), list) and len(rules["choices"]) >= 2:
        for index, choice in enumerate(rules["choices"]):
            prefix = f"choices[{index}]."
            if _check_entry(problems, place, prefix, choice, ("value", "label"), (), dict.fromkeys(("value", "label"))):
                if choice.get("value") in values:
                    problems.add(place, f"{prefix}value", f"{choice['value']!r} is used twice")
                values.extend([choice["value"]] if isinstance(choice.get("value"), str) else [])
    elif "choices" in rules:
        problems.add(
            place, "choices", f"must be a list of at least two {{value, label}}, got {_show(rules['choices'])}"
        )
    acceptable = rules.get("acceptable")
    if "acceptable" in rules and (not isinstance(acceptable, list) or not acceptable):
        problems.add(place, "acceptable", f"must be a non-empty list, got {_show(acceptable)}")
    elif acceptable and len(set(map(str, acceptable))) != len(acceptable):
        problems.add(place, "acceptable", "lists a value twice")
    elif acceptable and values:
        for value in acceptable:
            if value not in values or not isinstance(value, str):
                hint = ' (write "yes" and "no" in quotes: YAML reads them as true and false)' * isinstance(value, bool)
                problems.add(place, "acceptable", f"{_show(value)} is not one of {', '.join(sorted(values))}{hint}")
    minimum = rules.get("minimum")
    if isinstance(minimum, str) and minimum.startswith("@"):
        if minimum[1:] not in thresholds:
            problems.add(place, "minimum", f"{minimum} names no key of thresholds")
    elif "minimum" in rules and not _is_number(minimum):
        problems.add(place, "minimum", f'must be a number or "@threshold_name", got {_show(minimum)}')
    for key, message in kind.rule_problems(rules, thresholds) if kind else ():
        problems.add(place, key, message)
    return rules


def _check_change(problems, place, data, has_previous) -> dict:
    if not has_previous:
        if "change" in data:
            problems.add(place, "change", "is only allowed in a file with previous_year")
        return {"change_status": "", "previous_ref": "", "change_note": ""}
    if "change" not in data:
        problems.add(place, "change", "is missing (the file has previous_year)")
        return {}
    change = data["change"]
    if not _check_entry(problems, place, "change.", change, ("status",), ("previous_ref", "note"), {"note": None}):
        return {}
    status, previous_ref, note = change.get("status"), change.get("previous_ref"), change.get("note")
    _check_one_of(problems, place, "change.status", {"change.status": status}, CHANGE_STATUSES)
    if status == Question.NEW and previous_ref is not None:
        problems.add(place, "change.previous_ref", "must be left out when the status is new")
    elif status in (Question.UNCHANGED, Question.REWORDED) and previous_ref is None:
        problems.add(place, "change.previous_ref", f"is missing (needed when the status is {status})")
    elif previous_ref is not None and not _is_ref(previous_ref):
        problems.add(place, "change.previous_ref", f'must be a quoted ref like "1.3.12", got {_show(previous_ref)}')
    if status in (Question.REWORDED, Question.NEW) and note is None:
        problems.add(place, "change.note", f"is missing (say what changed when the status is {status})")
    return {"change_status": status, "previous_ref": previous_ref or "", "change_note": note or ""}


def _check_question(problems, position, data, thresholds, has_previous) -> ParsedQuestion | None:
    ref = data.get("ref") if isinstance(data, dict) else None
    place = f"question {ref}" if ref is not None else f"question #{position}"
    strings = {"subgroup": 120, "text": None, "level_note": None}
    if not _check_entry(problems, place, "", data, QUESTION_REQUIRED, ("level_note", "change", *rule_keys()), strings):
        return None
    if "ref" in data and not _is_ref(ref):
        problems.add(place, "ref", f'must be a quoted string like "1.3.12" (standard.assertion.item), got {_show(ref)}')
    standard = data.get("standard")
    if "standard" in data and not _is_int(standard, 1, 10):
        problems.add(place, "standard", f"must be a whole number 1-10, got {_show(standard)}")
    elif _is_ref(ref) and "standard" in data and standard != int(ref.split(".")[0]):
        problems.add(place, "standard", f"is {standard} but the ref starts with {ref.split('.')[0]}")
    for key, allowed in (("group", GROUP_SLUGS), ("level", LEVELS), ("answer_type", answer_types.keys())):
        _check_one_of(problems, place, key, data, allowed)
    confirmed = data.get("level_confirmed")
    if "level_confirmed" in data and not isinstance(confirmed, bool):
        problems.add(place, "level_confirmed", f"must be true or false, got {_show(confirmed)}")
    if confirmed is False and "level_note" not in data:
        problems.add(place, "level_note", "is missing (needed when level_confirmed is false)")
    elif confirmed is True and "level_note" in data:
        problems.add(place, "level_note", "is only allowed when level_confirmed is false")
    guidance = data.get("guidance", {})
    strings = dict.fromkeys((*GUIDANCE_KEYS, *GUIDANCE_OPTIONAL))
    if "guidance" in data:
        _check_entry(problems, place, "guidance.", guidance, GUIDANCE_KEYS, GUIDANCE_OPTIONAL, strings)
        if isinstance(guidance, dict) and isinstance(guidance.get("helps"), str):
            for key in helps.unknown(guidance["helps"]):
                close = difflib.get_close_matches(key, list(helps.HELPS), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else " (add it to dspt/frameworks/helps.py)"
                problems.add(place, "guidance.helps", f"{key!r} is not something we know how to show{hint}")
    rules = _check_rules(problems, place, data, data.get("answer_type"), thresholds)
    change = _check_change(problems, place, data, has_previous)
    if not _is_ref(ref):
        return None
    fields = {key: data.get(key) for key in ("subgroup", "level", "level_confirmed", "answer_type", "text")}
    fields.update(level_note=data.get("level_note", ""), rules=rules, guidance=guidance, **change)
    return ParsedQuestion(ref=ref, position=position, standard=standard, group=data.get("group"), fields=fields)


def _check_questions(problems, data, thresholds, has_previous) -> list[ParsedQuestion]:
    items = data.get("questions", [])
    if not isinstance(items, list) or not items:
        problems.add(None, "questions", f"must be a non-empty list, got {_show(items)}")
        return []
    parsed = [_check_question(problems, n, item, thresholds, has_previous) for n, item in enumerate(items, 1)]
    questions, seen, last = [question for question in parsed if question], set(), None
    for question in questions:
        key = (tuple(int(part) for part in question.ref.split(".")), question.ref)
        if question.ref in seen:
            problems.add(f"question {question.ref}", "ref", "is used by more than one question")
        elif last and key < last:
            problems.add(f"question {question.ref}", "ref", f"comes after {last[1]}; keep questions in ref order")
        seen.add(question.ref)
        last = max(last or key, key)
    return questions


def _check_removed(problems, data, questions) -> list[dict]:
    if "previous_year" not in data:
        if "removed" in data:
            problems.add(None, "removed", "is only allowed in a file with previous_year")
        return []
    if "removed" not in data:
        problems.add(None, "removed", "is missing (the file has previous_year; write [] if nothing was removed)")
    removed = _entries(problems, data, "removed", ("ref", "note"), {"note": None})
    carried, seen = {question.fields.get("previous_ref") for question in questions}, set()
    for index, item in enumerate(removed):
        ref = item.get("ref")
        if "ref" in item and not _is_ref(ref):
            problems.add(None, f"removed[{index}].ref", f'must be a quoted ref like "1.3.12", got {_show(ref)}')
        elif ref in seen:
            problems.add(None, f"removed[{index}].ref", f"{ref} is listed more than once")
        elif ref in carried:
            problems.add(None, f"removed[{index}].ref", f"{ref} is also a question's change.previous_ref")
        seen.add(ref if _is_ref(ref) else None)
    return removed


def validate(path) -> ParsedFramework:
    """Parse and check one question-bank file on its own; raise FrameworkError listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FrameworkError([f"{path.name}: cannot read the file: {error.strerror}"]) from error
    try:
        data = yaml.load(raw, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        raise FrameworkError([f"{path.name}: not valid YAML: {' '.join(str(error).split())}"]) from error
    problems = Problems(path.name)
    if not isinstance(data, dict):
        raise FrameworkError([f"{path.name}: file: must be a mapping with year, title, questions and so on"])
    top = _check_top(problems, data, path)
    standards, groups = _check_standards_and_groups(problems, data)
    questions = _check_questions(problems, data, top["thresholds"], "previous_year" in data)
    removed = _check_removed(problems, data, questions)
    problems.raise_if_any()
    return ParsedFramework(
        path=path,
        source_hash=hashlib.sha256(raw).hexdigest(),
        year=top["year"],
        version=top["version"],
        title=top["title"],
        published_on=top.get("published_on"),
        deadline=top["deadline"],
        previous_year=top.get("previous_year", ""),
        thresholds=top["thresholds"],
        standards=standards,
        groups=groups,
        questions=questions,
        removed=removed,
        provisional=data.get("provisional") is True,
    )


# ---- writing ---------------------------------------------------------------------------------------------
