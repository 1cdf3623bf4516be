"""change_map(): each question's status and the previous year's question it replaces, in a fixed number of queries."""

from dspt.frameworks.changes import ChangeEntry, change_map
from dspt.frameworks.loader import load
from dspt.frameworks.models import FrameworkVersion, Question


def _q(data, ref):
    return next(item for item in data["questions"] if item["ref"] == ref)


def _load_both(sample, sample_next, write):
    """2024-25 and a 2025-26 where 1.1.5 is reworded, 1.2.4 renumbered to 1.2.5, 4.4.1 dropped, 4.4.2 new."""
    load(write(sample))
    reworded = {"status": "reworded", "previous_ref": "1.1.5", "note": "W"}
    _q(sample_next, "1.1.5").update(text="Reworded?", change=reworded)
    _q(sample_next, "1.2.4").update(ref="1.2.5", change={"status": "reworded", "previous_ref": "1.2.4", "note": "R"})
    _q(sample_next, "4.4.1").update(ref="4.4.2", change={"status": "new", "note": "Brand new."})
    sample_next["removed"] = [{"ref": "4.4.1", "note": "Merged into 4.4.2."}]
    load(write(sample_next))
    return FrameworkVersion.objects.get(year="2024-25"), FrameworkVersion.objects.get(year="2025-26")


def test_it_maps_every_question_to_its_status_and_previous_question(db, sample, sample_next, write):
    old, new = _load_both(sample, sample_next, write)

    changes = change_map(new)

    assert list(changes) == list(new.questions.values_list("ref", flat=True))
    previous = {question.ref: question for question in old.questions.all()}
    assert changes["1.1.1"] == ChangeEntry(new.questions.get(ref="1.1.1"), "unchanged", previous["1.1.1"], "")
    assert changes["1.1.5"].status == "reworded" and changes["1.1.5"].note == "W"
    assert changes["1.1.5"].previous == previous["1.1.5"]
    assert (changes["1.2.5"].status, changes["1.2.5"].previous.ref) == ("reworded", "1.2.4")
    assert changes["1.2.5"].previous.framework.year == "2024-25"
    assert (changes["4.4.2"].status, changes["4.4.2"].previous, changes["4.4.2"].note) == ("new", None, "Brand new.")
    assert changes.removed == [previous["4.4.1"]]
    assert changes.removal_notes == {"4.4.1": "Merged into 4.4.2."}


def test_a_first_year_has_only_new_questions_and_nothing_removed(db, sample, write):
    load(write(sample))
    changes = change_map(FrameworkVersion.objects.get())
    assert {entry.status for entry in changes.values()} == {Question.NEW}
    assert {entry.previous for entry in changes.values()} == {None}
    assert (changes.removed, changes.removal_notes) == ([], {})


def test_it_takes_three_queries_whatever_the_size(db, sample, sample_next, write, django_assert_num_queries):
    _, new = _load_both(sample, sample_next, write)
    with django_assert_num_queries(3):
        changes = change_map(new)
        for entry in changes.values():
            _ = (entry.question.framework.year, entry.question.standard.number, entry.question.group.slug)
            _ = entry.previous and entry.previous.framework.year
        _ = [question.framework.year for question in changes.removed]
