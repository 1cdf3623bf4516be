"""Labels put in the middle of a sentence keep their acronyms: screen readers say "I C O", not "ico".

A screen-reader user heard "Change, ico registration number" on the profile page; the assessment home read out
"To count: enter a number like za123456", and a draft's message "saved without the ico registration number".
Each is built by lower-casing a label; dspt.ui.presenters.lower_first lowers only an ordinary first word.
"""

import re

import pytest

from dspt.assessments import answering
from tests.factories import complete_profile

pytestmark = pytest.mark.django_db
CHANGE = re.compile(r'>\s*Change<span class="nhsuk-u-visually-hidden">\s*(.*?)\s*</span>', re.S)


def test_the_assessment_home_keeps_capitals_in_what_would_make_an_answer_count(client_for, owner, assessment):
    question = assessment.framework.questions.get(ref="1.1.1")
    answering.save_answer(
        assessment, question, value={"ico": "12345"}, comment="", is_draft=False, user=owner, expected_version=0
    )

    page = client_for(owner).get("/o/VX101/assessment/2025-26/").content.decode()

    assert "The ICO number is not in the right format. To count: enter a number like ZA123456." in page
    assert "za123456" not in page


def test_a_draft_saved_without_a_field_names_it_with_its_capitals(client_for, owner, assessment):
    response = client_for(owner).post(
        "/o/VX101/assessment/2025-26/q/1.1.1/",
        {"version": 0, "action": "draft", "answer": "not an ICO number at all", "comment": "Renews in May"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your draft was saved without the ICO registration number" in page


def test_the_profile_change_links_keep_acronyms_for_screen_readers(client_for, owner, org):
    complete_profile(org, ico_number="ZA123456")

    page = client_for(owner).get("/o/VX101/profile/").content.decode()

    hidden = CHANGE.findall(page)
    assert "ICO registration number" in hidden, hidden
    assert "Senior Information Risk Owner (SIRO)" in hidden and "Cyber Essentials Plus" in hidden, hidden
    assert "organisation name" in hidden and "number of staff" in hidden, hidden  # ordinary words: mid-sentence
