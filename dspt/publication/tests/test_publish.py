import io
import re
import subprocess

import pytest
from django.core import mail
from openpyxl import load_workbook

from dspt.assessments import answering
from dspt.publication import publish
from dspt.publication.models import Publication, PublicStatus
from tests.factories import answer_all, complete_profile, make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db
PUBLISH = "/o/VX101/publish/"


def check_profile(client, base=PUBLISH):
    assert client.post(base + "profile/").status_code == 302


def fill_plan(client, assessment, base=PUBLISH):
    page = client.get(base + "action-plan/").content.decode()
    refs = re.findall(r'name="line-([\d.]+)-action"', page)
    data = {"action": "save"}
    for ref in refs:
        data |= {
            f"line-{ref}-action": f"Do {ref}",
            f"line-{ref}-owner": "Sam Patel",
            f"line-{ref}-target_date[day]": "1",
            f"line-{ref}-target_date[month]": "3",
            f"line-{ref}-target_date[year]": "2099",
        }
    return refs, client.post(base + "action-plan/", data)


def confirm(client, base=PUBLISH, **extra):
    data = {"confirmer_name": "Sam Patel", "confirmer_job_title": "Registered manager", "authority": "on"} | extra
    return client.post(base + "confirm/", data)


def test_publishing_at_approaching_standards_needs_a_plan_then_freezes_a_snapshot(
    client_for, owner, assessment, django_capture_on_commit_callbacks
):
    client = client_for(owner)
    answer_all(assessment, owner, levels=["approaching"])
    page = client.get(PUBLISH).content.decode()
    assert "Make an action plan" in page
    assert "Continue to publish" not in page
    check_profile(client)
    response = confirm(client)
    assert response.status_code == 302 and response["Location"] == PUBLISH
    assert not Publication.objects.exists()

    refs, response = fill_plan(client, assessment)
    assert len(refs) == 45 - 26
    assert response["Location"] == PUBLISH
    assert "Continue to publish" in client.get(PUBLISH).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client)
    publication = Publication.objects.get()
    assert response["Location"] == f"/o/VX101/publications/{publication.pk}/published/"
    assert publication.status == "approaching"
    snap = publication.snapshot
    assert snap["status_label"] == "Approaching Standards"
    assert snap["confirmer"] == {"name": "Sam Patel", "job_title": "Registered manager"}
    assert len(snap["action_plan"]["lines"]) == 19
    assert PublicStatus.objects.get(ods_code="VX101").status == "approaching"
    assert mail.outbox[-1].to == [owner.email]
    assert "Approaching Standards" in mail.outbox[-1].subject
    assert f"/o/VX101/publications/{publication.pk}/" in mail.outbox[-1].body


def test_a_snapshot_never_changes_after_later_edits(client_for, owner, assessment):
    answer_all(assessment, owner)
    client = client_for(owner)
    check_profile(client)
    confirm(client)
    publication = Publication.objects.get()
    before = publication.snapshot
    question = assessment.framework.questions.get(ref="1.1.1")
    current = assessment.answers.get(question=question)
    answering.save_answer(
        assessment,
        question,
        value={"ico": "ZB999999"},
        comment="changed",
        is_draft=False,
        user=owner,
        expected_version=current.version,
    )
    owner.memberships.get().organisation.profile.__class__.objects.update(ico_number="ZC000000")
    publication.refresh_from_db()
    assert publication.snapshot == before
    assert next(a for a in before["answers"] if a["ref"] == "1.1.1")["answer"] == "ZA123456"
    with pytest.raises(ValueError, match="never changed"):
        publication.save()


def test_approaching_standards_can_only_be_the_first_publication(client_for, owner, assessment):
    answer_all(assessment, owner, levels=["approaching"])
    client = client_for(owner)
    check_profile(client)
    fill_plan(client, assessment)
    confirm(client)
    assert Publication.objects.count() == 1
    page = client.get(PUBLISH).content.decode()
    assert "must reach Standards Met" in page
    check_profile(client)
    confirm(client)
    assert Publication.objects.count() == 1
    # Reaching Standards Met later in the year makes a new snapshot and the public status shows the latest.
    answer_all(assessment, owner, levels=["met"])
    check_profile(client)
    confirm(client)
    latest = Publication.objects.first()
    assert (Publication.objects.count(), latest.status) == (2, "met")
    assert PublicStatus.objects.get(ods_code="VX101").publication == latest
    assert latest.snapshot["action_plan"] is None


def test_not_met_cannot_publish(client_for, owner, assessment):
    client = client_for(owner)
    check_profile(client)
    assert "do not reach Approaching Standards yet" in client.get(PUBLISH).content.decode()
    confirm(client)
    assert not Publication.objects.exists()


def test_only_administrators_publish(client_for, member, assessment, owner):
    answer_all(assessment, owner)
    client = client_for(member)
    assert "Only your organisation" in client.get(PUBLISH).content.decode()
    assert client.post(PUBLISH + "profile/").status_code == 403
    assert confirm(client).status_code == 403


def test_the_confirmation_form_explains_what_is_missing_and_keeps_input(client_for, owner, assessment):
    answer_all(assessment, owner)
    client = client_for(owner)
    check_profile(client)
    response = client.post(PUBLISH + "confirm/", {"confirmer_name": "Sam Patel", "confirmer_job_title": ""})
    page = response.content.decode()
    assert "Enter their job title" in page and "Confirm you have the authority" in page
    assert 'value="Sam Patel"' in page
    assert not Publication.objects.exists()


def test_a_head_office_chooses_its_branches_and_they_show_as_published_by_it(client_for, frameworks):
    make_directory_entry("AX1Y", "Fictional Group")
    make_directory_entry("VX111", "Fictional House One", parent="AX1Y")
    make_directory_entry("VX112", "Fictional House Two", parent="AX1Y")
    make_directory_entry("VX113", "Fictional Closed House", parent="AX1Y", is_open=False)
    director = make_user("director@care.example")
    group = make_organisation("AX1Y", director)
    complete_profile(group)
    from dspt.assessments import carry_over

    assessment = carry_over.start(group, frameworks["2025-26"], director)
    answer_all(assessment, director)
    client = client_for(director)
    base = "/o/AX1Y/publish/"
    check_profile(client, base)
    assert "Choose the services it covers" in client.get(base).content.decode()
    page = client.get(base + "services/").content.decode()
    assert "Fictional House One" in page and "Fictional Closed House" not in page
    client.post(base + "services/", {"branches": ["VX111"]})
    confirm(client, base)
    publication = Publication.objects.get()
    assert sorted(publication.sites.values_list("ods_code", flat=True)) == ["AX1Y", "VX111"]
    assert PublicStatus.objects.get(ods_code="VX111").published_by_code == "AX1Y"
    assert not PublicStatus.objects.filter(ods_code="VX112").exists()
    # A branch left out can be added later by publishing again.
    check_profile(client, base)
    client.post(base + "services/", {"branches": ["VX111", "VX112"]})
    confirm(client, base)
    assert PublicStatus.objects.get(ods_code="VX112").published_by_code == "AX1Y"


def test_reports_name_the_status_pdf_and_excel(client_for, owner, assessment, tmp_path):
    answer_all(assessment, owner)
    client = client_for(owner)
    check_profile(client)
    confirm(client)
    publication = Publication.objects.get()
    pdf = client.get(f"/o/VX101/publications/{publication.pk}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Status: Standards Met" in text
    assert "Fictional Meadowbrook House" in text
    workbook = load_workbook(io.BytesIO(client.get(f"/o/VX101/publications/{publication.pk}/report.xlsx").content))
    assert ("Status", "Standards Met") in [tuple(r) for r in workbook["Publication"].iter_rows(values_only=True)]
    assert workbook["Answers"].max_row == 1 + assessment.framework.questions.count()


def test_publications_of_one_organisation_are_hidden_from_another(client_for, owner, outsider, assessment):
    answer_all(assessment, owner)
    client = client_for(owner)
    check_profile(client)
    confirm(client)
    publication = Publication.objects.get()
    other = client_for(outsider)
    for suffix in ("", "report.pdf", "report.xlsx"):
        assert other.get(f"/o/VX201/publications/{publication.pk}/{suffix}").status_code == 404


def test_publish_refuses_in_code_too(owner, assessment):
    with pytest.raises(publish.CannotPublish):
        publish.publish(assessment, owner, "Sam", "Manager")


def test_a_branch_registered_on_its_own_is_never_overwritten_by_its_head_office(client_for, frameworks):
    from dspt.assessments import carry_over

    make_directory_entry("AX1Y", "Fictional Group")
    make_directory_entry("VX111", "Fictional House One", parent="AX1Y")
    make_directory_entry("VX112", "Fictional House Two", parent="AX1Y")
    manager = make_user("manager@house-one.example")
    branch = make_organisation("VX111", manager)
    director = make_user("director@care.example")
    group = make_organisation("AX1Y", director)
    complete_profile(group)
    assessment = carry_over.start(group, frameworks["2025-26"], director)
    answer_all(assessment, director)
    client = client_for(director)
    page = client.get("/o/AX1Y/publish/services/").content.decode()
    assert "registered on Open DSPT on their own" in page and "Fictional House One (VX111)" in page
    assert 'value="VX111"' not in page and 'value="VX112"' in page
    # A forged choice is refused.
    response = client.post("/o/AX1Y/publish/services/", {"branches": ["VX111", "VX112"]})
    assert "Select a valid choice" in response.content.decode()
    client.post("/o/AX1Y/publish/services/", {"branches": ["VX112"]})
    check_profile(client, "/o/AX1Y/publish/")
    confirm(client, "/o/AX1Y/publish/")
    assert sorted(Publication.objects.get().sites.values_list("ods_code", flat=True)) == ["AX1Y", "VX112"]
    assert not PublicStatus.objects.filter(ods_code=branch.ods_code).exists()


def test_an_unfinished_profile_stops_publishing(client_for, owner, org, assessment):
    answer_all(assessment, owner)
    org.profile.completed_at = None
    org.profile.save()
    client = client_for(owner)
    page = client.get("/o/VX101/publish/profile/").content.decode()
    assert "Your profile is not finished" in page
    assert client.post("/o/VX101/publish/profile/").status_code == 200
    confirm(client)
    assert not Publication.objects.exists()


def test_publishing_does_not_make_the_directory_look_loaded(client_for, owner, assessment, client):
    from dspt.organisations.models import OdsEntry

    answer_all(assessment, owner)
    client_owner = client_for(owner)
    check_profile(client_owner)
    confirm(client_owner)
    assert OdsEntry.objects.get(code="VX101").source == OdsEntry.REGISTERED
    # Registration still only checks the code's format, as no directory has been imported.
    response = client.post("/register/", {"email": "new@care.example", "ods_code": "VQ777"})
    assert response.status_code == 302


def test_reading_the_publish_page_writes_nothing(client_for, viewer, assessment):
    from dspt.publication.models import PublicationDraft

    assert client_for(viewer).get(PUBLISH).status_code == 200
    assert not PublicationDraft.objects.exists()


def test_change_from_the_publish_profile_check_returns_to_the_journey(client_for, owner, org, assessment):
    client = client_for(owner)
    page = client.get(PUBLISH + "profile/").content.decode()
    change = re.search(r'href="(/o/VX101/profile/ico/\?[^"]+)"', page).group(1).replace("&amp;", "&")
    assert "next=%2Fo%2FVX101%2Fpublish%2Fprofile%2F" in change
    form = client.get(change).content.decode()
    assert 'href="/o/VX101/publish/profile/"' in form  # the back link goes back to the journey too
    response = client.post(change, {"ico_number": "ZA654321"})
    assert response.status_code == 302 and response["Location"] == PUBLISH + "profile/"
    org.profile.refresh_from_db()
    assert org.profile.ico_number == "ZA654321"


def test_a_change_link_only_returns_to_a_page_of_the_same_organisation(client_for, owner, org, assessment):
    client = client_for(owner)
    for elsewhere in ("https://evil.example/", "//evil.example/o/VX101/", "/o/VX201/publish/"):
        response = client.post(f"/o/VX101/profile/ico/?change=1&next={elsewhere}", {"ico_number": "ZA654321"})
        assert response.status_code == 302 and response["Location"] == "/o/VX101/profile/", elsewhere
