"""Answers that count, for demo data (and for tests that need a filled-in assessment)."""

from django.utils import timezone

from dspt.assessments import answering
from dspt.frameworks import answer_types
from dspt.frameworks.models import Question

ALL_LEVELS = (Question.LEVEL_APPROACHING, Question.LEVEL_MET, Question.LEVEL_OPTIONAL)


def acceptable_value(question) -> dict:
    """A stored answer value that counts for this question (its answer type's demo value)."""
    return answer_types.get(question.answer_type).demo_value(question.rules or {}, timezone.localdate())


def answer_all(assessment, user, levels=ALL_LEVELS) -> int:
    """Answer every question of the given levels (Question.LEVEL_...) acceptably; returns how many were saved."""
    saved = 0
    for question in assessment.framework.questions.asked().filter(level__in=levels).order_by("position"):
        current = assessment.answers.filter(question=question).first()
        answering.save_answer(
            assessment,
            question,
            value=acceptable_value(question),
            comment="",
            is_draft=False,
            user=user,
            expected_version=current.version if current else 0,
        )
        saved += 1
    return saved
