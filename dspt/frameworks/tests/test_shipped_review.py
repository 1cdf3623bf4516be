"""What a review of the shipped question sets found (issue 10), checked in the files themselves.

Each test reads content/frameworks/*.yaml as written (no database), so a wrong statement put back in a later edit,
or a file for a new year that forgets a rule, fails here.
"""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from dspt.frameworks import answer_types
from dspt.frameworks.loader import shipped_files

YEARS = ("2024-25", "2025-26")
# Questions whose answer speaks of the last 12 months (or of something done yearly): carried over to a new year,
# their answers count only once someone has checked them (content/frameworks/README.md lists them, with why).
REVIEW_EACH_YEAR = {
    *("1.1.2", "1.3.2", "1.4.2", "3.1.1", "3.2.1", "5.1.1"),
    *("6.1.2", "6.1.3", "6.3.5", "7.1.1", "7.2.1", "9.2.1"),
}
README = Path(settings.BASE_DIR) / "content" / "frameworks" / "README.md"


def _questions(year: str) -> dict[str, dict]:
    path = Path(settings.BASE_DIR) / "content" / "frameworks" / f"{year}.yaml"
    return {question["ref"]: question for question in yaml.safe_load(path.read_text())["questions"]}


def _texts(question: dict) -> list[str]:
    """Everything a provider reads about a question: its text, level note and guidance."""
    return [question["text"], question.get("level_note", ""), *question["guidance"].values()]


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.;!?])\s+", text) if part.strip()]


def _every_file():
    """Every shipped year, including any added after these two (so a new file is held to the same rules)."""
    return [path.stem for path in shipped_files()]


@pytest.mark.parametrize("year", _every_file())
def test_no_guidance_puts_telling_people_about_a_breach_under_the_duty_of_candour(year):
    """Telling people about a high-risk breach is UK GDPR Article 34; the CQC duty of candour is about care."""
    for ref, question in _questions(year).items():
        everything = " ".join(_texts(question)).lower()
        assert "candour" not in everything or "breach" not in everything, (year, ref)


@pytest.mark.parametrize("year", _every_file())
def test_the_72_hours_run_from_becoming_aware_and_apply_to_breaches_likely_to_put_people_at_risk(year):
    found = 0
    for ref, question in _questions(year).items():
        for sentence in (s for text in _texts(question) for s in _sentences(text)):
            if "72 hours" not in sentence:
                continue
            found += 1
            assert re.search(r"72 hours of (you )?(becoming aware|finding out)", sentence), (year, ref, sentence)
            assert "risk" in sentence and "serious breaches" not in sentence.lower(), (year, ref, sentence)
    assert found >= 2


def test_the_question_on_telling_people_names_article_34():
    for year in YEARS:
        guidance = " ".join(_questions(year)["6.1.3"]["guidance"].values())
        assert "Article 34" in guidance and "high risk" in guidance, year


@pytest.mark.parametrize("year", _every_file())
def test_a_phone_s_own_unlock_is_never_given_as_multi_factor_authentication(year):
    """MFA is two factors on the account (a password and a code from an app), not the fingerprint that unlocks
    the phone. In the MFA question's guidance, and in any sentence that names MFA, no unlock is offered as one."""
    unlock = re.compile(r"fingerprint|face ?id|facial|face recognition|unlock|\bPIN\b", re.IGNORECASE)
    mfa = re.compile(r"\bMFA\b|multi-factor|two-factor|2FA", re.IGNORECASE)
    for ref, question in _questions(year).items():
        about_mfa = bool(mfa.search(question["text"]))
        for sentence in (s for text in _texts(question) for s in _sentences(text)):
            if about_mfa or mfa.search(sentence):
                assert not unlock.search(sentence), (year, ref, sentence)


@pytest.mark.parametrize("year", _every_file())
def test_7_2_1_asks_how_the_continuity_plan_is_tested_with_an_optional_date(year):
    question = _questions(year)["7.2.1"]
    assert question["answer_type"] == answer_types.TEXT_AND_DATE
    assert question["text"].startswith("How do you test")
    assert "max_age_months" not in question
    assert question["min_length"] >= 20
    assert "12 months" not in question["guidance"]["what"]


@pytest.mark.parametrize("year", YEARS)
def test_answers_about_the_last_12_months_are_marked_for_review_each_year(year):
    questions = _questions(year)
    marked = {ref for ref, question in questions.items() if question.get("review_each_year")}
    assert marked == REVIEW_EACH_YEAR
    # A question that asks about the last 12 months in its own words must be among them.
    for ref, question in questions.items():
        if re.search(r"12 months|yearly|once a year", question["text"]):
            assert ref in marked, (year, ref)


def test_the_readme_lists_the_review_each_year_questions():
    section = README.read_text().split("### Answers that need checking each year", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"\*\*(\d+\.\d+\.\d+)\*\*", section))
    assert listed == REVIEW_EACH_YEAR


@pytest.mark.parametrize("year", YEARS)
def test_1_3_6_and_10_2_2_say_they_are_optional_in_the_national_list_and_why_we_ask_them(year):
    questions = _questions(year)
    for ref in ("1.3.6", "10.2.2"):
        question = questions[ref]
        assert question["level_confirmed"] is False
        assert "optional" in question["level_note"], (year, ref)
        assert "Standards Met" in question["level_note"], (year, ref)


@pytest.mark.parametrize("year", YEARS)
def test_level_notes_are_written_for_providers(year):
    """The level note is shown on the question page as the reason the level is not confirmed."""
    for ref, question in _questions(year).items():
        note = question.get("level_note", "")
        assert "domain notes" not in note and "extract" not in note, (year, ref)
        assert len(note) <= 400, (year, ref)


def test_review_each_year_is_a_rule_any_question_may_have_and_it_must_be_true_or_false(sample, write):
    from dspt.frameworks.loader import FrameworkError, validate

    for question in sample["questions"]:  # one question of every answer type
        question["review_each_year"] = True
    parsed = validate(write(sample))
    assert all(question.fields["rules"]["review_each_year"] is True for question in parsed.questions)
    sample["questions"][0]["review_each_year"] = "yes"
    with pytest.raises(FrameworkError) as error:
        validate(write(sample))
    assert error.value.problems == ["2024-25.yaml: question 1.1.1: review_each_year: must be true or false, got 'yes'"]


def test_the_text_and_date_type_takes_min_length_and_not_max_age_months(sample, write):
    from dspt.frameworks.loader import FrameworkError, validate

    question = next(q for q in sample["questions"] if q["ref"] == "7.2.1")
    question.update(answer_type=answer_types.TEXT_AND_DATE, min_length=40)
    with pytest.raises(FrameworkError) as error:
        validate(write(sample))
    assert error.value.problems == [
        "2024-25.yaml: question 7.2.1: max_age_months: is not used by answer_type text_date"
    ]
    del question["max_age_months"]
    assert validate(write(sample)).questions
