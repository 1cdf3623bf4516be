"""Read a question bank (content/frameworks/<year>.yaml), check it, and write it to the database.

`validate(path)` checks a file on its own against content/frameworks/README.md; `load(path)` also checks it
against the years already loaded and writes it in one transaction, keyed by (year, ref), so answers that
point at questions survive a reload. Every problem found is reported at once, each as
"<file>: question <ref>: <field>: <what is wrong>" or "<file>: <top-level field>: <what is wrong>".

A year already loaded can be revised in place by loading its changed file (a provisional year, when the national
set comes out): unchanged questions keep their answers; questions whose text, level, answer type or rules changed
are "reworded", and the `questions_revised` signal lets the answers' owner (assessments) mark them for review;
questions no longer in the file are deleted when nothing points at them and otherwise withdrawn (kept, read-only,
with their answers, no longer counted); new questions start empty. The result says what changed.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.dispatch import Signal
from django.utils import timezone

from dspt.frameworks.changes import problems_with_previous, same_question
from dspt.frameworks.models import FrameworkVersion, Group, Question, RemovedQuestion, Standard
from dspt.frameworks.validation import FrameworkError, ParsedFramework, Problems, validate

__all__ = ["FrameworkError", "LoadResult", "load", "load_shipped", "shipped_files", "validate"]


# Sent inside the load's transaction when a loaded year is revised: framework, and `reworded`, the ids of questions
# whose text, level, answer type or rules changed (their answers no longer count until someone checks them).
questions_revised = Signal()


@dataclass(frozen=True)
class LoadResult:
    year: str
    created: bool
    changed: bool
    question_count: int
    added: tuple = field(default=())  # refs new in a revised year
    reworded: tuple = field(default=())  # refs whose text, level, answer type or rules changed
    withdrawn: tuple = field(default=())  # refs taken out of the file but kept (answers point at them)
    deleted: tuple = field(default=())  # refs taken out of the file that nothing pointed at

    def describe(self) -> str:
        """What the load did, in one line for the person running the command."""
        if not self.changed:
            return f"{self.year}: unchanged"
        if self.created:
            return f"{self.year}: loaded {self.question_count} questions"
        parts = [f"{self.year}: revised, {self.question_count} questions"]
        for label, refs in (
            ("added", self.added),
            ("reworded (their answers need checking)", self.reworded),
            ("withdrawn (kept read-only with their answers)", self.withdrawn),
            ("removed", self.deleted),
        ):
            if refs:
                parts.append(f"{len(refs)} {label}: {', '.join(refs)}")
        return "; ".join(parts)


def load(path) -> LoadResult:
    """Validate a file and write it in one transaction; loading the same bytes again writes nothing."""
    parsed = validate(path)
    with transaction.atomic():
        existing = FrameworkVersion.objects.select_for_update().filter(year=parsed.year).first()
        if existing is not None and existing.source_hash == parsed.source_hash:
            return LoadResult(parsed.year, created=False, changed=False, question_count=len(parsed.questions))
        previous = _check_against_database(parsed, existing)
        changes = _write(parsed, existing, previous)
    return LoadResult(
        parsed.year, created=existing is None, changed=True, question_count=len(parsed.questions), **changes
    )


def shipped_files() -> list[Path]:
    """The question banks that come with Open DSPT, oldest year first."""
    return sorted((Path(settings.BASE_DIR) / "content" / "frameworks").glob("*.yaml"))


def load_shipped(years=None) -> dict[str, FrameworkVersion]:
    """Load the shipped question banks (all, or up to the latest of `years`) in year order; for test fixtures.

    Earlier years are loaded too, because a year's file is checked against its previous_year.
    """
    files = {path.stem: path for path in shipped_files()}
    wanted = set(files) if years is None else set(years)
    if not wanted:
        return {}
    if unknown := wanted - set(files):
        raise FrameworkError([f"no shipped question bank for {', '.join(sorted(unknown))}"])
    loaded = [load(files[year]).year for year in sorted(files) if year <= max(wanted)]
    return FrameworkVersion.objects.in_bulk(loaded, field_name="year")


def resolve_minimum(question: Question):
    """The lowest acceptable value of a number or percentage question, with "@name" looked up in thresholds."""
    minimum = question.rules.get("minimum")
    if isinstance(minimum, str) and minimum.startswith("@"):
        return question.framework.thresholds[minimum[1:]]
    return minimum


def _references(question: Question) -> list[str]:
    """Labels of the models with rows pointing at `question` (any app's foreign or many-to-many key)."""
    found = []
    for relation in question._meta.related_objects:
        model = relation.related_model
        if model._base_manager.filter(**{relation.field.name: question}).exists():
            found.append(model._meta.label)
    return found


def _referenced(question: Question) -> bool:
    return bool(_references(question))


def _check_against_database(parsed: ParsedFramework, existing: FrameworkVersion | None) -> FrameworkVersion | None:
    """Checks that need the other loaded years: previous refs, later years' refs, questions still in use."""
    problems, previous = Problems(parsed.path.name), None
    if parsed.previous_year:
        previous = FrameworkVersion.objects.filter(year=parsed.previous_year).first()
        if previous is None:
            message = f"{parsed.previous_year} is not loaded yet: load {parsed.previous_year} first"
            problems.add(None, "previous_year", message)
        else:
            for place, name, message in problems_with_previous(parsed.questions, parsed.removed, previous):
                problems.add(place, name, message)
    if existing is not None:
        refs = {question.ref for question in parsed.questions}
        for later in FrameworkVersion.objects.filter(previous=existing):
            used = set(later.questions.exclude(previous_ref="").values_list("previous_ref", flat=True))
            used |= set(later.removed.values_list("ref", flat=True))
            for ref in sorted(used - refs):
                problems.add(f"question {ref}", "ref", f"is no longer in the file, but {later.year} refers to it")
    problems.raise_if_any()
    return previous


def _sync(rows, model, framework, key: str, wanted: dict) -> tuple[dict, list]:
    """Make `rows` (one framework's rows of `model`, keyed by `key`) match `wanted` {key: {field: value}}.

    Creates and updates in bulk, touching only rows that differ; returns ({key: row}, rows no longer wanted).
    """
    current = {getattr(row, key): row for row in rows}
    fresh, changed = [], []
    for value, fields in wanted.items():
        row = current.get(value)
        if row is None:
            fresh.append(model(framework=framework, **{key: value}, **fields))
        elif any(getattr(row, name) != new for name, new in fields.items()):
            for name, new in fields.items():
                setattr(row, name, new)
            changed.append(row)
    if changed:
        model.objects.bulk_update(changed, list(next(iter(wanted.values()))))
    for row in model.objects.bulk_create(fresh):
        current[getattr(row, key)] = row
    return current, [row for value, row in current.items() if value not in wanted]


def _write(parsed: ParsedFramework, existing: FrameworkVersion | None, previous: FrameworkVersion | None) -> dict:
    """Write the parsed file; for a revised year, return what changed (see LoadResult)."""
    version = existing or FrameworkVersion(year=parsed.year)
    for name in ("version", "title", "published_on", "deadline", "thresholds", "source_hash", "provisional"):
        setattr(version, name, getattr(parsed, name))
    version.previous = previous
    version.save()
    before = {q.ref: q for q in version.questions.all()} if existing is not None else {}
    wanted = {item["number"]: {"title": item["title"], "summary": item["summary"]} for item in parsed.standards}
    standards, old_standards = _sync(version.standards.all(), Standard, version, "number", wanted)
    wanted = {item["slug"]: {"title": item["title"], "summary": item["summary"]} for item in parsed.groups}
    for order, fields in enumerate(wanted.values(), 1):
        fields["order"] = order
    groups, old_groups = _sync(version.groups.all(), Group, version, "slug", wanted)
    wanted = {}
    for question in parsed.questions:
        links = {"standard_id": standards[question.standard].pk, "group_id": groups[question.group].pk}
        wanted[question.ref] = {**question.fields, "position": question.position, "withdrawn_at": None, **links}
    reworded = [ref for ref, old in before.items() if ref in wanted and not same_question(old, wanted[ref])]
    current, old_questions = _sync(version.questions.all(), Question, version, "ref", wanted)
    wanted = {item["ref"]: {"note": item["note"]} for item in parsed.removed}
    _, old_removed = _sync(version.removed.all(), RemovedQuestion, version, "ref", wanted)
    withdrawn = [question for question in old_questions if _referenced(question)]
    newly_withdrawn = [question for question in withdrawn if question.withdrawn_at is None]
    Question.objects.filter(pk__in=[q.pk for q in newly_withdrawn]).update(withdrawn_at=timezone.now())
    deleted = [question for question in old_questions if question not in withdrawn]
    try:
        for rows in (deleted, old_removed, old_groups, old_standards):
            if rows:
                type(rows[0]).objects.filter(pk__in=[row.pk for row in rows]).delete()
    except (ProtectedError, RestrictedError) as error:
        refs = ", ".join(sorted(getattr(row, "ref", str(row)) for row in deleted))
        raise FrameworkError([f"{parsed.path.name}: questions: cannot delete {refs}: {error.args[0]}"]) from error
    if existing is None:
        return {}
    if reworded:
        questions_revised.send(sender=FrameworkVersion, framework=version, reworded=[current[r].pk for r in reworded])
    return {
        "added": tuple(sorted(set(current) - set(before), key=ref_order)),
        "reworded": tuple(sorted(reworded, key=ref_order)),
        "withdrawn": tuple(sorted((q.ref for q in newly_withdrawn), key=ref_order)),
        "deleted": tuple(sorted((q.ref for q in deleted), key=ref_order)),
    }


def ref_order(ref: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in ref.split("."))
