"""The cohort dashboard's numbers: where each provider in the cohort stands for the current DSPT year, the funnel,
the list's filters and progress over time. A fixed number of queries however large the cohort.

Apps above this one add facts about the support organisation's own work with each provider (its last contact, its
bookings on events) through cohort_facts; they show as columns and filters of the list.

What a support organisation may see of a provider: without consent, only what the public sees (the published
status, from publication.public) and whether it has registered here; with live consent, its progress too (the
assessment's status and how many questions are answered). Never its answers.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from dspt.assessments import progress, rules
from dspt.assessments.models import Answer, Assessment
from dspt.frameworks.models import FrameworkVersion
from dspt.organisations.models import Organisation
from dspt.publication import public
from dspt.publication.models import Publication
from dspt.support import cohort_facts, consent
from dspt.support.cohort import postcode_area
from dspt.support.models import CohortEntry, SupportOrganisation

NOT_REGISTERED, REGISTERED, IN_PROGRESS, APPROACHING, MET = (
    "not_registered",
    "registered",
    "in_progress",
    "approaching",
    "met",
)
STAGES = [
    (NOT_REGISTERED, "Not registered"),
    (REGISTERED, "Registered"),
    (IN_PROGRESS, "In progress"),
    (APPROACHING, "Approaching Standards"),
    (MET, "Standards Met or Exceeded"),
]
STAGE_LABELS = dict(STAGES)
CONSENT_FILTERS = [("yes", "Lets us see its progress"), ("no", "Has not given consent")]


@dataclass(frozen=True)
class Progress:
    """What consent lets a support organisation see: counts and a status, never an answer."""

    status: str  # rules.NOT_MET … rules.EXCEEDED
    answered: int
    total: int

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Row:
    entry: CohortEntry
    registered: bool
    consented: bool
    public_view: public.PublicView
    progress: Progress | None  # only with consent, and only once the year's assessment is started
    stage: str
    facts: dict[str, cohort_facts.Value] = field(default_factory=dict)  # the support organisation's own work with it

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    @property
    def area(self) -> str:
        return postcode_area(self.entry.postcode)


def progress_for(organisation_ids, framework: FrameworkVersion, today: datetime.date) -> dict[int, Progress]:
    """The current year's progress of each organisation that has started it (a fixed number of queries): what
    assessments.progress.load works out for one, for many at once."""
    if not organisation_ids or framework is None:
        return {}
    assessments = list(
        Assessment.objects.filter(organisation_id__in=organisation_ids, framework=framework).select_related(
            "organisation__profile"
        )
    )
    if not assessments:
        return {}
    questions = list(framework.questions.asked().select_related("group", "standard").order_by("position"))
    by_id = {q.id: q for q in questions}
    states: dict[int, dict] = {a.id: {} for a in assessments}
    answers = Answer.objects.filter(assessment__in=[a.id for a in assessments]).annotate(file_count=Count("evidence"))
    for answer in answers:
        question = by_id.get(answer.question_id)
        if question is not None:
            states[answer.assessment_id][question.ref] = progress.answer_state(answer)
    result = {}
    for assessment in assessments:
        profile = assessment.organisation.profile
        ce_plus = rules.cyber_essentials_plus_current(
            profile.cyber_essentials_plus, profile.cyber_essentials_plus_date, today
        )
        answered_states = states[assessment.id]
        outcome = rules.evaluate(questions, answered_states, framework.thresholds, today, ce_plus)
        answered = sum(rules.is_answered(q, answered_states.get(q.ref)) for q in questions)
        result[assessment.organisation_id] = Progress(outcome.status, answered, len(questions))
    return result


def stage_of(registered: bool, view: public.PublicView, seen: Progress | None, year: str) -> str:
    """The furthest stage the support organisation can see: a status published for this year counts first; then,
    with consent, an assessment with answers is in progress."""
    if view.status and view.year == year:
        if view.status in (rules.MET, rules.EXCEEDED):
            return MET
        if view.status == rules.APPROACHING:
            return APPROACHING
    if not registered:
        return NOT_REGISTERED
    if seen is not None and seen.answered:
        return IN_PROGRESS
    return REGISTERED


def rows(support_organisation: SupportOrganisation, today: datetime.date | None = None) -> list[Row]:
    """Every cohort entry with what the support organisation may see of it (fixed number of queries)."""
    today = today or timezone.localdate()
    framework = FrameworkVersion.objects.current(today)
    year = framework.year if framework else ""
    entries = list(CohortEntry.objects.filter(support_organisation=support_organisation).order_by("name", "ods_code"))
    codes = [e.ods_code for e in entries]
    organisations = dict(Organisation.objects.filter(ods_code__in=codes).values_list("ods_code", "id"))
    consenting = consent.consenting_organisation_ids(support_organisation) & set(organisations.values())
    seen = progress_for(sorted(consenting), framework, today)
    views = public.statuses_for(codes, today)
    facts = cohort_facts.load_all(support_organisation, codes, today, framework)
    result = []
    for entry in entries:
        org_id = organisations.get(entry.ods_code)
        consented = org_id in consenting
        shown = seen.get(org_id) if consented else None
        stage = stage_of(org_id is not None, views[entry.ods_code], shown, year)
        result.append(
            Row(entry, org_id is not None, consented, views[entry.ods_code], shown, stage, facts[entry.ods_code])
        )
    return result


@dataclass(frozen=True)
class FunnelStep:
    key: str
    label: str
    count: int
    percent: int


def funnel(all_rows: list[Row]) -> list[FunnelStep]:
    """How many providers are at each stage (each counted once, at the furthest one seen), with percentages."""
    counts = Counter(row.stage for row in all_rows)
    total = len(all_rows)
    return [
        FunnelStep(key, label, counts[key], round(100 * counts[key] / total) if total else 0) for key, label in STAGES
    ]


def days_to_deadline(today: datetime.date | None = None) -> tuple[FrameworkVersion | None, int | None]:
    today = today or timezone.localdate()
    framework = FrameworkVersion.objects.current(today)
    if framework is None:
        return None, None
    return framework, (framework.deadline - today).days


@dataclass(frozen=True)
class Filters:
    stage: str = ""
    area: str = ""
    consent: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # (fact key, choice) for the facts of cohort_facts chosen

    @property
    def active(self) -> bool:
        return bool(self.stage or self.area or self.consent or self.facts)

    def fact(self, key: str) -> str:
        return dict(self.facts).get(key, "")


def read_filters(query) -> Filters:
    """The list's filters from the query string; anything not recognised is ignored."""
    stage = query.get("stage", "")
    consent_filter = query.get("consent", "")
    area = "".join(ch for ch in query.get("area", "") if ch.isalpha()).upper()[:2]
    return Filters(
        stage if stage in STAGE_LABELS else "",
        area,
        consent_filter if consent_filter in dict(CONSENT_FILTERS) else "",
        cohort_facts.read(query),
    )


def apply(all_rows: list[Row], filters: Filters) -> list[Row]:
    chosen = all_rows
    if filters.stage:
        chosen = [r for r in chosen if r.stage == filters.stage]
    if filters.area:
        chosen = [r for r in chosen if r.area == filters.area]
    if filters.consent:
        chosen = [r for r in chosen if r.consented == (filters.consent == "yes")]
    for key, choice in filters.facts:
        chosen = [r for r in chosen if key in r.facts and r.facts[key].choice == choice]
    return chosen


def areas(all_rows: list[Row]) -> list[str]:
    return sorted({row.area for row in all_rows if row.area})


@dataclass(frozen=True)
class Month:
    month: datetime.date  # the first of the month
    approaching: int  # providers of the cohort whose first publication for the year at this level came this month
    met: int
    met_so_far: int  # published at Standards Met or Exceeded, in total by the month's end
    published_so_far: int  # published at any level, in total by the month's end


def over_time(support_organisation: SupportOrganisation, year: str) -> list[Month]:
    """Per month since the year opened: how many of the cohort published (first time for `year`), and the running
    totals. Read from publication dates (one query)."""
    codes = CohortEntry.objects.filter(support_organisation=support_organisation).values("ods_code")
    published = (
        Publication.objects.filter(year=year, sites__ods_code__in=codes)
        .annotate(month=TruncMonth("published_at"))
        .values_list("sites__ods_code", "status", "month")
        .order_by("published_at")
    )
    first_at_level: dict[tuple[str, bool], datetime.date] = {}
    for code, status, month in published:
        month = month.date() if isinstance(month, datetime.datetime) else month
        level_met = status in (rules.MET, rules.EXCEEDED)
        first_at_level.setdefault((code, level_met), month)
    if not first_at_level:
        return []
    months = sorted(set(first_at_level.values()))
    start, end = months[0], months[-1]
    result, met_total, published_codes = [], 0, set()
    month = start
    while month <= end:
        approaching = sum(1 for (c, m), at in first_at_level.items() if at == month and not m)
        met = sum(1 for (c, m), at in first_at_level.items() if at == month and m)
        met_total += met
        published_codes |= {c for (c, _m), at in first_at_level.items() if at == month}
        result.append(Month(month, approaching, met, met_total, len(published_codes)))
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return result
