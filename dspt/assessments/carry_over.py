"""Starting a year's assessment, carrying answers over from the organisation's previous one."""

from django.db import IntegrityError, transaction

from dspt.assessments.answering import carry_answer
from dspt.assessments.models import Assessment
from dspt.frameworks.models import FrameworkVersion, Question


def previous_assessment(organisation, framework: FrameworkVersion) -> Assessment | None:
    return (
        organisation.assessments.filter(framework__year__lt=framework.year)
        .select_related("framework")
        .order_by("-framework__year")
        .first()
    )


@transaction.atomic
def start(organisation, framework: FrameworkVersion, user) -> Assessment:
    """Create the assessment for `framework` (or return the existing one).

    From the previous assessment: answers to unchanged questions are copied and marked "carried over, please
    confirm"; answers to reworded questions (or any, when the previous assessment is not from the year just
    before) are copied but do not count until someone reviews and saves them;
    new questions start empty; removed questions stay in the previous year's assessment, which is untouched.
    """
    existing = organisation.assessments.filter(framework=framework).first()
    if existing:
        return existing
    previous = previous_assessment(organisation, framework)
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                organisation=organisation, framework=framework, started_from=previous, created_by=user
            )
    except IntegrityError:  # someone else started it at the same moment
        return organisation.assessments.get(framework=framework)
    if previous is not None:
        _carry(previous, assessment, user)
    return assessment


def _carry(previous: Assessment, assessment: Assessment, user) -> None:
    old_answers = {a.question.ref: a for a in previous.answers.select_related("question").prefetch_related("evidence")}
    direct = previous.framework_id == assessment.framework.previous_id
    year = previous.framework.year
    for question in Question.objects.filter(framework=assessment.framework):
        if question.change_status == Question.NEW:
            continue
        old_ref = question.previous_ref if direct and question.previous_ref else question.ref
        old = old_answers.get(old_ref)
        if old is None:
            continue
        # Across a skipped year we cannot tell what changed in between, so treat it like a reworded question.
        must_review = question.change_status == Question.REWORDED or not direct
        if must_review:
            note = f"Carried over from {year}; the question may have changed, please review"
        else:
            note = f"Carried over from {year}, please confirm"
        carry_answer(old, assessment, question, user, note, must_review)
