"""A provisional year, answered and published, then revised in place when the national question set is out: it gains,
loses and rewords questions. Answers and publications are kept as the loader and carry-over rules promise."""

import datetime

import pytest
from django.core.management import call_command

from dspt.assessments import carry_over, progress
from dspt.frameworks import provisional
from dspt.frameworks.loader import load, load_shipped, shipped_files
from dspt.frameworks.models import FrameworkVersion, Question
from dspt.publication.models import Publication
from tests.factories import answer_all, make_publication

pytestmark = pytest.mark.django_db
OPENS = datetime.date(2026, 7, 1)


@pytest.fixture
def provisional_year(tmp_path, org, owner):
    load_shipped(["2025-26"])
    previous = next(path for path in shipped_files() if path.stem == "2025-26")
    data = provisional.build(previous, "2026-27", OPENS)
    path = provisional.write(data, tmp_path, OPENS)
    result = load(path)
    assert result.created and result.question_count == 54
    framework = FrameworkVersion.objects.get(year="2026-27")
    assessment = carry_over.start(org, framework, owner)
    answer_all(assessment, owner)
    return data, path, assessment


def test_a_provisional_year_is_the_previous_year_unchanged(provisional_year):
    _data, path, assessment = provisional_year
    framework = assessment.framework
    assert framework.provisional and framework.published_on == OPENS
    assert framework.deadline == datetime.date(2027, 6, 30)
    assert framework.previous.year == "2025-26"
    assert set(framework.questions.values_list("change_status", flat=True)) == {Question.UNCHANGED}
    assert "PROVISIONAL" in path.read_text().splitlines()[0]


def test_revising_it_keeps_answers_and_publications_as_promised(provisional_year):
    data, path, assessment = provisional_year
    publication = make_publication(assessment, assessment.created_by, "met")
    frozen = publication.snapshot
    counted_before = {r.question.ref for r in progress.load(assessment).rows if r.verdict.ok}
    assert {"1.1.5", "1.3.6", "1.1.1"} <= counted_before

    # The national set is out: 1.1.5 is reworded, 1.3.6 is dropped, 7.1.7 is new
    questions = {q["ref"]: q for q in data["questions"]}
    questions["1.1.5"]["text"] = "Who at board level owns data and cyber security, and how do they report on it?"
    questions["1.1.5"]["change"] = {"status": "reworded", "previous_ref": "1.1.5", "note": "Asks about reporting."}
    data["questions"] = [q for q in data["questions"] if q["ref"] != "1.3.6"]
    data["removed"] = [{"ref": "1.3.6", "note": "Not asked in the national set."}]
    new = {**questions["7.1.1"], "ref": "7.1.7", "text": "Do you know which of your systems matter most?"}
    new["change"] = {"status": "new", "note": "New in the national set."}
    data["questions"].insert(next(i for i, q in enumerate(data["questions"]) if q["ref"] == "7.1.6") + 1, new)
    data["provisional"] = False
    result = load(provisional.write(data, path.parent, OPENS))

    assert (result.added, result.reworded, result.withdrawn, result.deleted) == (("7.1.7",), ("1.1.5",), ("1.3.6",), ())
    assert "1 withdrawn (kept read-only with their answers): 1.3.6" in result.describe()
    framework = FrameworkVersion.objects.get(year="2026-27")
    assert not framework.provisional
    standing = progress.load(assessment)
    rows = {row.question.ref: row for row in standing.rows}
    # Unchanged questions keep their answers, and they still count
    assert rows["1.1.1"].verdict.ok and rows["1.1.1"].answer.version == 1
    # The reworded question keeps its answer, which needs checking before it counts, with a version saying why
    reworded = rows["1.1.5"].answer
    assert reworded.needs_review and not rows["1.1.5"].verdict.ok
    assert "question set was revised" in reworded.versions.first().note
    assert rows["1.1.5"].verdict.reason == "The question changed when the question set was revised"
    # The dropped question is kept, read-only, with its answer, and no longer asked or counted
    dropped = Question.objects.get(framework=framework, ref="1.3.6")
    assert dropped.withdrawn_at is not None and dropped.answers.count() == 1
    assert "1.3.6" not in rows
    # The new question starts empty
    assert rows["7.1.7"].answer is None and not rows["7.1.7"].verdict.ok
    # The publication made before the revision is exactly as it was
    assert Publication.objects.get(pk=publication.pk).snapshot == frozen


def test_the_withdrawn_answer_cannot_be_changed(provisional_year, client_for, owner):
    data, path, assessment = provisional_year
    data["questions"] = [q for q in data["questions"] if q["ref"] != "1.3.6"]
    data["removed"] = [{"ref": "1.3.6", "note": "Not asked."}]
    load(provisional.write(data, path.parent, OPENS))
    from dspt.assessments import answering

    question = Question.objects.get(framework=assessment.framework, ref="1.3.6")
    answer = assessment.answers.get(question=question)
    with pytest.raises(answering.WithdrawnQuestion):
        answering.save_answer(
            assessment,
            question,
            value={"text": "Changed"},
            comment="",
            is_draft=False,
            user=owner,
            expected_version=answer.version,
        )


def test_the_command_writes_and_loads_a_provisional_year(tmp_path, settings, db):
    folder = tmp_path / "content" / "frameworks"
    folder.mkdir(parents=True)
    for path in shipped_files():
        if path.stem in ("2024-25", "2025-26"):
            (folder / path.name).write_bytes(path.read_bytes())
    settings.BASE_DIR = tmp_path
    load_shipped()
    call_command("open_provisional_year", "2026-27", "--opens", "2026-07-01")
    assert (folder / "2026-27.yaml").exists()
    assert FrameworkVersion.objects.get(year="2026-27").provisional


def test_the_withdrawn_question_page_says_so_and_offers_no_form(provisional_year, client_for, owner):
    data, path, _assessment = provisional_year
    data["questions"] = [q for q in data["questions"] if q["ref"] != "1.3.6"]
    data["removed"] = [{"ref": "1.3.6", "note": "Not asked."}]
    load(provisional.write(data, path.parent, OPENS))
    client = client_for(owner)
    page = client.get("/o/VX101/assessment/2026-27/q/1.3.6/").content.decode()
    assert "This question is no longer asked in 2026-27" in page
    assert "Save and continue" not in page
    assert client.post("/o/VX101/assessment/2026-27/q/1.3.6/", {"version": 1}).status_code == 403
    assert "1.3.6" not in client.get("/o/VX101/assessment/2026-27/answers/").content.decode()


def test_every_page_of_a_provisional_year_says_the_national_changes_are_not_reflected(
    provisional_year, client_for, owner
):
    client = client_for(owner)
    for url in (
        "/o/VX101/assessment/2026-27/",
        "/o/VX101/assessment/2026-27/group/staffing-and-roles/",
        "/o/VX101/assessment/2026-27/q/1.1.1/",
    ):
        page = client.get(url).content.decode()
        assert "The national 2026-27 questions are not out yet" in page, url
        assert "this year uses the 2025-26 questions, unchanged" in page, url
