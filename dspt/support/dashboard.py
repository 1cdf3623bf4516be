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
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth
from django.utils import timezone

from dspt.assessments import progress, rules
from dspt.assessments.models import Answer, Assessment, Evidence
from dspt.frameworks.models import FrameworkVersion
from dspt.organisations.models import Organisation
from dspt.publication import public
from dspt.publication.models import PublishedSite
from dspt.support import cohort_facts, consent
from dspt.support.cohort import postcode_area
from dspt.support.models import CohortEntry, SupportOrganisation
from dspt.verification import review
from dspt.verification.models import EndedCover

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


class _SavedAnswer(NamedTuple):
    """The fields of an Answer that progress.answer_state reads, without building a model instance."""

    value: dict
    is_draft: bool
    needs_review: bool
    counts_only_after_review: bool
    carried_from_year: str
    file_count: int


def progress_for(organisation_ids, framework: FrameworkVersion, today: datetime.date) -> dict[int, Progress]:
    """The current year's progress of each organisation that has started it (four queries whatever their number):
    what assessments.progress.load works out for one, for many at once. Answers are read as plain values and the
    evidence files counted on their own, rather than loading a model instance per answer."""
    if not organisation_ids or framework is None:
        return {}
    assessments = list(
        Assessment.objects.filter(organisation_id__in=organisation_ids, framework=framework).values_list(
            "id",
            "organisation_id",
            "organisation__profile__cyber_essentials_plus",
            "organisation__profile__cyber_essentials_plus_date",
        )
    )
    if not assessments:
        return {}
    assessment_ids = [assessment_id for assessment_id, *_rest in assessments]
    questions = list(framework.questions.asked().select_related("group", "standard").order_by("position"))
    refs = {q.id: q.ref for q in questions}
    files = dict(
        Evidence.objects.filter(answer__assessment_id__in=assessment_ids)
        .values("answer_id")
        .annotate(count=Count("id"))
        .values_list("answer_id", "count")
    )
    answers = Answer.objects.filter(assessment_id__in=assessment_ids).values_list(
        "id",
        "assessment_id",
        "question_id",
        "value",
        "is_draft",
        "needs_review",
        "counts_only_after_review",
        "carried_from_year",
    )
    states: dict[int, dict] = {assessment_id: {} for assessment_id in assessment_ids}
    for answer_id, assessment_id, question_id, value, is_draft, review_flag, after_review, carried in answers:
        ref = refs.get(question_id)
        if ref is not None:
            saved = _SavedAnswer(value, is_draft, review_flag, after_review, carried, files.get(answer_id, 0))
            states[assessment_id][ref] = progress.answer_state(saved)
    result = {}
    for assessment_id, organisation_id, holds_ce_plus, ce_plus_date in assessments:
        ce_plus = rules.cyber_essentials_plus_current(holds_ce_plus or "", ce_plus_date, today)
        answered_states = states[assessment_id]
        outcome = rules.evaluate(questions, answered_states, framework.thresholds, today, ce_plus)
        answered = sum(rules.is_answered(q, answered_states.get(q.ref)) for q in questions)
        result[organisation_id] = Progress(outcome.status, answered, len(questions))
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


PER_PAGE = 50  # providers in each page of the list


@dataclass(frozen=True)
class ListPage:
    """One page of the list: the rows shown, and where they sit among those the filters chose."""

    rows: list[Row]
    number: int  # from 1
    pages: int  # at least 1, even when nothing matches
    count: int  # rows the filters chose, on every page
    first: int  # the position of the first row shown, from 1 (0 when nothing matches)
    last: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def page_of(chosen: list[Row], requested, per_page: int = PER_PAGE) -> ListPage:
    """The page `requested` (as typed in the query string) of the rows chosen. Anything that is not a whole number
    gives the first page; a number before the first page gives the first, one after the last gives the last."""
    pages = max(1, -(-len(chosen) // per_page))
    text = str(requested or "").strip()
    digits = text[1:] if text[:1] in ("+", "-") else text
    if not (digits.isascii() and digits.isdigit()):
        number = 1
    elif len(digits) > 9:  # far past either end (and too long for int() to read safely)
        number = 1 if text.startswith("-") else pages
    else:
        number = int(text)
    number = min(max(number, 1), pages)
    start = (number - 1) * per_page
    shown = chosen[start : start + per_page]
    return ListPage(shown, number, pages, len(chosen), start + 1 if shown else 0, start + len(shown))


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
    totals. Read from publication dates (one query). Only publications the public may see count, as in the funnel
    (publication.public): not those whose publisher's registration is not confirmed, nor a head office's for a
    branch that has ended its cover."""
    codes = CohortEntry.objects.filter(support_organisation=support_organisation).values("ods_code")
    ended = EndedCover.objects.filter(
        branch__ods_code=OuterRef("ods_code"), head_office_id=OuterRef("publication__organisation_id")
    )
    published = (
        PublishedSite.objects.filter(publication__year=year, ods_code__in=codes)
        .filter(review.publisher_shown("publication__organisation__registration_review__state"))
        .exclude(Exists(ended))
        .annotate(month=TruncMonth("publication__published_at"))
        .values_list("ods_code", "publication__status", "month")
        .order_by("publication__published_at")
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
