"""A short summary of an organisation's current assessment, for pages outside this app (the home page's row)."""

from dataclasses import dataclass

from django.urls import reverse

from dspt.assessments import presenters, progress, rules
from dspt.organisations import presenters as org_presenters


@dataclass(frozen=True)
class Summary:
    year: str
    answered: int
    total: int
    status: str

    @property
    def label(self) -> str:
        return rules.STATUS_LABELS[self.status]

    @property
    def met(self) -> bool:
        return self.status in (rules.MET, rules.EXCEEDED)


def current_summary(organisation) -> Summary | None:
    assessment = organisation.assessments.current()
    if assessment is None:
        return None
    standing = progress.load(assessment)
    answered = sum(row.answered for row in standing.rows)
    return Summary(assessment.framework.year, answered, len(standing.rows), standing.status)


def home_task(organisation, membership) -> dict:
    """The assessment's row on the organisation home page."""
    summary = current_summary(organisation)
    item = {
        "title": {"text": "Answer the assessment questions"},
        "href": reverse("assessments:index", args=[organisation.ods_code]),
    }
    if summary is None:
        item["hint"] = {"text": "The yearly self-assessment against the 10 data security standards"}
        item["status"] = org_presenters.NOT_STARTED
    else:
        item["hint"] = {"text": f"{summary.year}: {summary.answered} of {summary.total} answered"}
        item["status"] = {"tag": presenters.status_tag(summary.status)}  # the status the answers reach
    return item
