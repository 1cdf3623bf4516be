"""Action plans below the views (action_plans.save_lines, attach_document, remove_document) and the uploaded-plan
path through the pages: upload, refuse a bad file keeping the page, publish, download the frozen copy."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dspt.assessments import progress
from dspt.history.models import ChangeRecord
from dspt.lib import uploads
from dspt.publication import action_plans
from dspt.publication.models import ActionPlan, ActionPlanLine, Publication
from tests.factories import answer_all

pytestmark = pytest.mark.django_db
PUBLISH = "/o/VX101/publish/"
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def approaching(assessment, owner):
    answer_all(assessment, owner, levels=["approaching"])
    return assessment


def _pdf(name="our-plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_lines_for_the_open_items_exist_only_in_memory_until_saved(approaching):
    standing = progress.load(approaching)
    lines = action_plans.lines_for(action_plans.plan_for(approaching), standing)
    assert [line.ref for line in lines] == [row.question.ref for row in standing.missing_for("met")]
    assert all(line.pk is None and line.gap for line in lines)
    assert not ActionPlan.objects.exists() and not ActionPlanLine.objects.exists()


def test_saving_lines_keeps_what_was_written_and_records_who_changed_what(approaching, owner):
    standing = progress.load(approaching)
    first, second = (line.ref for line in action_plans.lines_for(None, standing)[:2])
    by = datetime.date(2099, 3, 1)
    values = {
        first: action_plans.LineValues("  Train the last two staff  ", " Sam Patel ", by),
        "9.9.9": action_plans.LineValues("Not an open item", "Nobody", by),
    }
    lines = action_plans.save_lines(approaching, standing, values, owner)
    saved = {line.ref: line for line in ActionPlanLine.objects.all()}
    assert len(saved) == len(lines) == 19 and "9.9.9" not in saved
    assert (saved[first].action, saved[first].owner, saved[first].target_date) == (
        "Train the last two staff",
        "Sam Patel",
        by,
    )
    assert saved[second].action == "" and not saved[second].complete
    record = ChangeRecord.objects.get(area="Action plan")
    assert record.actor == owner
    assert record.changes == {first: [None, "Train the last two staff; Sam Patel; 2099-03-01"]}

    # Saving the same again records nothing new; a change records old and new.
    action_plans.save_lines(approaching, standing, values, owner)
    assert ChangeRecord.objects.filter(area="Action plan").count() == 1
    action_plans.save_lines(
        approaching, standing, {first: action_plans.LineValues("Book training", "Sam Patel", by)}, owner
    )
    assert ChangeRecord.objects.filter(area="Action plan").first().changes == {
        first: ["Train the last two staff; Sam Patel; 2099-03-01", "Book training; Sam Patel; 2099-03-01"]
    }


def test_a_line_is_kept_when_its_item_is_met_so_nothing_typed_is_lost(approaching, owner):
    standing = progress.load(approaching)
    ref = action_plans.lines_for(None, standing)[0].ref
    by = datetime.date(2099, 3, 1)
    action_plans.save_lines(approaching, standing, {ref: action_plans.LineValues("Do it", "Sam", by)}, owner)
    answer_all(approaching, owner, levels=["met"])
    assert action_plans.lines_for(action_plans.plan_for(approaching), progress.load(approaching)) == []
    assert ActionPlanLine.objects.get(ref=ref).action == "Do it"


def test_an_uploaded_plan_is_published_instead_of_the_lines_and_can_be_downloaded_as_frozen(
    client_for, owner, approaching
):
    client = client_for(owner)
    client.post(PUBLISH + "profile/")
    response = client.post(PUBLISH + "action-plan/upload/", {"document": _pdf()})
    assert response.status_code == 302 and response["Location"] == PUBLISH
    plan = ActionPlan.objects.get()
    assert plan.uses_document and plan.document_name == "our-plan.pdf"
    assert ChangeRecord.objects.get(area="Action plan").changes == {"Uploaded plan": [None, "our-plan.pdf"]}
    assert "Continue to publish" in client.get(PUBLISH).content.decode()  # no lines needed with a document
    assert client.get(PUBLISH + "action-plan/document/").getvalue() == PDF

    response = client.post(
        PUBLISH + "confirm/", {"confirmer_name": "Sam Patel", "confirmer_job_title": "Manager", "authority": "on"}
    )
    publication = Publication.objects.get()
    assert publication.snapshot["action_plan"]["document"] == "our-plan.pdf"
    # Removing or replacing the plan afterwards does not change what was published.
    client.post(PUBLISH + "action-plan/remove-document/")
    assert not ActionPlan.objects.get().uses_document
    frozen = client.get(f"/o/VX101/publications/{publication.pk}/action-plan-document/")
    assert frozen.status_code == 200 and frozen.getvalue() == PDF


def test_a_file_that_is_not_a_document_is_refused_on_the_plan_page(client_for, owner, approaching):
    client = client_for(owner)
    response = client.post(PUBLISH + "action-plan/upload/", {"document": _pdf("plan.pdf", b"MZ\x90\x00 not a pdf")})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Error: Your action plan" in page  # the page title says there is a problem
    assert "plan.pdf must be a PDF, Word, Excel, OpenDocument, PNG or JPEG file" in page
    assert page.count('name="line-') >= 19 * 3  # the plan's lines are still there to fill in
    assert not ActionPlan.objects.exists()


def test_attach_and_remove_below_the_views(approaching, owner):
    upload = _pdf()
    plan = action_plans.attach_document(approaching, upload, uploads.check(upload), owner)
    assert plan.uses_document
    assert action_plans.remove_document(approaching, owner) is True
    assert action_plans.remove_document(approaching, owner) is False
    assert [r.changes for r in ChangeRecord.objects.filter(area="Action plan").order_by("id")] == [
        {"Uploaded plan": [None, "our-plan.pdf"]},
        {"Uploaded plan": ["our-plan.pdf", None]},
    ]


def test_each_open_item_suggests_an_action_that_saving_accepts(client_for, owner, approaching):
    client = client_for(owner)
    page = client.get(PUBLISH + "action-plan/").content.decode()
    assert "<title>Your action plan for 2025-26" in page
    opt_out = approaching.framework.questions.get(ref="1.2.4").guidance["action"]
    assert f">{opt_out}</textarea>" in page
    assert "Suggested from the guidance: keep it, change it to fit, or write your own" in page
    # Accepting it: the person adds who and by when, and the suggested words are saved as the action
    data = {
        "action": "draft",
        "line-1.2.4-action": opt_out,
        "line-1.2.4-owner": "Sam Patel",
        "line-1.2.4-target_date[day]": "31",
        "line-1.2.4-target_date[month]": "3",
        "line-1.2.4-target_date[year]": "2099",
    }
    client.post(PUBLISH + "action-plan/", data)
    line = ActionPlanLine.objects.get(ref="1.2.4")
    assert (line.action, line.complete) == (opt_out, True)


def test_plan_downloads_show_dates_as_people_write_them_and_excel_as_real_dates(client_for, owner, approaching):
    import io

    from docx import Document
    from openpyxl import load_workbook

    standing = progress.load(approaching)
    ref = action_plans.lines_for(None, standing)[0].ref
    when = datetime.date(2099, 3, 31)
    action_plans.save_lines(approaching, standing, {ref: action_plans.LineValues("Do it", "Sam", when)}, owner)
    client = client_for(owner)
    document = Document(io.BytesIO(client.get(PUBLISH + "action-plan.docx").content))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "31 March 2099" in cells and "2099-03-31" not in cells
    sheet = load_workbook(io.BytesIO(client.get(PUBLISH + "action-plan.xlsx").content)).active
    dated = next(row for row in sheet.iter_rows(values_only=True) if row[0] == ref)
    assert dated[5] == datetime.datetime(2099, 3, 31)
