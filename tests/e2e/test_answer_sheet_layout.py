"""The answer sheet read on a phone and on a desktop: compact rows, each Copy button next to its answer.

A care manager opened the 2025-26 answer sheet on a phone, with every question answered, and had to scroll through
about 27,000 px of mostly blank page; the Copy buttons sat away from the answers they copy.
"""

import re

import pytest

from dspt.assessments import answering
from dspt.demo.answers import answer_all
from tests.e2e.helpers import assert_accessible
from tests.e2e.steps import heading, sign_in_with_session_cookie, stay_on_this_machine

SHEET = "/o/VX101/assessment/2025-26/answers/"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# A row holds a reference, a level, the question (at most a few lines), a one-line answer, a button and a link:
# about 10 lines of 24-28 px plus padding. 250 px on average leaves room for long questions, not for blank space.
MOST_AVERAGE_ROW_HEIGHT = 250
MULTI_LINE_ANSWER = "Priya Shah, registered manager, is our SIRO.\nSam Patel, deputy manager, is our IG lead."


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def every_question_answered(assessment, owner):
    answer_all(assessment, owner)
    return assessment


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not shown"
    return found


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_answer_sheet_is_compact_and_each_copy_button_sits_by_its_answer(
    page, live_server, owner, every_question_answered, viewport
):
    questions = every_question_answered.framework.questions.count()
    assert questions == 54
    page.set_viewport_size(viewport)
    sign_in_with_session_cookie(page, live_server, owner)

    page.goto(live_server.url + SHEET)

    assert heading(page) == "Answer sheet 2025-26"
    rows = page.locator(".nhsuk-summary-list__row")
    assert rows.count() == questions
    list_box = box(page.locator(".app-answer-sheet"))
    assert list_box["height"] / questions < MOST_AVERAGE_ROW_HEIGHT, list_box
    page_height = page.evaluate("document.documentElement.scrollHeight")
    outside_the_list = page_height - list_box["height"]
    assert outside_the_list < 1500, (page_height, list_box)  # header, heading, introduction, footer

    buttons = page.locator(".app-answer-sheet button[data-copy]")
    assert buttons.count() == questions  # every question is answered, so every row can be copied
    for index in range(questions):
        row = rows.nth(index)
        row_box = box(row)
        answer = row.locator("[id^=answer-]")
        answer_box = box(answer)
        button_box = box(row.get_by_role("button", name="Copy"))
        # inside its row
        assert row_box["y"] <= button_box["y"]
        assert button_box["y"] + button_box["height"] <= row_box["y"] + row_box["height"]
        # next to the answer: beside its first line, to its right, and still inside the row
        assert abs(button_box["y"] - answer_box["y"]) <= 8, (index, button_box, answer_box)
        assert answer_box["x"] + answer_box["width"] <= button_box["x"], (index, button_box, answer_box)
        assert button_box["x"] + button_box["width"] <= row_box["x"] + row_box["width"], (index, button_box)
        # and no blank space: the row is as tall as what it shows, plus the summary list's padding and margins
        shown = row.evaluate(
            "row => [...row.querySelectorAll(':scope > dt, :scope > dd > *')]"
            ".reduce((total, element) => total + element.getBoundingClientRect().height, 0)"
        )
        assert row_box["height"] - shown < 80, (index, row_box, shown)
    assert_accessible(page)


def sheet_row(page, ref: str):
    return page.locator(".nhsuk-summary-list__row").filter(has=page.locator("dt", has_text=re.compile(rf"^\s*{ref} ")))


def test_the_copy_button_copies_the_answer_it_sits_by(page, live_server, owner, every_question_answered):
    assessment = every_question_answered
    question = assessment.framework.questions.get(ref="1.1.5")
    answering.save_answer(
        assessment,
        question,
        value={"text": MULTI_LINE_ANSWER},
        comment="Checked by Sam\nand by Priya",
        is_draft=False,
        user=owner,
        expected_version=assessment.answers.get(question=question).version,
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.set_viewport_size(PHONE)
    sign_in_with_session_cookie(page, live_server, owner)
    page.goto(live_server.url + SHEET)

    row = sheet_row(page, "1.1.1")
    assert row.get_by_role("button", name="Copy the answer to 1.1.1", exact=True).count() == 1
    button = row.locator("button[data-copy]")  # found by what it is, since its name changes when pressed
    button.click()

    assert page.evaluate("navigator.clipboard.readText()") == "ZA123456"
    assert button.text_content().strip() == "Copied the answer to 1.1.1"

    # An answer over several lines shows them as typed, and is copied exactly as typed
    row = sheet_row(page, "1.1.5")
    assert row.locator("[id^=answer-]").inner_text() == MULTI_LINE_ANSWER
    assert "Comments: Checked by Sam\nand by Priya" in row.inner_text()
    row.locator("button[data-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == MULTI_LINE_ANSWER
