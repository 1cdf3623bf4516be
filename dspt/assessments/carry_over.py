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


class NotTheCurrentYear(Exception):
    """Only the year open now can be started: an earlier one is over, a later one has not opened yet."""

    def __init__(self, framework: FrameworkVersion):
        super().__init__(f"The {framework.year} assessment cannot be started: it is not the year open now")
        self.framework = framework


@transaction.atomic
def start(organisation, framework: FrameworkVersion, user) -> Assessment:
    """Create the assessment for `framework` (or return the existing one). Only the current year can be started
    (NotTheCurrentYear otherwise).

    From the previous assessment: answers to unchanged questions are copied and marked "carried over, please
    confirm"; answers to reworded questions, to questions whose answer type changed, to questions marked
    review_each_year in the question set (their answers speak of the last 12 months) or to any question when the
    previous assessment is not from the year just before are copied but do not count until someone reviews and
    saves them; new questions start empty; removed questions stay in the previous year's assessment, which is
    untouched.
    """
    existing = organisation.assessments.filter(framework=framework).first()
    if existing:
        return existing
    if framework != FrameworkVersion.objects.current():
        raise NotTheCurrentYear(framework)
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
    for question in Question.objects.asked().filter(framework=assessment.framework):
        if question.change_status == Question.NEW:
            continue
        old_ref = question.previous_ref if direct and question.previous_ref else question.ref
        old = old_answers.get(old_ref)
        if old is None:
            continue
        carry_answer(old, assessment, question, user, *_how_to_carry(question, old.question, direct, year))


def _how_to_carry(question: Question, old_question: Question, direct: bool, year: str) -> tuple[str, bool]:
    """(the carried answer's version note, whether it counts only once someone has reviewed and saved it)."""
    # Across a skipped year we cannot tell what changed in between, so treat it like a reworded question; an
    # answer stored for another answer type may not even have the shape this year's type reads.
    changed = question.change_status == Question.REWORDED or not direct
    changed = changed or old_question.answer_type != question.answer_type
    if changed:
        return f"Carried over from {year}; the question may have changed, please review", True
    if (question.rules or {}).get("review_each_year"):
        return f"Carried over from {year}; it is about the last 12 months, so check it is true for this year", True
    return f"Carried over from {year}, please confirm", False
