"""Working along in a webinar: a booked provider sees the questions of the event's topic in the order the tutor
takes them; the tutor sees, for each question, how many of the booked providers that consent to the support
organisation seeing their progress have answered it. Counts only: never an answer, never a provider that has not
consented (it is neither counted nor named)."""

from dataclasses import dataclass

from django.db.models import Count

from dspt.assessments.models import Answer
from dspt.assessments.rules import AnswerState, is_answered
from dspt.events import places
from dspt.events.models import Booking, Event
from dspt.frameworks.models import FrameworkVersion, Question
from dspt.support import consent


def framework():
    return FrameworkVersion.objects.current()


def questions_for(event: Event, year=None) -> list[Question]:
    """The event's questions for the current toolkit year, in the tutor's order (group by group)."""
    year = year or framework()
    if year is None:
        return []
    return list(
        year.questions.asked()
        .filter(group__slug__in=places.groups_for(event.topic))
        .select_related("group")
        .order_by("group__order", "position")
    )


def is_booked(event: Event, organisation) -> bool:
    """Does the organisation have a place on the event (so its people may work along)?"""
    return not event.is_cancelled and event.bookings.filter(organisation=organisation, status=Booking.BOOKED).exists()


def _answered_refs(organisation_ids, year, questions) -> dict[int, int]:
    """{question id: how many of the organisations answered it}, in one query."""
    by_id = {question.pk: question for question in questions}
    counts = dict.fromkeys(by_id, 0)
    if not organisation_ids or not by_id:
        return counts
    rows = (
        Answer.objects.filter(
            assessment__organisation_id__in=organisation_ids,
            assessment__framework=year,
            question_id__in=by_id,
        )
        .annotate(files=Count("evidence"))
        .values_list("question_id", "value", "files")
    )
    for question_id, value, files in rows:
        if is_answered(by_id[question_id], AnswerState(value=value or {}, file_count=files)):
            counts[question_id] += 1
    return counts


def answered_by(organisation, questions, year=None) -> set[int]:
    """The ids of the questions the organisation has answered (for its own work-along page)."""
    year = year or framework()
    if year is None:
        return set()
    counts = _answered_refs([organisation.pk], year, questions)
    return {question_id for question_id, count in counts.items() if count}


@dataclass(frozen=True)
class QuestionCount:
    question: Question
    answered: int


@dataclass(frozen=True)
class TutorView:
    consenting: int  # booked providers that let the support organisation see their progress
    rows: list[QuestionCount]


def consenting_booked_ids(event: Event) -> set[int]:
    booked = set(
        event.bookings.filter(status=Booking.BOOKED, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )
    return booked & consent.consenting_organisation_ids(event.support_organisation)


def tutor_view(event: Event) -> TutorView:
    year = framework()
    questions = questions_for(event, year)
    ids = consenting_booked_ids(event)
    counts = _answered_refs(ids, year, questions) if year is not None else {}
    return TutorView(len(ids), [QuestionCount(question, counts.get(question.pk, 0)) for question in questions])
