"""Saving answers: versions, evidence files and the check that nobody else saved in between."""

from django.db import transaction
from django.utils import timezone

from dspt.assessments.models import Answer, AnswerVersion, Assessment, Evidence
from dspt.frameworks.models import FrameworkVersion, Question
from dspt.lib import uploads


class ReadOnlyYear(Exception):
    """Only the current year's assessment can be changed; earlier ones are kept as they were."""

    def __init__(self, assessment: Assessment):
        super().__init__(f"The {assessment.framework.year} assessment is kept as it was and cannot be changed")
        self.assessment = assessment


class WithdrawnQuestion(ReadOnlyYear):
    """The question was taken out of its year's question set: its answer is kept as it was."""

    def __init__(self, assessment: Assessment, question: Question):
        Exception.__init__(
            self, f"{question.ref} is no longer asked in {assessment.framework.year}: its answer is kept"
        )
        self.assessment, self.question = assessment, question


class Conflict(Exception):
    """Someone saved this answer after the person's form was opened."""

    def __init__(self, current: Answer):
        super().__init__("The answer changed since it was opened")
        self.current = current


def can_change(assessment: Assessment) -> bool:
    """Only the latest year's assessment can be changed; earlier ones are kept as they were."""
    latest = FrameworkVersion.objects.current()
    return latest is not None and assessment.framework_id == latest.id


def _refuse_earlier_year(assessment: Assessment) -> None:
    if not can_change(assessment):
        raise ReadOnlyYear(assessment)


def current_answer(assessment: Assessment, question: Question) -> Answer | None:
    return assessment.answers.filter(question=question).first()


def _version(answer: Answer, user, note: str = "") -> AnswerVersion:
    return AnswerVersion.objects.create(
        answer=answer,
        number=answer.version,
        value=answer.value,
        comment=answer.comment,
        is_draft=answer.is_draft,
        note=note,
        saved_by=user,
        saved_by_label=getattr(user, "email", "") or "System",
        saved_at=answer.updated_at,
    )


@transaction.atomic
def save_answer(
    assessment: Assessment,
    question: Question,
    *,
    value: dict,
    comment: str,
    is_draft: bool,
    user,
    expected_version: int,
    files=(),
) -> Answer:
    """Save a new version of the answer, or raise Conflict if it is no longer at `expected_version`.

    Files must already have passed uploads.check(). Raises ReadOnlyYear for an earlier year's assessment (and
    WithdrawnQuestion, a kind of it, for a question taken out of the year's set).
    """
    _refuse_earlier_year(assessment)
    if question.withdrawn_at is not None:
        raise WithdrawnQuestion(assessment, question)
    # Lock the assessment first: the answer row may not exist yet, and a lock on nothing would let two first
    # saves both pass the version check.
    Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
    answer = Answer.objects.select_for_update().filter(assessment=assessment, question=question).first()
    if (answer.version if answer else 0) != expected_version:
        raise Conflict(answer)
    if answer is None:
        answer = Answer(assessment=assessment, question=question)
    answer.value, answer.comment, answer.is_draft = value, comment, is_draft
    answer.needs_review = answer.counts_only_after_review = False
    answer.version += 1
    answer.updated_at, answer.updated_by = timezone.now(), user
    answer.save()
    added = [attach(answer, uploaded, kind, user) for uploaded, kind in files]
    note = "Added " + ", ".join(e.original_name for e in added) if added else ""
    _version(answer, user, note)
    return answer


def attach(answer: Answer, uploaded, kind, user) -> Evidence:
    stored, size, digest = uploads.store(uploaded, str(answer.assessment.organisation_id))
    return Evidence.objects.create(
        organisation_id=answer.assessment.organisation_id,
        answer=answer,
        stored_name=stored,
        original_name=(uploaded.name or "file")[-200:],
        content_type=kind.content_type,
        kind=kind.label,
        size=size,
        sha256=digest,
        uploaded_by=user,
    )


@transaction.atomic
def remove_evidence(evidence: Evidence, user) -> None:
    """Remove a file from an answer (a new version says so). Raises ReadOnlyYear for an earlier year's file."""
    answer = Answer.objects.select_for_update().select_related("assessment").get(pk=evidence.answer_id)
    _refuse_earlier_year(answer.assessment)
    name = evidence.original_name
    still_used = Evidence.objects.filter(stored_name=evidence.stored_name).exclude(pk=evidence.pk).exists()
    evidence.delete()
    if not still_used:
        transaction.on_commit(lambda: uploads.delete_stored(evidence.stored_name))
    answer.version += 1
    answer.updated_at, answer.updated_by = timezone.now(), user
    answer.save(update_fields=["version", "updated_at", "updated_by"])
    _version(answer, user, f"Removed {name}")


REVISED_NOTE = "The question changed when the question set was revised: check the answer still fits, then save it"


@transaction.atomic
def mark_for_review(question_ids, note: str = REVISED_NOTE) -> int:
    """Answers to these questions no longer count until someone checks and saves them; each gets a version that
    says why. Returns how many answers were marked."""
    answers = list(Answer.objects.select_for_update().filter(question_id__in=question_ids))
    now = timezone.now()
    for answer in answers:
        answer.needs_review = answer.counts_only_after_review = True
        answer.carried_from_year = ""  # flagged for this year's revision, not for being carried over
        answer.version += 1
        answer.updated_at, answer.updated_by = now, None
    Answer.objects.bulk_update(
        answers, ["needs_review", "counts_only_after_review", "version", "updated_at", "updated_by"]
    )
    for answer in answers:
        _version(answer, None, note)
    return len(answers)


def carry_answer(
    answer_from: Answer, assessment: Assessment, question: Question, user, note: str, must_review: bool
) -> Answer:
    """Copy an answer (and its evidence list) into a new year's assessment, flagged for confirmation.

    With `must_review`, the copy does not count towards the status until someone saves it.
    """
    answer = Answer.objects.create(
        assessment=assessment,
        question=question,
        value=answer_from.value,
        comment=answer_from.comment,
        is_draft=answer_from.is_draft,
        carried_from_year=answer_from.assessment.framework.year,
        needs_review=True,
        counts_only_after_review=must_review,
        version=1,
        updated_at=timezone.now(),
        updated_by=user,
    )
    Evidence.objects.bulk_create(
        [
            Evidence(
                organisation_id=e.organisation_id,
                answer=answer,
                stored_name=e.stored_name,
                original_name=e.original_name,
                content_type=e.content_type,
                kind=e.kind,
                size=e.size,
                sha256=e.sha256,
                uploaded_by=e.uploaded_by,
                uploaded_at=e.uploaded_at,
            )
            for e in answer_from.evidence.all()
        ]
    )
    _version(answer, user, note)
    return answer
