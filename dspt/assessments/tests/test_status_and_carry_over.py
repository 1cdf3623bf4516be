import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook

from dspt.assessments import carry_over, progress, rules
from dspt.assessments.models import Assessment
from dspt.frameworks.models import FrameworkVersion
from tests.factories import answer_all

pytestmark = pytest.mark.django_db
HOME = "/o/VX101/assessment/2025-26/"


@pytest.fixture
def last_year(org, owner):
    """Organisation A's 2024-25 assessment, answered in full while 2024-25 was the current year; then 2025-26
    is loaded, so 2024-25 becomes an earlier year (kept as it was)."""
    from dspt.frameworks.loader import load_shipped

    old = carry_over.start(org, load_shipped(["2024-25"])["2024-25"], owner)
    answer_all(old, owner)
    load_shipped(["2025-26"])
    return old


def test_the_status_climbs_as_questions_are_answered(client_for, owner, org, assessment):
    client = client_for(owner)
    assert progress.load(assessment).status == rules.NOT_MET
    assert "What stands between you and Approaching Standards" in client.get(HOME).content.decode()
    answer_all(assessment, owner, levels=["approaching"])
    assert progress.load(assessment).status == rules.APPROACHING
    page = client.get(HOME).content.decode()
    assert "Approaching Standards</strong>" in page or "Approaching Standards" in page
    assert "What stands between you and Standards Met" in page
    answer_all(assessment, owner, levels=["met"])
    assert progress.load(assessment).status == rules.MET
    org.profile.cyber_essentials_plus = "yes"
    from django.utils import timezone

    org.profile.cyber_essentials_plus_date = timezone.localdate()
    org.profile.save()
    assessment.organisation.refresh_from_db()
    assert progress.load(Assessment.objects.get(pk=assessment.pk)).status == rules.EXCEEDED


def test_the_home_page_names_each_missing_item_with_why_and_what_helps(client_for, owner, assessment):
    answer_all(assessment, owner, levels=["approaching"])
    question = assessment.framework.questions.get(ref="3.2.1")
    from dspt.assessments import answering

    answering.save_answer(
        assessment, question, value={"number": "80"}, comment="", is_draft=False, user=owner, expected_version=0
    )
    page = client_for(owner).get(HOME).content.decode()
    assert "3.2.1" in page
    assert "80% is below the 95% needed" in page
    assert "reach 95%" in page
    missing = progress.load(assessment).missing_for(rules.MET)
    assert len(missing) == 45 - 26


def test_the_organisation_home_shows_the_assessment_status(client_for, owner, assessment):
    answer_all(assessment, owner, levels=["approaching"])
    page = client_for(owner).get("/o/VX101/").content.decode()
    assert "2025-26: 26 of 54 answered" in page
    # the status the answers reach is its tag, as on the assessment's own home page
    assert re.search(r'<strong class="nhsuk-tag nhsuk-tag--yellow">\s*Approaching Standards\s*</strong>', page)


def test_starting_a_new_year_carries_answers_over(last_year, org, owner, client_for):
    old = last_year
    new = carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner)
    assert new.started_from == old
    by_ref = {a.question.ref: a for a in new.answers.select_related("question")}
    unchanged = new.framework.questions.filter(change_status="unchanged").first()
    reworded = new.framework.questions.filter(change_status="reworded").first()
    created = new.framework.questions.filter(change_status="new").first()
    assert by_ref[unchanged.ref].carried_from_year == "2024-25"
    assert by_ref[unchanged.ref].needs_review
    assert by_ref[unchanged.ref].versions.get().note == "Carried over from 2024-25, please confirm"
    assert by_ref[reworded.ref].needs_review
    assert created.ref not in by_ref
    verdicts = progress.load(new).outcome.verdicts
    assert verdicts[unchanged.ref].ok
    assert not verdicts[reworded.ref].ok
    assert "question may have changed" in verdicts[reworded.ref].reason
    # The previous year's assessment is untouched and still readable.
    assert progress.load(old).status == rules.MET
    assert client_for(owner).get("/o/VX101/assessment/2024-25/").status_code == 200
    # Starting again returns the same assessment.
    assert carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner) == new


def test_answers_carried_across_a_skipped_year_must_all_be_reviewed(last_year, org, owner):
    # As if 2025-26 did not follow straight on from 2024-25 (a year in between was skipped).
    FrameworkVersion.objects.filter(year="2025-26").update(previous=None)
    new = carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner)
    carried = list(new.answers.all())
    assert carried and all(a.counts_only_after_review for a in carried)
    assert progress.load(new).status == rules.NOT_MET


def test_confirming_a_carried_answer_clears_the_flag(last_year, org, owner, client_for):
    new = carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner)
    answer = new.answers.get(question__ref="1.1.1")
    page = client_for(owner).get("/o/VX101/assessment/2025-26/q/1.1.1/").content.decode()
    assert "Carried over from 2024-25" in page
    response = client_for(owner).post(
        "/o/VX101/assessment/2025-26/q/1.1.1/", {"answer": "ZA123456", "version": answer.version, "action": "continue"}
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert not answer.needs_review


def test_the_start_page_offers_the_latest_year_and_starts_it(client_for, owner, frameworks, org):
    client = client_for(owner)
    page = client.get("/o/VX101/assessment/").content.decode()
    assert "Start the 2025-26 assessment" in page
    response = client.post("/o/VX101/assessment/2025-26/start/")
    assert response["Location"] == HOME
    assert client.get("/o/VX101/assessment/")["Location"] == HOME


def test_viewers_cannot_start_an_assessment(client_for, viewer, frameworks):
    assert client_for(viewer).post("/o/VX101/assessment/2025-26/start/").status_code == 403


def test_the_answer_sheet_lists_answers_by_reference_and_downloads(client_for, owner, assessment):
    answer_all(assessment, owner, levels=["approaching"])
    client = client_for(owner)
    page = client.get("/o/VX101/assessment/2025-26/answers/").content.decode()
    refs = [q.ref for q in assessment.framework.questions.order_by("position")]
    positions = [page.index(f">{ref}<") for ref in refs]
    assert positions == sorted(positions)
    assert "ZA123456" in page
    assert "data-copy=" in page

    workbook = load_workbook(io.BytesIO(client.get("/o/VX101/assessment/2025-26/answers.xlsx").content))
    rows = list(workbook.active.iter_rows(min_row=5, values_only=True))
    assert [row[0] for row in rows] == refs
    assert {row[0]: row[5] for row in rows}["1.1.1"] == "ZA123456"

    document = Document(io.BytesIO(client.get("/o/VX101/assessment/2025-26/answers.docx").content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Answer: ZA123456" in text
    assert text.index("1.1.1 ") < text.index("10.1.2 ")


def test_an_earlier_year_is_readable_but_kept_as_it_was(last_year, org, owner, client_for):
    old = last_year
    carry_over.start(org, FrameworkVersion.objects.get(year="2025-26"), owner)
    client = client_for(owner)
    page = client.get("/o/VX101/assessment/2024-25/q/1.1.1/").content.decode()
    assert "It is kept as it was" in page and "ZA123456" in page
    response = client.post(
        "/o/VX101/assessment/2024-25/q/1.1.1/", {"answer": "ZB111111", "version": 1, "action": "continue"}
    )
    assert response.status_code == 403
    assert old.answers.get(question__ref="1.1.1").value == {"ico": "ZA123456"}


def test_saving_or_removing_files_in_an_earlier_year_is_refused_below_the_views(last_year, owner):
    """The rule lives in answering, so an import, a register or a command cannot skip it either."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dspt.assessments import answering
    from dspt.assessments.models import Evidence
    from dspt.lib import uploads

    question = last_year.framework.questions.get(ref="1.1.1")
    answer = last_year.answers.get(question=question)
    with pytest.raises(answering.ReadOnlyYear):
        answering.save_answer(
            last_year,
            question,
            value={"ico": "ZB111111"},
            comment="",
            is_draft=False,
            user=owner,
            expected_version=answer.version,
        )
    upload = SimpleUploadedFile("policy.pdf", b"%PDF-1.7 policy")
    evidence = answering.attach(answer, upload, uploads.check(upload), owner)
    with pytest.raises(answering.ReadOnlyYear):
        answering.remove_evidence(evidence, owner)
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    answer.refresh_from_db()
    assert answer.value == {"ico": "ZA123456"}
    assert answer.versions.count() == 1
