"""An administrator answers the 2024-25 assessment in a browser up to Standards Met, then starts 2025-26.

Only the 2024-25 question set is loaded at first. Every question needed for Approaching Standards, then for
Standards Met, is opened from the home page's "What stands between you and ..." list and answered with the
control of its answer type. On the way: one evidence upload (a real PDF) that is then downloaded, and one
validation error recovered without losing what was typed. When the 2025-26 set is loaded, the next assessment
starts with the answers carried over. Each distinct kind of page is checked with axe-core; problems that do not stop
the journey are collected by `Story` and reported together (see tests/e2e/steps.py).
"""

import re
from pathlib import Path

import pytest
from django.utils import timezone

from dspt.assessments import carry_over, progress
from dspt.assessments.models import Answer, Assessment, Evidence
from dspt.frameworks.loader import load, load_shipped, shipped_files
from tests.e2e.answering import (
    banner_text,
    fill_answer,
    missing_list,
    missing_refs,
    question_url,
    save_and_continue,
    status_tag,
    write_small_pdf,
)
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine

PDF_NAME = "information-asset-register.pdf"
DOCUMENT_LINK = "https://sharepoint.example/sites/meadowbrook/privacy-notices"
TRAINING_COMMENT = "From the training matrix on 3 March: 29 of 30 staff have done it"


@pytest.fixture(autouse=True)
def _fail_fast(page):
    stay_on_this_machine(page)


@pytest.fixture
def framework_2024(transactional_db):
    """Only the 2024-25 question set is loaded."""
    return load_shipped(["2024-25"])["2024-25"]


@pytest.fixture
def administrator(org, owner):
    """VX101's administrator; the organisation has no Cyber Essentials Plus certificate (so no Exceeded)."""
    profile = org.profile
    profile.cyber_essentials_plus = "no"
    profile.save()
    return owner


@pytest.fixture
def private_files(settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return settings.PRIVATE_FILES_ROOT


# ---- steps ------------------------------------------------------------------------------------------------


class Journey:
    """The story plus what the answering steps need: the live server, the questions by ref, and which kinds of
    question page have been checked with axe already (one of each answer type is enough)."""

    def __init__(self, page, live_server, framework, tmp_path):
        self.story = Story(page)
        self.page = page
        self.live_server = live_server
        self.year = framework.year
        self.questions = {q.ref: q for q in framework.questions.select_related("group")}
        self.checked_types: set[str] = set()
        self.pdf = tmp_path / PDF_NAME
        self.pdf_bytes = write_small_pdf(self.pdf)

    @property
    def home_url(self):
        return f"{self.live_server.url}/o/VX101/assessment/{self.year}/"

    def open_home(self):
        self.page.goto(self.home_url)
        assert heading(self.page) == f"{self.year} assessment"

    def check_question_page(self, question):
        if question.answer_type not in self.checked_types:
            self.checked_types.add(question.answer_type)
            self.story.check_accessible()

    def answer(self, question):
        """On the question's page: fill in an answer that counts and save it."""
        page = self.page
        assert heading(page) == question.text, (question.ref, heading(page))
        self.check_question_page(question)
        if question.ref == "1.1.2":
            self.upload_evidence(question)
            return
        if question.ref == "3.2.1":
            self.recover_from_a_mistyped_percentage(question)
        fill_answer(page, question, link=DOCUMENT_LINK if question.ref == "1.1.3" else "")
        save_and_continue(page, question)

    def upload_evidence(self, question):
        page = self.page
        fill_answer(page, question, upload=self.pdf)
        save_and_continue(page, question)
        evidence = Evidence.objects.get(
            answer__question__ref=question.ref, answer__assessment__framework__year="2024-25"
        )
        assert (evidence.original_name, evidence.kind) == (PDF_NAME, "PDF document")

        # The file is listed on the question page, and downloads as it was uploaded
        page.goto(question_url(self.live_server, self.year, question.ref))
        files = page.locator("main ul.nhsuk-list").filter(has=page.get_by_role("link", name=PDF_NAME))
        assert "(PDF document, 1 KB)" in files.inner_text(), files.inner_text()
        self.story.expect(
            page.get_by_role("heading", name="Files attached").count() == 1, "no 'Files attached' heading"
        )
        self.story.check_accessible()  # a document question with a file attached (and its Remove button)
        with page.expect_download() as download_info:
            page.get_by_role("link", name=PDF_NAME).click()
        download = download_info.value
        assert download.suggested_filename == PDF_NAME
        body = Path(download.path()).read_bytes()
        assert body.startswith(b"%PDF") and body == self.pdf_bytes

    def recover_from_a_mistyped_percentage(self, question):
        """Type 120 with a comment: the error says what is wrong, and nothing typed is lost."""
        page = self.page
        page.get_by_label("Percentage", exact=True).fill("120")
        page.get_by_label("Comments (optional)").fill(TRAINING_COMMENT)
        press(page, "Save and continue")
        expect_error(page, "A percentage must be between 0 and 100")
        assert page.get_by_label("Percentage", exact=True).input_value() == "120"
        assert page.get_by_label("Comments (optional)").input_value() == TRAINING_COMMENT
        assert heading(page) == question.text
        self.story.check_accessible()  # the error state
        assert not Answer.objects.filter(question=question).exists()  # nothing saved

    def answer_everything_listed_as_missing(self, target: str) -> list[str]:
        """From the home page: read the list "What stands between you and <target>", open its first question from
        the list, then each of the others by its address, and answer them all. Back on the home page, the list
        must have gone. Returns the references answered, in the list's order."""
        page = self.page
        assert page.get_by_role("heading", name=f"What stands between you and {target}").count() == 1
        refs = missing_refs(page)
        assert refs, f"nothing is listed as missing for {target}"
        missing_list(page).first.click()
        page.wait_for_url(f"**/q/{refs[0]}/")
        for number, ref in enumerate(refs):
            if number:
                page.goto(question_url(self.live_server, self.year, ref))
            self.answer(self.questions[ref])
        self.open_home()
        assert page.get_by_role("heading", name=f"What stands between you and {target}").count() == 0
        return refs


def assessment_of(year: str) -> Assessment:
    return Assessment.objects.get(organisation__ods_code="VX101", framework__year=year)


def sheet_row(page, ref: str) -> str:
    """The text of the answer sheet's row for `ref` (its key starts with the reference, then the level; the NHS.UK
    summary-list macro puts a line break and indentation before the key's content)."""
    key = re.compile(r"^\s*" + re.escape(ref) + r"(?![.\d])")
    return page.locator(".nhsuk-summary-list__row").filter(has=page.locator("dt", has_text=key)).inner_text()


def refs_at(framework_questions, *levels) -> set[str]:
    return {ref for ref, q in framework_questions.items() if q.level in levels}


# ---- the story --------------------------------------------------------------------------------------------


def test_an_administrator_reaches_standards_met_and_carries_the_answers_into_the_next_year(
    page, live_server, framework_2024, administrator, private_files, tmp_path
):
    journey = Journey(page, live_server, framework_2024, tmp_path)
    story, questions = journey.story, journey.questions
    sign_in_with_session_cookie(page, live_server, administrator)

    # Given the organisation's overview, when I open the Assessment tab, I am offered the 2024-25 assessment
    page.goto(f"{live_server.url}/o/VX101/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Assessment").click()
    page.wait_for_url("**/assessment/")
    assert heading(page) == "Start your 2024-25 assessment"
    assert f"The 2024-25 toolkit has {len(questions)} questions in four groups" in page.locator("main").inner_text()
    story.check_accessible()

    # When I start it, its home page says nothing counts yet and lists what stands before Approaching Standards
    press(page, "Start the 2024-25 assessment")
    assert heading(page) == "2024-25 assessment"
    assert "Your 2024-25 assessment has started" in banner_text(page)
    assert "carried over" not in banner_text(page)  # there was no earlier assessment
    assert status_tag(page) == "Standards Not Met"
    assert page.get_by_role("heading", name="What stands between you and Approaching Standards").count() == 1
    approaching = refs_at(questions, "approaching")
    assert set(missing_refs(page)) == approaching
    story.check_accessible()

    # A group page lists its questions; I answer the ICO number question from there
    page.get_by_role("link", name="Policies and Procedures", exact=True).click()
    assert heading(page) == "Policies and Procedures"
    assert page.get_by_role("link", name=re.compile(r"^1\.1\.1 ")).count() == 1
    story.check_accessible()
    page.get_by_role("link", name=re.compile(r"^1\.1\.1 ")).click()
    page.wait_for_url("**/q/1.1.1/")
    journey.answer(questions["1.1.1"])
    # "Save and continue" goes on to the next question that does not count yet
    assert heading(page) == questions["1.1.2"].text
    assert assessment_of("2024-25").answers.get(question__ref="1.1.1").value == {"ico": "ZA123456"}

    # When I answer everything else listed for Approaching Standards (uploading a PDF on the way)
    journey.open_home()
    answered = journey.answer_everything_listed_as_missing("Approaching Standards")
    assert set(answered) | {"1.1.1"} == approaching

    # Then the status is Approaching Standards, and Standards Met is the next target
    assert status_tag(page) == "Approaching Standards"
    assert page.get_by_role("heading", name="What stands between you and Standards Met").count() == 1
    met = refs_at(questions, "met")
    assert set(missing_refs(page)) == met
    assessment_2024 = assessment_of("2024-25")
    assert progress.load(assessment_2024).status == "approaching"

    # When I answer the Standards Met questions (mistyping a percentage on the way)
    answered = journey.answer_everything_listed_as_missing("Standards Met")
    assert set(answered) == met

    # Then the status is Standards Met and nothing stands in the way any more
    assert status_tag(page) == "Standards Met"
    assert page.get_by_role("heading", name=re.compile("What stands between you")).count() == 0
    assert missing_refs(page) == []
    assert "Every question needed for Standards Met has an answer that counts" in page.locator("main").inner_text()
    story.check_accessible()
    assert progress.load(assessment_2024).status == "met"
    training = assessment_2024.answers.get(question__ref="3.2.1")
    assert (training.value, training.comment, training.version) == ({"number": "97"}, TRAINING_COMMENT, 1)
    assert assessment_2024.answers.get(question__ref="1.1.3").value["link"] == DOCUMENT_LINK
    assert assessment_2024.answers.get(question__ref="7.2.1").value["date"] < str(timezone.localdate())

    # An optional question with a confirmation tick
    page.goto(question_url(live_server, "2024-25", "4.4.1"))
    journey.answer(questions["4.4.1"])
    assert assessment_2024.answers.get(question__ref="4.4.1").value == {"confirmed": True}

    # The answer sheet shows every answer on one page
    journey.open_home()
    page.get_by_role("link", name="See all your answers on one page").click()
    assert heading(page) == "Answer sheet 2024-25"
    rows = page.locator(".nhsuk-summary-list__row")
    assert rows.count() == len(questions)
    training_row = sheet_row(page, "3.2.1")
    assert "97%" in training_row and f"Comments: {TRAINING_COMMENT}" in training_row, training_row
    register_row = sheet_row(page, "1.1.2")
    assert f"Files: {PDF_NAME}" in register_row, register_row
    story.check_accessible()

    # The history of an answer shows each version, with the file that was added
    page.goto(question_url(live_server, "2024-25", "1.1.2"))
    page.get_by_role("link", name="See every version of this answer").click()
    assert heading(page) == "History of the answer to 1.1.2"
    history = page.locator("main table").inner_text()
    assert f"Added {PDF_NAME}" in history and administrator.email in history, history
    story.check_accessible()

    # ---- next year: the 2025-26 question set is published -------------------------------------------------
    load(next(path for path in shipped_files() if path.stem == "2025-26"))
    answered_2024 = assessment_2024.answers.count()

    journey.open_home()  # the 2024-25 home page, reached from the tab below
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Assessment").click()
    page.wait_for_url("**/assessment/")
    assert heading(page) == "Start your 2025-26 assessment"
    main = page.locator("main").inner_text()
    assert "Your answers from 2024-25 will be copied in" in main
    assert page.get_by_role("link", name="2024-25 assessment").count() == 1  # earlier assessments
    story.check_accessible()

    press(page, "Start the 2025-26 assessment")
    assert heading(page) == "2025-26 assessment"
    assert f"{answered_2024} answers were carried over from 2024-25: check each one" in banner_text(page)
    assert f"Check {answered_2024} carried-over answers" in page.locator("main").inner_text()
    # Answers to reworded questions (like 1.1.3) do not count until reviewed; unchanged ones (1.1.1) still do
    assert "1.1.3" in missing_refs(page) and "1.1.1" not in missing_refs(page)
    story.check_accessible()
    assessment_2025 = assessment_of("2025-26")
    assert assessment_2025.started_from == assessment_2024
    assert assessment_2025.answers.filter(needs_review=True).count() == answered_2024

    # An unchanged question shows the carried-over answer; saving it confirms it
    ico_2025 = assessment_2025.framework.questions.get(ref="1.1.1")
    assert ico_2025.change_status == "unchanged"
    page.goto(question_url(live_server, "2025-26", "1.1.1"))
    assert heading(page) == ico_2025.text
    assert (
        "Carried over from 2024-25."
        in page.locator("main .nhsuk-inset-text").filter(has_text="Carried over").inner_text()
    )
    assert page.get_by_label("ICO registration number", exact=True).input_value() == "ZA123456"
    story.check_accessible()
    save_and_continue(page, ico_2025)
    confirmed = assessment_2025.answers.get(question__ref="1.1.1")
    assert (confirmed.needs_review, confirmed.value, confirmed.version) == (False, {"ico": "ZA123456"}, 2)
    assert assessment_2025.answers.filter(needs_review=True).count() == answered_2024 - 1
    # the file came too: the same stored copy, listed under the new year's answer
    carried_file = Evidence.objects.get(answer__assessment=assessment_2025, answer__question__ref="1.1.2")
    first_file = Evidence.objects.get(answer__assessment=assessment_2024, answer__question__ref="1.1.2")
    assert (carried_file.original_name, carried_file.stored_name) == (PDF_NAME, first_file.stored_name)

    # And the 2024-25 assessment is still there, unchanged, at Standards Met
    page.goto(f"{live_server.url}/o/VX101/assessment/2024-25/")
    assert heading(page) == "2024-25 assessment"
    assert status_tag(page) == "Standards Met"
    assert page.locator(".nhsuk-warning-callout").count() == 0
    original = assessment_2024.answers.get(question__ref="1.1.1")
    assert (original.needs_review, original.version) == (False, 1)

    # every answer type in the question set had its question page checked with axe
    assert journey.checked_types == {q.answer_type for q in questions.values()}
    story.assert_no_problems()


# ---- a file uploaded by mistake --------------------------------------------------------------------------------


def test_a_file_uploaded_by_mistake_is_removed_and_the_answer_no_longer_counts(
    page, live_server, framework_2024, administrator, org, private_files, tmp_path
):
    carry_over.start(org, framework_2024, administrator)
    story = Story(page)
    question = framework_2024.questions.get(ref="1.1.2")
    pdf = tmp_path / PDF_NAME
    write_small_pdf(pdf)
    sign_in_with_session_cookie(page, live_server, administrator)

    # Given an answer that is only an uploaded file
    page.goto(question_url(live_server, "2024-25", "1.1.2"))
    with page.expect_file_chooser() as chooser:
        page.get_by_label("Upload the document (optional)").click()
    chooser.value.set_files(str(pdf))
    save_and_continue(page, question)
    page.goto(question_url(live_server, "2024-25", "1.1.2"))
    assert page.get_by_role("link", name=PDF_NAME).count() == 1

    # When I remove the file
    press(page, f"Remove {PDF_NAME}")

    # Then I am back on the question, told it has gone, and the answer no longer counts
    assert heading(page) == question.text
    assert f"{PDF_NAME} has been removed" in banner_text(page)
    assert page.get_by_role("link", name=PDF_NAME).count() == 0
    assert not Evidence.objects.exists()
    assert not list(private_files.rglob("*.pdf"))  # the stored copy is deleted too
    page.get_by_role("link", name="See every version of this answer").click()
    history = page.locator("main table").inner_text()
    assert f"Added {PDF_NAME}" in history and f"Removed {PDF_NAME}" in history, history
    page.goto(f"{live_server.url}/o/VX101/assessment/2024-25/")
    assert "1.1.2" in missing_refs(page)
    story.assert_no_problems()
