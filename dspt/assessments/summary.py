"""A short summary of an organisation's current assessment, for pages outside this app."""

from dataclasses import dataclass

from dspt.assessments import progress, rules


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
