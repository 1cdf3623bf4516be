import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dspt.assessments.models import Answer, AnswerVersion, Evidence

pytestmark = pytest.mark.django_db
URL = "/o/VX101/assessment/2025-26/q/{}/"


def post(client, ref, data, **extra):
    return client.post(URL.format(ref), {"version": 0, "action": "continue", **data}, **extra)


def answer_of(assessment, ref) -> Answer:
    return assessment.answers.get(question__ref=ref)


def test_it_saves_and_moves_to_the_next_question_that_still_needs_an_answer(client_for, owner, assessment):
    client = client_for(owner)
    response = post(client, "1.1.1", {"answer": "za123456", "comment": "Renews in May"})
    assert response.status_code == 302
    next_ref = re.search(r"/q/([\d.]+)/$", response["Location"]).group(1)
    assert next_ref != "1.1.1"
    answer = answer_of(assessment, "1.1.1")
    assert (answer.value, answer.comment, answer.version, answer.updated_by) == (
        {"ico": "ZA123456"},
        "Renews in May",
        1,
        owner,
    )
    version = AnswerVersion.objects.get(answer=answer)
    assert (version.number, version.saved_by_label, version.value) == (1, owner.email, {"ico": "ZA123456"})


@pytest.mark.parametrize(
    ("ref", "data", "message", "kept"),
    [
        (
            "3.2.1",
            {"answer": "120", "comment": "from the training matrix"},
            "A percentage must be between 0 and 100",
            ["120", "from the training matrix"],
        ),
        ("3.2.1", {"answer": "ninety"}, "Enter the percentage as a number", ["ninety"]),
        ("1.1.1", {"answer": "12345678"}, "An ICO registration number is 8 characters", ["12345678"]),
        ("2.1.1", {"answer": "no", "explanation": "", "comment": "ask HR"}, "Explain why the answer is no", ["ask HR"]),
        ("2.1.1", {"comment": "thinking"}, "Select yes or no", ["thinking"]),
        ("1.1.2", {"link": "not a link", "location": "Office"}, "Enter a valid URL", ["not a link", "Office"]),
    ],
)
def test_validation_errors_explain_and_keep_everything_typed(client_for, owner, assessment, ref, data, message, kept):
    response = post(client_for(owner), ref, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "<title>Error:" in page
    for text in kept:
        assert text in page
    assert not assessment.answers.exists()


def test_a_draft_can_be_incomplete_but_does_not_count(client_for, owner, assessment):
    response = post(client_for(owner), "2.1.1", {"answer": "no", "action": "draft"})
    assert response["Location"] == URL.format("2.1.1")
    answer = answer_of(assessment, "2.1.1")
    assert answer.is_draft
    page = client_for(owner).get("/o/VX101/assessment/2025-26/").content.decode()
    assert "Saved as a draft" in page


def test_a_pdf_that_is_really_html_is_refused_and_a_real_one_kept(client_for, owner, assessment, settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path
    client = client_for(owner)
    fake = SimpleUploadedFile("register.pdf", b"<html><body>not a pdf</body></html>", content_type="application/pdf")
    response = post(client, "1.1.2", {"uploads": fake, "location": "Office PC"})
    page = response.content.decode()
    assert "register.pdf must be a PDF, Word, Excel" in page
    assert "Office PC" in page
    assert not Evidence.objects.exists()
    real = SimpleUploadedFile("register.pdf", b"%PDF-1.7 the register", content_type="application/pdf")
    assert post(client, "1.1.2", {"uploads": real}).status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.original_name == "register.pdf" and evidence.kind == "PDF document"
    assert (tmp_path / evidence.stored_name).read_bytes() == b"%PDF-1.7 the register"
    download = client.get(f"/o/VX101/assessment/2025-26/q/1.1.2/files/{evidence.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.7 the register"
    assert "attachment" in download["Content-Disposition"]
    assert AnswerVersion.objects.get().note == "Added register.pdf"


def test_files_are_only_served_to_members(client_for, owner, outsider, assessment, settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path
    post(client_for(owner), "1.1.2", {"uploads": SimpleUploadedFile("a.pdf", b"%PDF-1.7 x")})
    evidence = Evidence.objects.get()
    assert client_for(outsider).get(f"/o/VX101/assessment/2025-26/q/1.1.2/files/{evidence.pk}/").status_code == 404
    assert client_for(outsider).get(f"/o/VX201/assessment/2025-26/q/1.1.2/files/{evidence.pk}/").status_code == 404


def test_removing_a_file_is_a_new_version(client_for, owner, assessment, settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path
    client = client_for(owner)
    post(client, "1.1.2", {"uploads": SimpleUploadedFile("a.pdf", b"%PDF-1.7 x"), "location": "Office"})
    evidence = Evidence.objects.get()
    client.post(f"/o/VX101/assessment/2025-26/q/1.1.2/files/{evidence.pk}/remove/")
    assert not Evidence.objects.exists()
    assert [v.note for v in AnswerVersion.objects.order_by("number")] == ["Added a.pdf", "Removed a.pdf"]


def test_a_second_save_from_an_old_form_is_shown_both_versions_and_overwrites_nothing(
    client_for, owner, member, assessment
):
    first, second = client_for(owner), client_for(member)
    # Both open the question at version 0; the owner saves first.
    assert post(first, "1.3.13", {"answer": "Locked office, keypad on the door"}).status_code == 302
    response = post(second, "1.3.13", {"answer": "Filing cabinets are locked", "comment": "from Mo"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this answer" in page
    assert "Locked office, keypad on the door" in page and "Filing cabinets are locked" in page
    answer = answer_of(assessment, "1.3.13")
    assert answer.value == {"text": "Locked office, keypad on the door"}
    # "Keep my answer" re-posts the member's answer on top of the version they have now seen.
    keep = re.search(r'name="version" value="(\d+)"', page).group(1)
    response = second.post(
        URL.format("1.3.13"),
        {"version": keep, "action": "continue", "answer": "Filing cabinets are locked", "comment": "from Mo"},
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert (answer.value, answer.version) == ({"text": "Filing cabinets are locked"}, 2)
    assert answer.versions.count() == 2


def test_history_lists_every_version_with_who_and_what(client_for, owner, member, assessment):
    post(client_for(owner), "2.1.1", {"answer": "no", "explanation": "Being written"})
    post(client_for(member), "2.1.1", {"answer": "yes", "version": 1})
    page = client_for(owner).get(URL.format("2.1.1") + "history/").content.decode()
    assert "No. Being written" in page and "Yes" in page
    assert owner.email in page and member.email in page


def test_viewers_read_but_cannot_save(client_for, viewer, assessment):
    client = client_for(viewer)
    page = client.get(URL.format("1.1.1")).content.decode()
    assert "You can read the assessment but not change it" in page
    assert post(client, "1.1.1", {"answer": "ZA123456"}).status_code == 403
    assert not assessment.answers.exists()


def test_an_unknown_question_or_year_is_not_found(client_for, owner, assessment):
    client = client_for(owner)
    assert client.get(URL.format("99.9.9")).status_code == 404
    assert client.get("/o/VX101/assessment/1999-00/").status_code == 404


def test_pages_run_the_same_number_of_queries_however_many_answers(client_for, owner, assessment, settings, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dspt.assessments import answering
    from dspt.lib import uploads

    settings.PRIVATE_FILES_ROOT = tmp_path
    client = client_for(owner)
    pages = ["/o/VX101/assessment/2025-26/", URL.format("1.1.2"), "/o/VX101/assessment/2025-26/answers/", "/o/VX101/"]

    def count_queries():
        counts = []
        for url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    def answer(question, versions):
        for version in range(versions):
            upload = SimpleUploadedFile("e.pdf", b"%PDF-1.7 e")
            answering.save_answer(
                assessment,
                question,
                value={"text": "x", "choice": "yes", "location": "Office"},
                comment="",
                is_draft=False,
                user=owner,
                expected_version=version,
                files=[(upload, uploads.check(upload))],
            )

    answer(assessment.framework.questions.get(ref="1.1.2"), 1)
    before = count_queries()
    for question in assessment.framework.questions.exclude(ref="1.1.2"):
        answer(question, 3)
    after = count_queries()
    assert after == before, dict(zip(pages, zip(before, after, strict=True), strict=True))
    # The organisation home page is the largest: each area adds its own row or notice (assessment, publication,
    # where the organisation stands, its registration check, a head office's cover, the registers, documents and
    # incident clocks), a query or two each, and one per area whose evidence can go out of date (six). The question
    # page asks only the areas whose evidence concerns its question. The support organisations' contact details
    # (the footer of every organisation page, and a notice on the home page) add one each.
    assert max(after) <= 32


def test_a_made_up_version_for_an_unanswered_question_is_handled(client_for, owner, assessment):
    response = post(client_for(owner), "1.3.13", {"answer": "Locked office", "version": 5})
    assert response.status_code == 302
    assert not assessment.answers.exists()


def test_an_answer_that_does_not_count_says_so_at_once_and_why(client_for, owner, assessment):
    client = client_for(owner)
    response = post(client, "3.2.1", {"answer": "80"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Your answer to 3.2.1 has been saved, but it does not count yet: 80% is below the 95% needed." in page
    assert "To make it count: reach 95%." in page
    assert "Success" not in page.split("nhsuk-notification-banner", 1)[1][:400]  # an "Important" banner, not success


def test_a_draft_with_an_impossible_date_keeps_the_rest_and_says_what_it_kept(client_for, owner, assessment):
    data = {
        "date[day]": "31",
        "date[month]": "2",
        "date[year]": "2026",
        "comment": "Tested with Sam, results in the blue folder",
        "action": "draft",
    }
    response = post(client_for(owner), "7.2.1", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert "Your draft was saved without the date of the last test" in page
    assert 'value="31"' in page and 'value="2"' in page  # what was typed is still there to correct
    answer = answer_of(assessment, "7.2.1")
    assert answer.is_draft and answer.comment == "Tested with Sam, results in the blue folder"
    assert answer.value == {}
    # The page's form is on the new version, so correcting the date saves without a conflict
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert int(version) == answer.version


def test_what_helps_links_what_exists_and_promises_nothing_else(client_for, owner, assessment):
    client = client_for(owner)
    page = client.get(URL.format("1.1.1")).content.decode()
    assert '<a href="/o/VX101/profile/">Your organisation profile on this service' in page
    assert 'href="https://ico.org.uk/ESDWebPages/Search"' in page
    for ref in ("1.2.1", "7.1.1", "8.1.1"):
        text = client.get(URL.format(ref)).content.decode()
        assert "template" not in text.lower().split("what helps", 1)[-1].split("</ul>", 1)[0], ref
    home = client.get("/o/VX101/").content.decode() + client.get("/").content.decode()
    assert "coming soon" not in home.lower()
    assert "Open DSPT risk summary" not in client.get("/o/VX101/assessment/2025-26/").content.decode()


def test_facts_from_the_profile_are_offered_not_typed_twice(client_for, owner, org, assessment):
    profile = org.profile
    profile.ico_number = "ZB765432"
    profile.siro_name, profile.siro_title = "Sam Patel", "Registered manager"
    profile.save()
    client = client_for(owner)
    page = client.get(URL.format("1.1.1")).content.decode()
    assert 'value="ZB765432"' in page
    assert "We have filled in your answer from your organisation profile" in page
    assert not assessment.answers.exists()  # offered, not saved
    text = client.get(URL.format("1.1.5")).content.decode()
    assert "Our Senior Information Risk Owner (SIRO) is Sam Patel, Registered manager." in text
    assert "Information governance lead: not given yet" in text
    # Once answered, the saved answer is shown, not the profile's
    post(client, "1.1.1", {"answer": "ZA123456"})
    assert 'value="ZA123456"' in client.get(URL.format("1.1.1")).content.decode()


def test_a_question_set_may_name_only_known_profile_facts(tmp_path):
    import yaml

    from dspt.frameworks import validation
    from dspt.frameworks.loader import FrameworkError

    data = yaml.safe_load(Path("content/frameworks/2024-25.yaml").read_text())
    data["questions"][0]["from_profile"] = ["ico_number", "favourite_colour"]
    path = tmp_path / "2024-25.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(FrameworkError, match=r"question 1\.1\.1: from_profile: must be a list of ico_number"):
        validation.validate(path)


@pytest.mark.parametrize(
    ("services", "first"),
    [
        ("home_care", "in home care"),
        ("care_home", "in a care home"),
        ("both", "in a care home"),
        ("", "in a care home"),
    ],
)
def test_the_guidance_shows_the_example_for_the_kind_of_care_first(client_for, owner, org, assessment, services, first):
    org.profile.services = services
    org.profile.save()
    page = client_for(owner).get(URL.format("1.1.2")).content.decode()
    positions = {kind: page.index(f"A good answer {kind}") for kind in ("in a care home", "in home care")}
    assert min(positions, key=positions.get) == first


def test_a_year_that_is_not_provisional_shows_no_provisional_banner(client_for, owner, assessment):
    page = client_for(owner).get(URL.format("1.1.1")).content.decode()
    assert "questions are not out yet" not in page
