"""A small valid question bank (one question per answer type) and its next year, to derive broken files from."""

import copy
from datetime import date

import pytest
import yaml

from dspt.frameworks.validation import GROUP_SLUGS


def _question(ref, group, level, answer_type, **extra):
    question = {
        "ref": ref,
        "standard": int(ref.split(".")[0]),
        "group": group,
        "subgroup": "Sample topic",
        "level": level,
        "level_confirmed": True,
        "answer_type": answer_type,
        "text": f"Sample question {ref}?",
        **extra,
        "guidance": {
            "what": f"What {ref} asks.",
            "why": "Why it matters.",
            "good_answer_care_home": "A care home example.",
            "good_answer_home_care": "A home-care example.",
            "helps": "",
        },
    }
    return question


def _sample():
    yes_no = {"explanation_required_on_no": True, "acceptable": ["yes"]}
    choices = [{"value": "all", "label": "All"}, {"value": "some", "label": "Some"}, {"value": "no", "label": "No"}]
    return {
        "year": "2024-25",
        "version": "v7",
        "title": "Sample toolkit 2024-25",
        "published_on": date(2024, 9, 3),
        "deadline": date(2025, 6, 30),
        "thresholds": {"training_share_percent": 95},
        "standards": [{"number": n, "title": f"Standard {n}", "summary": f"About {n}."} for n in range(1, 11)],
        "groups": [{"slug": slug, "title": slug.title(), "summary": f"About {slug}."} for slug in GROUP_SLUGS],
        "questions": [
            _question("1.1.1", "policies-and-procedures", "approaching", "ico_number"),
            _question("1.1.5", "staffing-and-roles", "approaching", "text", min_length=30),
            _question("1.2.4", "policies-and-procedures", "met", "yes_no", **yes_no, not_applicable_allowed=True),
            _question("1.3.11", "it-systems-and-devices", "met", "choice", acceptable=["all", "some"], choices=choices),
            _question("3.2.1", "staffing-and-roles", "met", "percentage", minimum="@training_share_percent"),
            _question(
                "4.4.1", "it-systems-and-devices", "optional", "confirm", level_confirmed=False, level_note="Our guess."
            ),
            _question("6.1.1", "data-security", "approaching", "document"),
            _question("7.2.1", "data-security", "met", "date", max_age_months=12),
            _question("9.1.1", "it-systems-and-devices", "optional", "number", minimum=1),
        ],
    }


@pytest.fixture
def sample():
    """The 2024-25 sample as a dict (a fresh copy per test: change it freely)."""
    return _sample()


@pytest.fixture
def sample_next(sample):
    """The 2025-26 sample: every 2024-25 question unchanged, nothing removed."""
    data = copy.deepcopy(sample)
    data.update(
        year="2025-26",
        version="v8",
        title="Sample toolkit 2025-26",
        published_on=date(2025, 9, 18),
        deadline=date(2026, 6, 30),
        previous_year="2024-25",
        removed=[],
    )
    for question in data["questions"]:
        question["change"] = {"status": "unchanged", "previous_ref": question["ref"]}
    return data


@pytest.fixture
def write(tmp_path):
    """write(data, name=None) -> Path of a YAML file holding `data` (named <year>.yaml unless `name` is given)."""

    def write(data, name=None):
        path = tmp_path / (name or f"{data['year']}.yaml")
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path

    return write
