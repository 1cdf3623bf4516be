""" "Save and continue" leads a person through what stands between them and their next status, group by group.

Found by trying it: it used to go to the next question by reference number, landing on optional and Standards Met
questions on the way to Approaching Standards, and crossing into other groups without a word. Here a manager starts
from the first item listed for Approaching Standards and only ever presses "Save and continue": every page it
lands on must be a question still needed for Approaching Standards, it stays in one group until the banner says
that group is done and names the next, and at the end the status is Approaching Standards.
"""

import pytest

from dspt.assessments import progress, rules
from tests.e2e.answering import banner_text, fill_answer, missing_list
from tests.e2e.steps import heading, press, sign_in_with_session_cookie, stay_on_this_machine

HOME = "/o/VX101/assessment/2025-26/"


@pytest.fixture
def fresh(transactional_db, frameworks, org, owner, assessment):
    return assessment


def test_save_and_continue_goes_through_the_approaching_standards_questions_group_by_group(
    page, live_server, fresh, owner
):
    stay_on_this_machine(page)
    sign_in_with_session_cookie(page, live_server, owner)
    questions = {q.text: q for q in fresh.framework.questions.select_related("group")}
    needed = {q.ref for q in questions.values() if q.level == "approaching"}

    page.goto(live_server.url + HOME)
    missing_list(page).first.click()
    visited, group_changes = [], []
    question = questions[heading(page)]
    group = question.group
    while True:
        assert question.ref in needed, f"landed on {question.ref} ({question.level}) after {visited}"
        assert question.ref not in visited, f"{question.ref} came round twice"
        visited.append(question.ref)
        fill_answer(page, question)
        press(page, "Save and continue")
        banner = banner_text(page)
        assert f"Your answer to {question.ref} has been saved." in banner, banner
        if heading(page) not in questions:  # back on the assessment's home page, at the new status
            assert "Your answers now reach Approaching Standards." in banner, banner
            break
        question = questions[heading(page)]
        if question.group != group:
            assert f"That is everything in {group.title} needed for Approaching Standards." in banner, banner
            assert f"Next: {question.group.title}." in banner, banner
            group_changes.append(question.group.title)
            group = question.group
        else:
            assert "Next:" not in banner, banner

    assert set(visited) == needed
    assert len(group_changes) == 3  # four groups, each finished before the next
    assert progress.load(fresh).status == rules.APPROACHING
    assert page.url.endswith(HOME)
    assert page.get_by_role("heading", name="What stands between you and Standards Met").count() == 1
