"""Using a saved version as evidence: its PDF (or Word file) is attached to the current year's answer to a question
the kind evidences, through the assessment's own rules (answering.save_answer: a new answer version saying which
file was added; an earlier year is refused with ReadOnlyYear)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from dspt.assessments import answering
from dspt.assessments.models import Assessment
from dspt.documents import exports
from dspt.documents.drafting import AREA
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import uploads

PDF, DOCX = "pdf", "docx"
FORMATS = [(PDF, "PDF"), (DOCX, "Word document")]


class NotEvidence(Exception):
    """The question is not one this kind of document evidences, or is not asked this year."""


def current_assessment(organisation) -> Assessment | None:
    return Assessment.objects.filter(organisation=organisation).current()


def questions_for(kind, assessment):
    """The questions of the assessment's year that the kind evidences (withdrawn ones left out), in order."""
    if assessment is None:
        return []
    return list(assessment.framework.questions.asked().filter(ref__in=kind.evidences).order_by("position"))


def file_of(version, organisation, fmt: str) -> SimpleUploadedFile:
    if fmt == DOCX:
        content, content_type = exports.docx(version, organisation), exports.DOCX_TYPE
    else:
        content, content_type = exports.pdf(version, organisation), exports.PDF_TYPE
    return SimpleUploadedFile(exports.filename(version, fmt), content, content_type=content_type)


@transaction.atomic
def attach(version, kind, assessment: Assessment, ref: str, user, fmt: str = PDF):
    """Attach the version's file to the assessment's answer to `ref`, keeping what the answer says.

    Raises NotEvidence for a question the kind does not evidence, answering.ReadOnlyYear for an earlier year, and
    answering.Conflict if the answer changed while this ran. Returns the answer."""
    if ref not in kind.evidences:
        raise NotEvidence(f"{kind.title} is not evidence for {ref}")
    if not answering.can_change(assessment):
        raise answering.ReadOnlyYear(assessment)
    question = assessment.framework.questions.filter(ref=ref).first()
    if question is None:
        raise NotEvidence(f"{ref} is not asked in {assessment.framework.year}")
    uploaded = file_of(version, assessment.organisation, fmt)
    checked = uploads.check(uploaded)
    answer = answering.current_answer(assessment, question)
    saved = answering.save_answer(
        assessment,
        question,
        value=answer.value if answer else {},
        comment=answer.comment if answer else "",
        is_draft=answer.is_draft if answer else True,
        user=user,
        expected_version=answer.version if answer else 0,
        files=[(uploaded, checked)],
    )
    record_change(
        actor=user,
        organisation=assessment.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=version.document,
        label=version.document.title,
        changes={"Used as evidence": [None, f"Version {version.number} for {ref} ({assessment.framework.year})"]},
    )
    return saved
