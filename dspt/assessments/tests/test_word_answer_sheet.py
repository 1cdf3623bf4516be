"""The Word answer sheet's headings go 1, 2, 3 without skipping a level (screen readers list them as an outline)."""

import io
import re

import pytest
from docx import Document

from tests.factories import answer_all

pytestmark = pytest.mark.django_db
HEADING = re.compile(r"^(?:Heading (\d)|Title)$")


def heading_levels(document) -> list[tuple[int, str]]:
    """(level, text) of every heading paragraph, in order; the Title style counts as level 0."""
    levels = []
    for paragraph in document.paragraphs:
        found = HEADING.match(paragraph.style.name)
        if found:
            levels.append((int(found.group(1) or 0), paragraph.text))
    return levels


def test_the_word_answer_sheet_never_skips_a_heading_level(client_for, owner, assessment):
    answer_all(assessment, owner, levels=["approaching"])

    response = client_for(owner).get("/o/VX101/assessment/2025-26/answers.docx")

    assert response.status_code == 200
    headings = heading_levels(Document(io.BytesIO(response.content)))
    assert headings[0] == (1, "Fictional Meadowbrook House (VX101): DSPT 2025-26 answers")
    assert [level for level, _ in headings].count(1) == 1
    previous = 1
    for level, text in headings[1:]:
        assert 2 <= level <= previous + 1, (previous, level, text)
        previous = level
    # every question is still a heading of its own, under its reference
    questions = [text for _, text in headings if re.match(r"^\d+\.\d+\.\d+ ", text)]
    assert len(questions) == assessment.framework.questions.count()
