"""What the review of the shipped question sets (issue 10) changed for people answering them: answers about the
last 12 months are checked again in a new year, 7.2.1 asks how the continuity plan is tested (an answer stored
as a date still reads sensibly), and a level that is our best reading says so, with why."""

import pytest

from dspt.assessments import answering, carry_over, presenters, progress, rules
from dspt.assessments.models import Answer
from dspt.frameworks.models import FrameworkVersion, Question
from tests.factories import answer_all

pytestmark = pytest.mark.django_db
HOME = "/o/VX101/assessment/2025-26/"
QUESTION = HOME + "q/{}/"
# Unchanged from 2024-25 to 2025-26 and about the last 12 months (reworded ones need review anyway).
YEARLY_AND_UNCHANGED = ("1.1.2", "1.3.2", "1.4.2", "3.1.1", "5.1.1", "6.1.2", "6.1.3", "6.3.5", "7.2.1", "9.2.1")


@pytest.fixture
def last_year(org, owner):
    """Organisation A's 2024-25 assessment, answered in full; then 2025-26 is loaded and becomes the current year."""
    from dspt.frameworks.loader import load_shipped

    old = carry_over.start(org, load_shipped(["2024-25"])["2024-25"], owner)
    answer_all(old, owner)
    load_shipped(["2025-26"])
    return old


def test_answers_about_the_last_12_months_count_in_a_new_year_only_once_checked(last_year, org, owner, client_for):
    new = carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner)
    carried = {answer.question.ref: answer for answer in new.answers.select_related("question")}
    verdicts = progress.load(new).outcome.verdicts
    for ref in YEARLY_AND_UNCHANGED:
        answer = carried[ref]
        assert answer.question.change_status == Question.UNCHANGED, ref
        assert answer.needs_review and answer.counts_only_after_review, ref
        assert not verdicts[ref].ok, ref
        note = answer.versions.get().note
        assert note == "Carried over from 2024-25; it is about the last 12 months, so check it is true for this year"
    # A question that is not about a period of time still counts at once, waiting only for a confirmation
    ico = carried["1.1.1"]
    assert ico.needs_review and not ico.counts_only_after_review and verdicts["1.1.1"].ok
    # The question page says why; saving it again makes it count
    client = client_for(owner)
    page = client.get(QUESTION.format("3.1.1")).content.decode()
    assert "Carried over from 2024-25" in page
    assert "This answer is about the last 12 months" in page
    assert "about the last 12 months" not in client.get(QUESTION.format("1.1.1")).content.decode()
    training_analysis = carried["3.1.1"]
    response = client.post(
        QUESTION.format("3.1.1"), {"answer": "yes", "version": training_analysis.version, "action": "continue"}
    )
    assert response.status_code == 302
    assert progress.load(new).outcome.verdicts["3.1.1"].ok


def test_an_answer_carried_to_a_question_of_another_answer_type_must_be_reviewed(last_year, org, owner):
    """If a question's answer type changes between years, last year's stored value may not fit this year's type."""
    old_question = last_year.framework.questions.get(ref="1.3.13")
    Question.objects.filter(pk=old_question.pk).update(answer_type=Question.YES_NO)
    Answer.objects.filter(question=old_question).update(value={"choice": "yes"})
    new = carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner)
    answer = new.answers.get(question__ref="1.3.13")
    assert answer.question.change_status == Question.UNCHANGED and answer.question.answer_type == Question.TEXT
    assert answer.counts_only_after_review
    assert answer.versions.get().note == "Carried over from 2024-25; the question may have changed, please review"
    assert not progress.load(new).outcome.verdicts["1.3.13"].ok


def test_7_2_1_is_answered_with_how_the_plan_is_tested_and_the_date_of_the_last_test(client_for, owner, assessment):
    client = client_for(owner)
    page = client.get(QUESTION.format("7.2.1")).content.decode()
    assert "How do you test it?" in page and "Date of the last test" in page
    described = "Each spring the manager runs a table-top exercise: the care system is down for a whole shift."
    data = {"answer": described, "date[day]": "3", "date[month]": "5", "date[year]": "2025", "version": 0}
    response = client.post(QUESTION.format("7.2.1"), {**data, "action": "continue"})
    assert response.status_code == 302
    answer = assessment.answers.get(question__ref="7.2.1")
    assert answer.value == {"text": described, "date": "2025-05-03"}
    assert progress.load(assessment).outcome.verdicts["7.2.1"].ok
    sheet = client.get(HOME + "answers/").content.decode()
    assert f"{described} (last tested 3 May 2025)" in sheet


def test_a_7_2_1_answer_stored_as_a_date_reads_sensibly_and_says_what_it_needs(client_for, owner, assessment):
    """Before the review 7.2.1 was a date question, so answers saved then hold only {"date": ...}."""
    question = assessment.framework.questions.get(ref="7.2.1")
    answering.save_answer(
        assessment, question, value={"date": "2025-05-03"}, comment="", is_draft=False, user=owner, expected_version=0
    )
    client = client_for(owner)
    page = client.get(QUESTION.format("7.2.1")).content.decode()
    assert 'value="3"' in page and 'value="5"' in page and 'value="2025"' in page  # the date is kept in the form
    verdict = progress.load(assessment).outcome.verdicts["7.2.1"]
    assert not verdict.ok
    assert verdict.reason == "The answer gives only the date it was last tested, not how it is tested"
    assert presenters.describe(question, {"date": "2025-05-03"}) == "Last tested 3 May 2025"
    assert "Last tested 3 May 2025" in client.get(HOME + "answers/").content.decode()
    answer_all(assessment, owner, levels=["approaching"])  # so the home page lists what Standards Met still needs
    assert "gives only the date it was last tested, not how it is tested. To count: describe how you test it" in (
        client.get(HOME).content.decode()
    )


def test_a_level_that_is_our_best_reading_says_so_with_why(client_for, owner, assessment):
    client = client_for(owner)
    framework = assessment.framework
    optional_elsewhere = framework.questions.get(ref="1.3.6")
    assert not optional_elsewhere.level_confirmed and "optional" in optional_elsewhere.level_note
    page = client.get(QUESTION.format("1.3.6")).content.decode()
    assert "Needed for Standards Met (level not confirmed)" in page
    assert "Why the level is not confirmed: " + optional_elsewhere.level_note.replace("'", "&#39;") in page
    confirmed = client.get(QUESTION.format("1.1.1")).content.decode()
    assert "not confirmed" not in confirmed
    group = client.get(HOME + "group/data-security/").content.decode()
    assert "Needed for Standards Met (level not confirmed): NHS England&#39;s question list" in group
    assert (
        group.count("(level not confirmed)")
        == framework.questions.filter(group__slug="data-security", level_confirmed=False).count()
    )
    assert rules.needed_for(optional_elsewhere, rules.MET)
