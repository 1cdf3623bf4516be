"""Screening: the questions that decide whether a project needs a full DPIA (the ICO's kinds of processing that are
likely to be high risk, in our words), and recording the answers.

Any one of them makes a DPIA needed, except information about vulnerable people on its own: in care nearly
everything is about vulnerable people, so it counts with at least one other answer (as the ICO's guidance treats
it, as one factor among others).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from dspt.dpias.models import Dpia
from dspt.dpias.register import DPIAS
from dspt.history.models import ChangeRecord
from dspt.registers import entries
from dspt.registers.models.base import tidy_text

NONE = "none"
VULNERABLE = "vulnerable"

QUESTIONS = [
    (
        "special_category",
        "Uses health, care or other special category information about a lot of people",
        "Special category information includes health, ethnicity, religion and sexuality",
    ),
    (
        "new_technology",
        "Uses new technology, or familiar technology in a new way",
        "For example, a new care app, sensors, smart speakers or artificial intelligence",
    ),
    (
        "monitoring",
        "Watches or tracks people as a matter of routine",
        "For example, CCTV, acoustic monitoring, location tracking of staff or of people we support",
    ),
    (
        "automated_decisions",
        "Makes decisions about people by computer, with real effects on them and no person involved",
        "",
    ),
    (
        VULNERABLE,
        "Uses information about people who may find it hard to understand or object to it",
        "For example, people who lack capacity, children, or people in your care. On its own this does not make a "
        "DPIA needed, but together with any other answer it does",
    ),
    ("matching", "Matches or combines information from different sources", ""),
    (
        "invisible",
        "Uses information in a way people would not expect, or without telling them",
        "For example, information bought in or collected from other organisations",
    ),
    (
        "denial",
        "Could decide whether someone gets a service, a job, a tenancy or money",
        "",
    ),
    (
        "biometric_genetic",
        "Uses fingerprints, face recognition or other biometric or genetic information",
        "",
    ),
    (
        "physical_harm",
        "Could put someone's health or safety at risk if the information leaked",
        "For example, where a person lives alone, or the code to a key safe",
    ),
]
LABELS = {code: label for code, label, _hint in QUESTIONS}
CODES = [code for code, _label, _hint in QUESTIONS]


@dataclass(frozen=True)
class Result:
    needed: bool
    reason: str


def decide(answers) -> Result:
    """Whether a DPIA is needed given the screening statements that apply, and why, in a sentence."""
    ticked = [code for code in CODES if code in set(answers)]
    if not ticked:
        return Result(False, "None of the screening statements applies to this project.")
    others = [code for code in ticked if code != VULNERABLE]
    if not others:
        return Result(
            False,
            "The only statement that applies is about vulnerable people, which on its own does not make the "
            "processing high risk.",
        )
    return Result(True, f"{_count(len(ticked))} of the screening statements apply{_vulnerable_note(ticked)}.")


def _count(n: int) -> str:
    return "One" if n == 1 else str(n)


def _vulnerable_note(ticked) -> str:
    return ", including information about vulnerable people" if VULNERABLE in ticked else ""


def answers_text(answers) -> str:
    """The statements ticked, one per line, as the history and the printed DPIA show them."""
    ticked = [LABELS[code] for code in CODES if code in set(answers)]
    return "\n".join(ticked) if ticked else "None of these"


def is_done(dpia: Dpia) -> bool:
    return dpia.screened_at is not None


def status_after_screening(dpia: Dpia, needed: bool) -> str:
    if dpia.status == Dpia.SIGNED_OFF and needed:
        return Dpia.SIGNED_OFF
    return Dpia.IN_PROGRESS if needed else Dpia.NOT_NEEDED


@transaction.atomic
def record(dpia: Dpia, actor, answers, notes: str = "") -> Dpia:
    """Keep the screening's answers and what they decide, with a change record. Answering the same again records
    nothing new."""
    stored = DPIAS.entries(dpia.organisation).select_for_update().get(pk=dpia.pk)
    answers = [code for code in CODES if code in set(answers)]
    result = decide(answers)
    before = _history(stored)
    first_time = stored.screened_at is None
    stored.screening_answers = answers
    stored.screening_notes = tidy_text(notes)
    stored.dpia_needed = result.needed
    stored.status = status_after_screening(stored, result.needed)
    after = _history(stored)
    changes = {label: [before[label] if not first_time else None, value] for label, value in after.items()}
    changes = {label: values for label, values in changes.items() if values[0] != values[1] and values[1] != ""}
    if not changes and not first_time:
        return stored
    stored.screened_at = stored.updated_at = timezone.now()
    stored.updated_by = actor
    stored.save()
    entries.record(DPIAS, stored, actor, ChangeRecord.UPDATED, changes)
    return stored


def _history(dpia: Dpia) -> dict[str, str]:
    return {
        "Screening: statements that apply": answers_text(dpia.screening_answers),
        "Notes on the screening": dpia.screening_notes,
        "DPIA needed": {True: "Yes", False: "No"}.get(dpia.dpia_needed, ""),
        "Status": dpia.get_status_display(),
    }
