"""validate() and load(): every kind of mistake is reported with file, question ref and field; loads are atomic,
idempotent and update rows in place."""

import hashlib
from datetime import date

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from dspt.frameworks import answer_types, loader, validation
from dspt.frameworks.loader import FrameworkError, load, resolve_minimum, validate
from dspt.frameworks.models import FrameworkVersion, Group, Question, RemovedQuestion, Standard


def _q(data, ref):
    return next(item for item in data["questions"] if item["ref"] == ref)


def _set(which, /, **fields):
    return lambda data: _q(data, which).update(fields)


def _drop(ref, key):
    return lambda data: _q(data, ref).pop(key)


def _guidance(ref, **fields):
    return lambda data: _q(data, ref)["guidance"].update(fields)


def _change(ref, **fields):
    return lambda data: _q(data, ref)["change"].update(fields)


def _swap_first_two(data):
    data["questions"][0], data["questions"][1] = data["questions"][1], data["questions"][0]


def _rows():
    return [model.objects.count() for model in (FrameworkVersion, Standard, Group, Question, RemovedQuestion)]


# (mutation of the 2024-25 sample, a line the error message must contain)
ERRORS_2024 = [
    (lambda d: d.pop("title"), "2024-25.yaml: title: is missing"),
    (lambda d: d.update(titel="x"), "2024-25.yaml: titel: unknown key (did you mean 'title'?)"),
    (lambda d: d.update(year="2024-2025"), '2024-25.yaml: year: must be a quoted toolkit year like "2025-26"'),
    (lambda d: d.update(year="2024-26"), "2024-25.yaml: year: must be a quoted toolkit year"),
    (lambda d: d.update(year=2024), "2024-25.yaml: year: must be a quoted toolkit year"),
    (lambda d: d.update(year="2023-24"), "2024-25.yaml: year: is 2023-24 but the file is named 2024-25.yaml"),
    (lambda d: d.update(version=""), "2024-25.yaml: version: must not be empty"),
    (lambda d: d.update(title="x" * 201), "2024-25.yaml: title: must be at most 200 characters"),
    (lambda d: d.update(deadline="30 June 2025"), "2024-25.yaml: deadline: must be a date written YYYY-MM-DD"),
    (lambda d: d.update(deadline=date(2024, 6, 30)), "2024-25.yaml: deadline: 2024-06-30 is not in 2025"),
    (lambda d: d.update(published_on=date(2025, 7, 1)), "2024-25.yaml: published_on: is after the deadline"),
    (lambda d: d["standards"].pop(), "2024-25.yaml: standards: standard 10 appears 0 times"),
    (lambda d: d["standards"][9].update(number=3), "2024-25.yaml: standards: standard 3 appears 2 times"),
    (lambda d: d["standards"][0].update(number="one"), "2024-25.yaml: standards[0].number: must be a whole number"),
    (lambda d: d["standards"][1].pop("title"), "2024-25.yaml: standards[1].title: is missing"),
    (lambda d: d["groups"].reverse(), "2024-25.yaml: groups: must be staffing-and-roles, policies-and-procedures"),
    (lambda d: d["groups"][0].update(colour="red"), "2024-25.yaml: groups[0].colour: unknown key"),
    (lambda d: d["thresholds"].update(training_share_percent="95%"), "thresholds.training_share_percent: must be a"),
    (lambda d: d.update(questions=[]), "2024-25.yaml: questions: must be a non-empty list"),
    (lambda d: d.update(removed=[]), "2024-25.yaml: removed: is only allowed in a file with previous_year"),
    (_set("1.1.1", ref="1.1"), '2024-25.yaml: question 1.1: ref: must be a quoted string like "1.3.12"'),
    (_set("1.1.1", ref=1.1), "2024-25.yaml: question 1.1: ref: must be a quoted string"),
    (_drop("1.1.1", "ref"), "2024-25.yaml: question #1: ref: is missing"),
    (_set("1.1.5", ref="1.1.1"), "2024-25.yaml: question 1.1.1: ref: is used by more than one question"),
    (_swap_first_two, "2024-25.yaml: question 1.1.1: ref: comes after 1.1.5; keep questions in ref order"),
    (_set("1.2.4", standard=2), "2024-25.yaml: question 1.2.4: standard: is 2 but the ref starts with 1"),
    (_set("1.2.4", standard=11), "2024-25.yaml: question 1.2.4: standard: must be a whole number 1-10"),
    (_set("1.1.5", group="staffing"), "2024-25.yaml: question 1.1.5: group: must be one of staffing-and-roles"),
    (_set("1.1.5", level="mandatory"), "2024-25.yaml: question 1.1.5: level: must be one of approaching, met"),
    (_set("1.1.5", level_confirmed="yes"), "2024-25.yaml: question 1.1.5: level_confirmed: must be true or false"),
    (_drop("4.4.1", "level_note"), "2024-25.yaml: question 4.4.1: level_note: is missing (needed when level_"),
    (_set("1.1.5", level_note="Why"), "2024-25.yaml: question 1.1.5: level_note: is only allowed when level_"),
    (_set("1.1.1", answer_type="boolean"), "2024-25.yaml: question 1.1.1: answer_type: must be one of confirm"),
    (_set("1.1.1", text=" "), "2024-25.yaml: question 1.1.1: text: must not be empty"),
    (_drop("1.1.1", "subgroup"), "2024-25.yaml: question 1.1.1: subgroup: is missing"),
    (_set("1.1.1", subgroup="x" * 121), "2024-25.yaml: question 1.1.1: subgroup: must be at most 120 characters"),
    (_set("1.2.4", acceptible=["yes"]), "question 1.2.4: acceptible: unknown key (did you mean 'acceptable'?)"),
    (_drop("1.2.4", "acceptable"), "2024-25.yaml: question 1.2.4: acceptable: is missing (answer_type yes_no"),
    (_drop("1.2.4", "explanation_required_on_no"), "question 1.2.4: explanation_required_on_no: is missing"),
    (_set("1.2.4", explanation_required_on_no="yes"), "1.2.4: explanation_required_on_no: must be true or false"),
    (_set("1.2.4", not_applicable_allowed=1), "question 1.2.4: not_applicable_allowed: must be true or false"),
    (_set("1.2.4", acceptable=[]), "2024-25.yaml: question 1.2.4: acceptable: must be a non-empty list"),
    (_set("1.2.4", acceptable="yes"), "2024-25.yaml: question 1.2.4: acceptable: must be a non-empty list"),
    (_set("1.2.4", acceptable=["maybe"]), "2024-25.yaml: question 1.2.4: acceptable: 'maybe' is not one of no, yes"),
    (_set("1.2.4", acceptable=[True]), '1.2.4: acceptable: True is not one of no, yes (write "yes" and "no" in quotes'),
    (_set("1.2.4", acceptable=["yes", "yes"]), "2024-25.yaml: question 1.2.4: acceptable: lists a value twice"),
    (_drop("1.3.11", "choices"), "2024-25.yaml: question 1.3.11: choices: is missing (answer_type choice"),
    (_drop("1.3.11", "acceptable"), "2024-25.yaml: question 1.3.11: acceptable: is missing"),
    (_set("1.3.11", acceptable=["none"]), "question 1.3.11: acceptable: 'none' is not one of all, no, some"),
    (_set("1.3.11", choices=["all"]), "question 1.3.11: choices: must be a list of at least two {value, label}"),
    (lambda d: _q(d, "1.3.11")["choices"][1].update(value="all"), "1.3.11: choices[1].value: 'all' is used twice"),
    (lambda d: _q(d, "1.3.11")["choices"][1].pop("label"), "question 1.3.11: choices[1].label: is missing"),
    (_set("3.2.1", minimum="@nope"), "2024-25.yaml: question 3.2.1: minimum: @nope names no key of thresholds"),
    (_set("3.2.1", minimum="lots"), '2024-25.yaml: question 3.2.1: minimum: must be a number or "@threshold_name"'),
    (_set("3.2.1", minimum=120), "2024-25.yaml: question 3.2.1: minimum: 120 is not a percentage (0-100)"),
    (_drop("7.2.1", "max_age_months"), "2024-25.yaml: question 7.2.1: max_age_months: is missing (answer_type"),
    (_set("7.2.1", max_age_months=0), "2024-25.yaml: question 7.2.1: max_age_months: must be a whole number above"),
    (_set("7.2.1", max_age_months="12"), "2024-25.yaml: question 7.2.1: max_age_months: must be a whole number"),
    (_set("1.1.5", min_length=-1), "2024-25.yaml: question 1.1.5: min_length: must be a whole number above 0"),
    (_set("1.1.5", min_length=True), "2024-25.yaml: question 1.1.5: min_length: must be a whole number above 0"),
    (_set("1.2.4", min_length=10), "2024-25.yaml: question 1.2.4: min_length: is not used by answer_type yes_no"),
    (_set("1.1.1", choices=[]), "2024-25.yaml: question 1.1.1: choices: is not used by answer_type ico_number"),
    (_drop("1.1.1", "guidance"), "2024-25.yaml: question 1.1.1: guidance: is missing"),
    (_set("1.1.1", guidance="See notes"), "2024-25.yaml: question 1.1.1: guidance: must be a mapping"),
    (lambda d: _q(d, "1.1.1")["guidance"].pop("helps"), "2024-25.yaml: question 1.1.1: guidance.helps: is missing"),
    (_guidance("1.1.1", how="x"), "2024-25.yaml: question 1.1.1: guidance.how: unknown key"),
    (_guidance("1.1.1", what=""), "2024-25.yaml: question 1.1.1: guidance.what: must not be empty"),
    (_guidance("1.1.1", helps=None), "2024-25.yaml: question 1.1.1: guidance.helps: must be a string"),
    (
        _guidance("1.1.1", helps="Information Asset Register; Privacy notce template"),
        "question 1.1.1: guidance.helps: 'Privacy notce template' is not something we know how to show (did you mean "
        "'Privacy notice template'?)",
    ),
    (_set("1.1.1", change={"status": "new"}), "question 1.1.1: change: is only allowed in a file with previous_year"),
]

# (mutation of the 2025-26 sample, a line the error message must contain)
ERRORS_2025 = [
    (_drop("1.1.1", "change"), "2025-26.yaml: question 1.1.1: change: is missing (the file has previous_year)"),
    (_change("1.1.1", status="same"), "2025-26.yaml: question 1.1.1: change.status: must be one of unchanged"),
    (lambda d: _q(d, "1.1.1")["change"].pop("previous_ref"), "question 1.1.1: change.previous_ref: is missing"),
    (_change("1.1.1", status="new", note="New."), "question 1.1.1: change.previous_ref: must be left out when"),
    (_change("1.1.1", status="reworded"), "2025-26.yaml: question 1.1.1: change.note: is missing"),
    (_change("1.1.1", note=""), "2025-26.yaml: question 1.1.1: change.note: must not be empty"),
    (_change("1.1.1", previous="1.1.1"), "question 1.1.1: change.previous: unknown key (did you mean 'previous_ref"),
    (_change("1.1.1", previous_ref="1.1"), "2025-26.yaml: question 1.1.1: change.previous_ref: must be a quoted ref"),
    (lambda d: d.pop("removed"), "2025-26.yaml: removed: is missing (the file has previous_year"),
    (lambda d: d.update(removed=[{"ref": "1.9.9"}]), "2025-26.yaml: removed[0].note: is missing"),
    (lambda d: d.update(removed=[{"ref": "1.9", "note": "x"}]), "2025-26.yaml: removed[0].ref: must be a quoted"),
    (lambda d: d.update(removed=[{"ref": "1.1.1", "note": "Gone."}]), "removed[0].ref: 1.1.1 is also a question's"),
    (lambda d: d.update(removed=[{"ref": "1.9.9", "note": "x"}] * 2), "removed[1].ref: 1.9.9 is listed more than once"),
    (lambda d: d.update(previous_year="2025-26"), "2025-26.yaml: previous_year: must be a year before 2025-26"),
    (lambda d: d.update(previous_year="24-25"), "2025-26.yaml: previous_year: must be a quoted toolkit year"),
]


@pytest.mark.parametrize(("mutate", "expected"), ERRORS_2024)
def test_each_mistake_in_a_first_year_file_is_named_with_file_ref_and_field(db, sample, write, mutate, expected):
    mutate(sample)
    path = write(sample, name="2024-25.yaml")
    with pytest.raises(FrameworkError) as error:
        load(path)
    assert expected in str(error.value)
    assert _rows() == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(("mutate", "expected"), ERRORS_2025)
def test_each_mistake_in_a_later_year_file_is_named_with_file_ref_and_field(db, sample_next, write, mutate, expected):
    mutate(sample_next)
    with pytest.raises(FrameworkError) as error:
        validate(write(sample_next, name="2025-26.yaml"))
    assert expected in str(error.value)


def test_it_reports_every_problem_at_once(sample, write):
    _q(sample, "1.2.4")["acceptable"] = ["maybe"]
    _q(sample, "7.2.1")["max_age_months"] = 0
    sample["deadline"] = "soon"
    _q(sample, "1.1.1")["guidanse"] = _q(sample, "1.1.1").pop("guidance")
    with pytest.raises(FrameworkError) as error:
        validate(write(sample))
    assert error.value.problems == [
        "2024-25.yaml: deadline: must be a date written YYYY-MM-DD, got 'soon'",
        "2024-25.yaml: question 1.1.1: guidanse: unknown key (did you mean 'guidance'?)",
        "2024-25.yaml: question 1.1.1: guidance: is missing",
        "2024-25.yaml: question 1.2.4: acceptable: 'maybe' is not one of no, yes",
        "2024-25.yaml: question 7.2.1: max_age_months: must be a whole number above 0, got 0",
    ]
    assert str(error.value) == "\n".join(error.value.problems)


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(tmp_path, sample, write):
    text = write(sample).read_text().replace("  level: met\n", "  level: met\n  level: optional\n", 1)
    path = tmp_path / "twice.yaml"
    path.write_text(text)
    with pytest.raises(FrameworkError, match=r"twice.yaml: not valid YAML: .*'level' appears twice.* line \d+"):
        validate(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("year: [2024\n", "broken.yaml: not valid YAML: "),
        ("- one\n- two\n", "broken.yaml: file: must be a mapping with year, title, questions"),
        ("", "broken.yaml: file: must be a mapping"),
    ],
)
def test_a_file_that_is_not_a_yaml_mapping_is_refused(tmp_path, text, expected):
    path = tmp_path / "broken.yaml"
    path.write_text(text)
    with pytest.raises(FrameworkError, match=expected):
        validate(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(FrameworkError, match=r"nothing\.yaml: cannot read the file"):
        validate(tmp_path / "nothing.yaml")


def test_it_loads_a_valid_file_into_rows(db, sample, write):
    path = write(sample)
    result = load(path)

    assert result == loader.LoadResult("2024-25", created=True, changed=True, question_count=9)
    version = FrameworkVersion.objects.get()
    assert (version.version, version.title, version.previous) == ("v7", "Sample toolkit 2024-25", None)
    assert (version.published_on, version.deadline) == (date(2024, 9, 3), date(2025, 6, 30))
    assert version.thresholds == {"training_share_percent": 95}
    assert version.source_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert list(version.standards.values_list("number", flat=True)) == list(range(1, 11))
    assert list(version.groups.values_list("slug", "order")) == [
        ("staffing-and-roles", 1),
        ("policies-and-procedures", 2),
        ("data-security", 3),
        ("it-systems-and-devices", 4),
    ]
    refs = ["1.1.1", "1.1.5", "1.2.4", "1.3.11", "3.2.1", "4.4.1", "6.1.1", "7.2.1", "9.1.1"]
    assert list(version.questions.values_list("ref", "position")) == [(ref, n) for n, ref in enumerate(refs, 1)]
    choice = version.questions.get(ref="1.3.11")
    assert (choice.standard.number, choice.group.slug) == (1, "it-systems-and-devices")
    assert (choice.level, choice.answer_type) == ("met", "choice")
    assert choice.rules == {"acceptable": ["all", "some"], "choices": _q(sample, "1.3.11")["choices"]}
    assert version.questions.get(ref="1.2.4").rules == {
        "explanation_required_on_no": True,
        "acceptable": ["yes"],
        "not_applicable_allowed": True,
    }
    assert version.questions.get(ref="1.1.1").rules == {}
    assert version.questions.get(ref="1.1.1").guidance == _q(sample, "1.1.1")["guidance"]
    unconfirmed = version.questions.get(ref="4.4.1")
    assert (unconfirmed.level_confirmed, unconfirmed.level_note) == (False, "Our guess.")
    assert set(version.questions.values_list("change_status", "previous_ref", "change_note")) == {("", "", "")}


def test_minimum_resolves_names_from_thresholds(db, sample, write):
    load(write(sample))
    version = FrameworkVersion.objects.get()
    minimums = {question.ref: resolve_minimum(question) for question in version.questions.all()}
    assert (minimums["3.2.1"], minimums["9.1.1"], minimums["1.1.1"]) == (95, 1, None)


def test_loading_the_same_file_twice_writes_nothing(db, sample, write):
    path = write(sample)
    load(path)
    ids = dict(Question.objects.values_list("ref", "id"))
    loaded_at = FrameworkVersion.objects.get().loaded_at

    with CaptureQueriesContext(connection) as queries:
        result = load(path)

    assert result == loader.LoadResult("2024-25", created=False, changed=False, question_count=9)
    assert dict(Question.objects.values_list("ref", "id")) == ids
    assert FrameworkVersion.objects.get().loaded_at == loaded_at
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert len(queries.captured_queries) <= 3  # the version look-up, plus savepoint statements


def test_a_changed_file_updates_rows_in_place(db, sample, write):
    load(write(sample))
    ids = dict(Question.objects.values_list("ref", "id"))
    version_id = FrameworkVersion.objects.get().id
    _q(sample, "1.1.5")["text"] = "Who leads on data security?"
    _q(sample, "1.2.4")["level"] = "approaching"
    sample["questions"].insert(2, {**_q(sample, "1.1.1"), "ref": "1.1.6", "text": "A new one?"})
    sample["questions"] = [item for item in sample["questions"] if item["ref"] != "9.1.1"]

    result = load(write(sample))

    assert result == loader.LoadResult(
        "2024-25",
        created=False,
        changed=True,
        question_count=9,
        added=("1.1.6",),
        reworded=("1.1.5", "1.2.4"),
        deleted=("9.1.1",),
    )
    assert result.describe() == (
        "2024-25: revised, 9 questions; 1 added: 1.1.6; 2 reworded (their answers need checking): 1.1.5, 1.2.4; "
        "1 removed: 9.1.1"
    )
    assert FrameworkVersion.objects.get().id == version_id
    now = dict(Question.objects.values_list("ref", "id"))
    assert set(now) == set(ids) - {"9.1.1"} | {"1.1.6"}
    assert all(now[ref] == ids[ref] for ref in now if ref != "1.1.6")
    assert Question.objects.get(ref="1.1.5").text == "Who leads on data security?"
    assert Question.objects.get(ref="1.2.4").level == "approaching"
    assert list(Question.objects.values_list("ref", flat=True)[:4]) == ["1.1.1", "1.1.5", "1.1.6", "1.2.4"]


def test_a_file_changed_only_in_comments_touches_no_question_rows(db, sample, write):
    path = write(sample)
    load(path)
    path.write_text("# A new comment\n" + path.read_text())
    with CaptureQueriesContext(connection) as queries:
        result = load(path)
    assert result.changed
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert len(writes) == 1 and 'UPDATE "frameworks_frameworkversion"' in writes[0]


def test_a_later_year_is_checked_against_the_loaded_previous_year(db, sample, sample_next, write):
    load(write(sample))
    _q(sample_next, "1.1.5")["change"] = {"status": "reworded", "previous_ref": "1.1.5", "note": "Reworded."}
    _q(sample_next, "1.1.5")["text"] = "Reworded?"
    _q(sample_next, "4.4.1")["change"] = {"status": "new", "note": "A new item."}
    sample_next["questions"] = [item for item in sample_next["questions"] if item["ref"] != "4.4.1"]
    new = {**_q(sample, "4.4.1"), "ref": "4.4.2", "change": {"status": "new", "note": "N"}}
    sample_next["questions"].insert(5, new)
    sample_next["removed"] = [{"ref": "4.4.1", "note": "Dropped in v8."}]

    result = load(write(sample_next))

    assert result == loader.LoadResult("2025-26", created=True, changed=True, question_count=9)
    version = FrameworkVersion.objects.get(year="2025-26")
    assert version.previous.year == "2024-25"
    reworded = version.questions.get(ref="1.1.5")
    assert (reworded.change_status, reworded.previous_ref, reworded.change_note) == ("reworded", "1.1.5", "Reworded.")
    assert version.questions.get(ref="4.4.2").change_status == "new"
    assert list(version.removed.values_list("ref", "note")) == [("4.4.1", "Dropped in v8.")]


def test_a_later_year_needs_its_previous_year_loaded_first(db, sample_next, write):
    with pytest.raises(FrameworkError) as error:
        load(write(sample_next))
    assert str(error.value) == "2025-26.yaml: previous_year: 2024-25 is not loaded yet: load 2024-25 first"
    assert _rows() == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_change("1.1.5", previous_ref="1.9.9"), "question 1.1.5: change.previous_ref: 1.9.9 is not a question of"),
        (_set("1.2.4", level="approaching"), "1.2.4: change.status: is unchanged, but its level differs from 2024-25"),
        (_set("1.1.5", text="New words?"), "1.1.5: change.status: is unchanged, but its text differs from 2024-25"),
        (_set("1.1.5", min_length=5), "1.1.5: change.status: is unchanged, but its rules differs from 2024-25"),
        (
            _set("1.1.1", change={"status": "new", "note": "N"}),
            "2025-26.yaml: question 1.1.1: change.status: is new, but 2024-25 has a 1.1.1",
        ),
        (
            lambda d: d.update(removed=[{"ref": "1.9.9", "note": "x"}]),
            "2025-26.yaml: removed[0].ref: 1.9.9 is not a question of 2024-25",
        ),
        (
            lambda d: d["questions"].pop(),
            "2025-26.yaml: removed: 2024-25 question 9.1.1 is neither any question's change.previous_ref nor",
        ),
    ],
)
def test_a_later_year_that_disagrees_with_the_previous_year_leaves_no_rows(
    db, sample, sample_next, write, mutate, expected
):
    load(write(sample))
    before = _rows()
    mutate(sample_next)
    with pytest.raises(FrameworkError) as error:
        load(write(sample_next))
    assert expected in str(error.value)
    assert _rows() == before
    assert not FrameworkVersion.objects.filter(year="2025-26").exists()


def _fail_on_question(operation, ref):
    """A database trigger that makes writing question `ref` fail: a real failure after earlier rows were written."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER fail_question BEFORE {operation} ON frameworks_question "
                f"WHEN NEW.ref = '{ref}' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION fail_question() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER fail_question BEFORE {operation} ON frameworks_question FOR EACH ROW "
                f"WHEN (NEW.ref = '{ref}') EXECUTE FUNCTION fail_question()"
            )


def test_a_database_failure_half_way_through_a_first_load_leaves_no_rows(db, sample, write):
    _fail_on_question("INSERT", "9.1.1")
    with pytest.raises(DatabaseError, match="refused by test trigger"):
        load(write(sample))
    assert _rows() == [0, 0, 0, 0, 0]


def test_a_database_failure_half_way_through_a_reload_changes_nothing(db, sample, write):
    load(write(sample))
    before = FrameworkVersion.objects.get()
    _q(sample, "1.1.1")["text"] = "Changed 1?"
    _q(sample, "9.1.1")["text"] = "Changed 9?"
    sample["title"] = "Renamed"
    _fail_on_question("UPDATE", "9.1.1")
    with pytest.raises(DatabaseError, match="refused by test trigger"):
        load(write(sample))
    after = FrameworkVersion.objects.get()
    assert (after.title, after.source_hash) == (before.title, before.source_hash)
    assert Question.objects.get(ref="1.1.1").text == "Sample question 1.1.1?"


def test_a_failed_reload_leaves_the_loaded_year_as_it_was(db, sample, sample_next, write):
    load(write(sample))
    load(write(sample_next))
    loaded = FrameworkVersion.objects.get(year="2025-26")
    reworded = {"status": "reworded", "previous_ref": "1.1.5", "note": "N"}
    _q(sample_next, "1.1.5").update(text="Changed?", change=reworded)
    _q(sample_next, "1.2.4")["change"]["previous_ref"] = "1.9.9"

    with pytest.raises(FrameworkError, match=r"1\.9\.9 is not a question of 2024-25"):
        load(write(sample_next))

    assert FrameworkVersion.objects.get(year="2025-26").source_hash == loaded.source_hash
    assert Question.objects.get(framework=loaded, ref="1.1.5").text == "Sample question 1.1.5?"


def test_a_previous_year_cannot_drop_a_question_a_later_year_refers_to(db, sample, sample_next, write):
    load(write(sample))
    load(write(sample_next))
    sample["questions"].pop()
    with pytest.raises(FrameworkError) as error:
        load(write(sample))
    assert str(error.value) == "2024-25.yaml: question 9.1.1: ref: is no longer in the file, but 2025-26 refers to it"
    assert Question.objects.filter(framework__year="2024-25", ref="9.1.1").exists()


def test_an_unreferenced_question_counts_as_unreferenced(db, sample, write):
    load(write(sample))
    question = Question.objects.get(ref="1.1.1")
    assert loader._references(question) == []
    assert loader._referenced(question) is False


def test_every_answer_type_has_rules_and_only_those(db):
    for kind in answer_types.all_types():
        assert set(kind.needs_rules) | set(kind.may_have_rules) <= set(validation.RULE_KEYS)
