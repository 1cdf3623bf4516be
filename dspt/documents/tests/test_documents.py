"""Documents: builders from the organisation's data, drafts and versions, Word and PDF files, evidence and pages."""

import datetime
import html
import io
import subprocess

import pytest
from django.core.exceptions import ValidationError
from docx import Document as WordDocument

from dspt.assessments import answering
from dspt.assessments.models import Assessment
from dspt.documents import drafting, evidence, evidence_pack, exports, facts, kinds
from dspt.documents.models import Document, Version
from dspt.documents.tests.factories import save_version
from dspt.history.models import ChangeRecord
from dspt.registers import hooks
from dspt.registers.tests.factories import add_activity, add_asset
from tests.factories import complete_profile

ICO = "ZA123456"


def _profile(org):
    return complete_profile(
        org, ico_number=ICO, dpo_name="Dana Okafor", dpo_title="Data Protection Officer", ig_lead_name="Ian Grey"
    )


def _text(version) -> str:
    return "\n".join(section["text"] for section in version.sections)


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "file.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


# ---- builders ----------------------------------------------------------------------------------------------


def test_every_kind_names_questions_of_the_current_year(frameworks):
    asked = set(frameworks["2025-26"].questions.values_list("ref", flat=True))
    for kind in kinds.ALL:
        assert kind.evidences and set(kind.evidences) <= asked, kind.slug
    assert set(kinds.get("business-continuity-plan").evidences) >= {"7.1.2", "7.2.1"}


def test_builders_say_plainly_what_is_missing(org):
    found = facts.gather(org)
    sections = drafting.built_sections(kinds.get("privacy-notice-people"), found)
    text = "\n".join(s["text"] for s in sections)
    assert "[Add your ICO registration number in your organisation profile]" in text
    assert "[Add the name of your Data Protection Officer (DPO) in your organisation profile]" in text
    missing = {item.text: item.href for item in found.missing}
    assert missing["Your ICO registration number"] == "/o/VX101/profile/ico/"
    assert missing["The reasons you use personal data"] == "/o/VX101/registers/processing-activities/add/"


def test_builders_use_the_profile_and_registers(org, owner):
    _profile(org)
    add_activity(org, owner, recipients="GP practices", retention="8 years after care ends")
    add_asset(org, owner, retention="8 years after care ends", disposal="Shredded on site")
    found = facts.gather(org)
    notice = "\n".join(s["text"] for s in drafting.built_sections(kinds.get("privacy-notice-people"), found))
    assert ICO in notice and "Dana Okafor (Data Protection Officer)" in notice
    assert "Planning and delivering care" in notice and "6(1)(b) Contract" in notice
    assert "9(2)(h) Health or social care" in notice and "GP practices" in notice
    schedule = "\n".join(s["text"] for s in drafting.built_sections(kinds.get("retention-schedule"), found))
    assert "Care plans (paper): kept 8 years after care ends; disposed of by Shredded on site" in schedule
    assert "8 years after care ends" in schedule
    assert "[Add your ICO" not in notice


def test_the_scam_sheet_links_to_reporting_an_incident_once_incidents_exist(org):
    from django.urls import NoReverseMatch, reverse

    text = "\n".join(s["text"] for s in drafting.built_sections(kinds.get("scam-email"), facts.gather(org)))
    try:
        path = reverse("registers:incidents:add", args=["VX101"]) + "?kind=scam_email"
    except NoReverseMatch:
        path = ""
    assert kinds.scam_report_path("VX101") == path
    assert (path in text) == bool(path)


# ---- drafts and versions -----------------------------------------------------------------------------------


def test_reading_a_draft_writes_nothing(org):
    current = drafting.draft(org, kinds.get("byod-policy"))
    assert current.document is None and current.title == "Bring your own device policy"
    assert not Document.objects.exists()


def test_versions_are_numbered_dated_and_recorded(org, owner):
    kind = kinds.get("data-protection-policy")
    day = datetime.date(2026, 1, 31)
    first = drafting.save_version(org, kind, "Our data protection policy", {"scope": "Everyone."}, owner, today=day)
    second = drafting.save_version(org, kind, "Our data protection policy", {}, owner, today=day)
    assert (first.number, second.number) == (1, 2)
    assert first.review_on == datetime.date(2027, 1, 31)
    assert first.saved_by_label == "owner@care.example"
    assert next(s["text"] for s in second.sections if s["key"] == "scope") == "Everyone."
    records = ChangeRecord.objects.filter(area=drafting.AREA, organisation=org)
    assert records.filter(changes__Version=[None, "1"]).exists()
    assert records.filter(action=ChangeRecord.CREATED).count() == 3  # the draft, then two versions
    with pytest.raises(ValueError):
        first.save()


def test_a_blank_or_long_title_is_refused(org, owner):
    kind = kinds.get("byod-policy")
    for title, message in [("  ", drafting.TITLE_BLANK), ("x" * 201, drafting.TITLE_TOO_LONG)]:
        with pytest.raises(ValidationError) as refused:
            drafting.save_version(org, kind, title, {}, owner)
        assert refused.value.message_dict["title"] == [message]
    assert not Version.objects.exists()


def test_starting_again_takes_up_new_data_and_keeps_versions(org, owner):
    kind = kinds.get("privacy-notice-staff")
    drafting.save_version(org, kind, "Staff notice", {"who": "Typed by hand"}, owner)
    _profile(org)
    document = drafting.start_again(org, kind, owner)
    assert ICO in document.sections[0]["text"] and document.title == kind.title
    assert Version.objects.filter(document=document).count() == 1
    assert "Typed by hand" in _text(Version.objects.get())


def test_add_months_keeps_to_the_end_of_short_months():
    assert drafting.add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert drafting.add_months(datetime.date(2026, 3, 15), 12) == datetime.date(2027, 3, 15)


# ---- files -------------------------------------------------------------------------------------------------


def test_a_generated_docx_opens_with_the_name_and_ico_number(org, owner):
    _profile(org)
    version = save_version(org, owner, "privacy-notice-people")
    word = WordDocument(io.BytesIO(exports.docx(version, org)))
    body = "\n".join(p.text for p in word.paragraphs)
    assert "Fictional Meadowbrook House" in word.sections[0].header.paragraphs[0].text
    assert ICO in body and "Privacy notice for people we support" in body
    assert any(p.style.name == "List Bullet" for p in word.paragraphs)
    assert any(p.style.name == "Heading 2" and p.text == "Your rights" for p in word.paragraphs)


def test_a_pdf_is_tagged_and_names_the_organisation(org, owner, tmp_path):
    version = save_version(org, owner, "business-continuity-plan")
    content = exports.pdf(version, org)
    text = _pdf_text(content, tmp_path)
    info = subprocess.run(["pdfinfo", str(tmp_path / "file.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info and "Business continuity plan – Fictional Meadowbrook House" in info
    assert "Fictional Meadowbrook House" in text and "If the care records system is lost" in text


def test_blocks_read_paragraphs_and_bullets():
    assert exports.blocks("One\ntwo\n\n- a\n- b\n  more\nAfter") == [
        ("p", "One two"),
        ("ul", ["a", "b more"]),
        ("p", "After"),
    ]


# ---- evidence ----------------------------------------------------------------------------------------------


def test_a_version_becomes_evidence_for_a_current_question(assessment, org, owner):
    version = save_version(org, owner, "data-protection-policy")
    kind = kinds.get("data-protection-policy")
    answer = evidence.attach(version, kind, assessment, "1.3.1", owner)
    file = answer.evidence.get()
    assert file.original_name == "data-protection-policy-v1.pdf" and file.kind == "PDF document"
    assert answer.is_draft and answer.versions.get().note == "Added data-protection-policy-v1.pdf"
    again = evidence.attach(version, kind, assessment, "1.3.1", owner, evidence.DOCX)
    assert again.evidence.count() == 2 and again.version == 2
    with pytest.raises(evidence.NotEvidence):
        evidence.attach(version, kind, assessment, "9.1.1", owner)


def test_evidence_for_an_earlier_year_is_refused(org, owner):
    from dspt.frameworks.loader import load_shipped

    years = load_shipped(["2024-25", "2025-26"])
    earlier = Assessment.objects.create(organisation=org, framework=years["2024-25"], created_by=owner)
    version = save_version(org, owner, "data-protection-policy")
    with pytest.raises(answering.ReadOnlyYear):
        evidence.attach(version, kinds.get("data-protection-policy"), earlier, "1.3.1", owner)
    assert not earlier.answers.exists()


# ---- freshness ---------------------------------------------------------------------------------------------


def test_a_documents_review_date_goes_stale(org, owner):
    save_version(org, owner, "byod-policy", today=datetime.date(2025, 1, 10))
    due = hooks.due_items(org, datetime.date(2026, 1, 1))
    mine = [item for item in due if item.title == "Review the Bring your own device policy"]
    assert mine and mine[0].due_on == datetime.date(2026, 1, 10) and mine[0].refs == ("1.3.11",)
    assert mine[0].url == "/o/VX101/documents/byod-policy/"


# ---- the CQC evidence pack ---------------------------------------------------------------------------------


@pytest.fixture
def lesson_section():
    hooks.add_pack_section(
        "test-lessons",
        50,
        lambda organisation, today: hooks.PackSection(
            "Incidents and lessons learned", "One incident in the last year.", items=["Lesson: check the address"]
        ),
    )
    yield
    hooks._pack_sections.pop("test-lessons")


def test_the_pack_pdf_lists_policies_registers_and_lessons(client_for, org, owner, tmp_path, lesson_section):
    add_asset(org, owner)
    save_version(org, owner, "data-protection-policy", today=datetime.date(2026, 2, 1))
    response = client_for(owner).get("/o/VX101/documents/cqc-evidence-pack.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response.content, tmp_path).split())
    assert "Data protection policy Version 1" in text and "Review by 1 February 2027" in text
    assert "Information Asset Register 1 current entry" in text
    assert "Lesson: check the address" in text
    assert "Governance, management and sustainability" in text and "W6" in text
    assert "No status has been published" in text and "official record" in text


def test_the_pack_shows_the_published_status_self_assessed(assessment, org, owner):
    from tests.factories import make_publication

    make_publication(assessment, owner, "met")
    pack = evidence_pack.build(org, datetime.date(2026, 3, 1))
    assert pack.status.label == "Standards Met" and pack.status.year == "2025-26"


# ---- pages -------------------------------------------------------------------------------------------------


def test_the_list_shows_each_kind_and_overdue_reviews(client_for, org, owner):
    save_version(org, owner, "byod-policy", today=datetime.date(2020, 1, 1))
    page = client_for(owner).get("/o/VX101/documents/").content.decode()
    for kind in kinds.ALL:
        assert kind.title in page
    assert "Review overdue" in page and "Version 1" in page


def test_editing_saving_and_downloading_through_the_pages(client_for, org, owner, viewer):
    client = client_for(owner)
    page = client.get("/o/VX101/documents/byod-policy/")
    assert "Missing from your records" in page.content.decode()
    posted = {"title": "", "section_who": "Everyone", "action": "version"}
    refused = client.post("/o/VX101/documents/byod-policy/", posted)
    shown = html.unescape(refused.content.decode())
    assert drafting.TITLE_BLANK in shown and "Everyone" in shown
    client.post("/o/VX101/documents/byod-policy/", posted | {"title": "Own devices"})
    version = Version.objects.get()
    assert version.title == "Own devices" and version.sections[0]["text"] == "Everyone"
    docx = client.get(f"/o/VX101/documents/byod-policy/versions/{version.pk}/download.docx")
    assert docx["Content-Disposition"] == 'attachment; filename="own-devices-v1.docx"'
    history = client.get("/o/VX101/documents/byod-policy/history/").content.decode()
    assert "Own devices" in history
    assert client_for(viewer).post("/o/VX101/documents/byod-policy/", posted).status_code == 403
    assert client.get(f"/o/VX101/documents/scam-email/versions/{version.pk}/download.docx").status_code == 404


def test_another_organisations_version_is_not_found(client_for, org, owner, outsider):
    version = save_version(org, owner)
    response = client_for(outsider).get(f"/o/VX201/documents/data-protection-policy/versions/{version.pk}/download.pdf")
    assert response.status_code == 404


def test_use_as_evidence_through_the_page(client_for, assessment, org, owner):
    version = save_version(org, owner, "business-continuity-plan")
    client = client_for(owner)
    url = f"/o/VX101/documents/business-continuity-plan/versions/{version.pk}/use-as-evidence/"
    page = client.get(url).content.decode()
    assert "7.1.2" in page and "7.2.1" in page
    assert "Select the question" in client.post(url, {"fmt": "pdf"}).content.decode()
    response = client.post(url, {"ref": "7.2.1", "fmt": "docx"})
    assert response.status_code == 302 and response["Location"].endswith("/q/7.2.1/")
    assert assessment.answers.get(question__ref="7.2.1").evidence.get().original_name.endswith(".docx")


def test_a_question_lists_the_documents_that_evidence_it(client_for, assessment, org, owner):
    """1.3.1 is evidenced by the data protection policy: the question page offers to write it, then shows the
    saved version with its review date."""
    url = "/o/VX101/assessment/2025-26/q/1.3.1/"
    page = html.unescape(client_for(owner).get(url).content.decode())
    assert "Data protection policy</a>: Not written yet" in page
    assert 'href="/o/VX101/documents/data-protection-policy/"' in page
    version = save_version(org, owner)
    page = html.unescape(client_for(owner).get(url).content.decode())
    assert f"version {version.number}</a>: Review due" in page


def test_the_continuity_plan_names_the_systems_from_the_asset_register(org, owner):
    add_asset(org, owner, name="CareNotes", asset_type="system")
    add_asset(org, owner, name="Paper files", asset_type="paper")
    plan = "\n".join(
        s["text"] for s in drafting.built_sections(kinds.get("business-continuity-plan"), facts.gather(org))
    )
    assert "CareNotes" in plan and "[add your care records system]" not in plan
