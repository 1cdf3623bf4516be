"""Where "Save and continue" goes (progress.Standing.next_after): the next question still needed for the status
being worked towards, in the same group; then the next group, saying so; home when the status is reached."""

import pytest

from dspt.assessments import answering, presenters, progress, rules
from dspt.demo.answers import acceptable_value

pytestmark = pytest.mark.django_db


def save(assessment, question, user, value=None):
    current = assessment.answers.filter(question=question).first()
    answering.save_answer(
        assessment,
        question,
        value=value or acceptable_value(question),
        comment="",
        is_draft=False,
        user=user,
        expected_version=current.version if current else 0,
    )


def needed_in_group(assessment, group):
    return [
        q for q in assessment.framework.questions.filter(group=group).order_by("position") if q.level == "approaching"
    ]


def test_it_stays_in_the_group_and_skips_what_the_next_status_does_not_need(assessment, owner):
    first_group = assessment.framework.groups.order_by("order").first()
    needed = needed_in_group(assessment, first_group)
    save(assessment, needed[0], owner)
    step = progress.load(assessment).next_after(needed[0], rules.APPROACHING)
    assert step.question == needed[1]
    assert (step.finished_group, step.new_group, step.reached) == (None, None, False)


def test_when_a_group_is_done_it_says_so_and_names_the_next_group(assessment, owner):
    groups = list(assessment.framework.groups.order_by("order"))
    needed = needed_in_group(assessment, groups[0])
    for question in needed:
        save(assessment, question, owner)
    standing = progress.load(assessment)
    step = standing.next_after(needed[-1], rules.APPROACHING)
    assert step.finished_group == groups[0]
    assert step.new_group == groups[1] and step.question == needed_in_group(assessment, groups[1])[0]
    level, text = presenters.after_saving(standing.row_for(needed[-1]), step)
    assert level == "success"
    assert f"That is everything in {groups[0].title} needed for Approaching Standards. Next: {groups[1].title}." in text


def test_reaching_the_status_goes_home_and_says_so(assessment, owner):
    questions = list(assessment.framework.questions.filter(level="approaching").order_by("position"))
    for question in questions:
        save(assessment, question, owner)
    standing = progress.load(assessment)
    step = standing.next_after(questions[-1], rules.APPROACHING)
    assert step.reached and step.question is None
    assert (
        "Your answers now reach Approaching Standards."
        in presenters.after_saving(standing.row_for(questions[-1]), step)[1]
    )


def test_an_answer_that_does_not_count_is_left_behind_with_a_warning(assessment, owner):
    training = assessment.framework.questions.get(ref="3.2.1")
    save(assessment, training, owner, {"number": "80"})
    standing = progress.load(assessment)
    step = standing.next_after(training, rules.MET)
    assert step.question != training
    level, text = presenters.after_saving(standing.row_for(training), step)
    assert level == "warning"
    assert "does not count yet: 80% is below the 95% needed. To make it count: reach 95%." in text
