"""What the staff training register offers the assessment, the home page and the evidence pack (registers.hooks)."""

import datetime

from dspt.registers import hooks
from dspt.training import presenters
from dspt.training import share as share_rule

SUGGESTION_KEY = "training_share"  # the 2025-26 file's 3.2.1 says `from_register: training_share`
REFS = ("3.2.1",)


def suggestion(organisation, today: datetime.date) -> hooks.Suggestion | None:
    """3.2.1's percentage (a Decimal rounded down to 2 places, as its answer field takes it), or None with no staff."""
    found = share_rule.share(organisation, today)
    if not found.total:
        return None
    return hooks.Suggestion(
        value=found.percent,
        source=f"{found.trained} of {found.total} staff trained in the last {share_rule.VALID_MONTHS} months, "
        "from your staff training register",
        url=presenters.register_url(organisation),
    )


def freshness(organisation, today: datetime.date) -> list[hooks.Due]:
    """Each current member of staff's training, due 12 months after they completed it."""
    people = share_rule.counted(organisation, today).exclude(training_completed_on=None).order_by("name", "pk")
    return [
        hooks.Due(
            title=f"Data security training for {person.name}",
            due_on=share_rule.training_due_on(person.training_completed_on),
            url=presenters.staff_url(organisation, person),
            refs=REFS,
        )
        for person in people
    ]


def pack_section(organisation, today: datetime.date) -> hooks.PackSection | None:
    found = share_rule.share(organisation, today)
    if not found.total:
        return None
    late = share_rule.out_of_date(organisation, today)
    return hooks.PackSection(
        title="Staff training",
        summary=found.sentence() + ".",
        rows=[
            ("Current staff", str(found.total)),
            (f"Trained in the last {share_rule.VALID_MONTHS} months", f"{found.trained} ({found.percent_text})"),
            ("Not trained in the last 12 months", str(len(late))),
            ("Expectation", f"At least {share_rule.EXPECTED_PERCENT}% of staff (DSPT 3.2.1)"),
        ],
    )
