"""How incidents are shown: the ICO clock's callout, the home page's notice, the national form's summary and the
evidence pack's section."""

import datetime

from django.urls import reverse
from django.utils import timezone

from dspt.incidents import clock
from dspt.incidents.models import Incident
from dspt.lib import national_toolkit
from dspt.registers import entries, specs
from dspt.registers.hooks import PackSection
from dspt.ui.presenters import long_date

# The national toolkit's incident reporting tool sits behind its sign-in; we link its home page.
NATIONAL_TOOL_URL = national_toolkit.HOME_URL


def spec():
    """The incident register's spec, as the registers hold it (spec.py builds on this module, not the other way)."""
    return specs.get("incidents")


def running(organisation):
    """Open, current incidents whose ICO clock is running: it must be (or may have to be) reported and is not yet.
    One query."""
    return (
        spec()
        .entries(organisation)
        .filter(
            archived_at=None,
            status=Incident.OPEN,
            ico_decision__in=[Incident.YES, Incident.UNDECIDED],
            ico_reported_on=None,
        )
    )


def clock_callout(incident, now=None) -> dict | None:
    """The warning callout on an incident's pages while its clock matters and it is not yet reported, or a line
    saying how it went once reported; None when the ICO need not hear of it."""
    found = incident.ico_clock(now)
    if found is None:
        return None
    deadline = long_date(found.deadline)
    if not found.is_running:
        return {"heading": None, "tag": found.text, "paragraphs": [f"The 72 hours ended on {deadline}."]}
    undecided = incident.ico_decision == Incident.UNDECIDED
    paragraphs = [
        f"It was found on {long_date(found.found_at)}. The ICO must hear about a breach that puts people at risk "
        f"within 72 hours of finding it: by {deadline}.",
    ]
    if undecided:
        paragraphs.append("Decide whether it must be reported. The 72 hours run while you decide.")
    else:
        paragraphs.append(
            "Report it in the national toolkit's incident reporting tool (which passes it to the ICO), then give "
            "the date and time you did as the date reported to the ICO."
        )
    return {"heading": f"ICO clock: {found.text.lower()}", "tag": None, "paragraphs": paragraphs}


def home_notice(organisation, membership=None) -> dict | None:
    """A warning at the top of the home page while any incident's ICO clock is running (one query)."""
    waiting = list(running(organisation))
    now = timezone.now()
    clocks = [(incident, incident.ico_clock(now)) for incident in waiting]
    clocks = sorted(((i, c) for i, c in clocks if c is not None), key=lambda pair: pair[1].deadline)
    if not clocks:
        return None
    incident, first = clocks[0]
    if len(clocks) == 1:
        heading = f"An incident may need reporting to the ICO: {first.text.lower()}"
        paragraphs = [f"'{incident.title}': report it by {long_date(first.deadline)}, or record why it need not be."]
    else:
        heading = f"{len(clocks)} incidents may need reporting to the ICO"
        paragraphs = [f"'{item.title}': {found.text.lower()}, by {long_date(found.deadline)}" for item, found in clocks]
    return {
        "heading": heading,
        "paragraphs": paragraphs,
        "link": {"href": spec().url("entry", organisation, incident), "text": f"Go to '{incident.title}'"}
        if len(clocks) == 1
        else {"href": spec().url("list", organisation), "text": "Go to the incidents"},
    }


def _value(incident, name: str) -> str:
    return entries.display(spec(), incident, name)


def _moment(day, time_of_day: str) -> str:
    found = clock.moment(day, time_of_day)
    return long_date(found) if found else long_date(day)


def summary_rows(incident) -> list[dict]:
    """The incident as the national incident reporting form asks it, in its order, each answer ready to copy.
    `label` is our own wording of what the form asks; `answer` is the text to copy ("" when not recorded)."""
    told = _value(incident, "people_told")
    if incident.people_told is False and incident.people_not_told_reason:
        told = f"No. {incident.people_not_told_reason}"
    severity = " ".join(
        part
        for part in (
            f"Likelihood of harm: {_value(incident, 'likelihood')}." if incident.likelihood else "",
            f"Severity of harm: {_value(incident, 'severity')}." if incident.severity else "",
        )
        if part
    )
    rows = [
        ("Summary of the incident", incident.name),
        ("What happened", incident.what_happened),
        ("Kind of incident", _value(incident, "kind")),
        ("When it happened", long_date(incident.happened_on)),
        ("When it was found", _moment(incident.found_on, incident.found_time)),
        ("How and by whom it was found", incident.found_by),
        ("Number of people affected", incident.people_count),
        ("Whose information", incident.people_whose),
        ("What information was involved", incident.data_involved),
        ("Likelihood and severity of harm", severity),
        ("Have the people affected been told", told),
        ("Actions taken to contain it and put it right", incident.actions),
        ("Lessons learned and steps to stop it happening again", incident.lessons),
    ]
    return [
        {"label": label, "answer": answer or "", "id": f"answer-{index}"}
        for index, (label, answer) in enumerate(rows, start=1)
    ]


# ---- the CQC evidence pack ---------------------------------------------------------------------------------------


def pack_section(organisation, today: datetime.date) -> PackSection | None:
    """Incidents found in the 12 months to `today`: how many, how many reported to the ICO and whether on time,
    and the lessons learned."""
    since = today - datetime.timedelta(days=365)
    found = list(
        spec()
        .entries(organisation)
        .filter(archived_at=None, found_on__gt=since, found_on__lte=today)
        .order_by("found_on", "pk")
    )
    if not found:
        return PackSection(
            title="Incidents and breaches",
            summary="No data security incidents were recorded in the last 12 months.",
        )
    reported = [incident for incident in found if incident.ico_reported_on]
    on_time = [incident for incident in reported if (c := incident.ico_clock()) and c.state == clock.ON_TIME]
    rows = [
        ("Incidents recorded in the last 12 months", str(len(found))),
        ("Reported to the ICO", str(len(reported))),
        ("Reported within 72 hours of being found", f"{len(on_time)} of {len(reported)}" if reported else "None"),
        ("Still open", str(sum(1 for incident in found if incident.status == Incident.OPEN))),
    ]
    lessons = [
        f"{incident.name} ({long_date(incident.found_on)}): {incident.lessons}"
        for incident in found
        if incident.lessons
    ]
    return PackSection(
        title="Incidents and breaches",
        summary="Incidents and near misses found in the last 12 months, from the incident register, and what was "
        "learned from them.",
        rows=rows,
        items=lessons,
    )


def entry_section(spec, entry, can_change: bool) -> dict:
    """What an incident's register page shows below its fields (incidents/_entry_section.jinja): the clock, and a
    link to the national form's summary."""
    return {
        "callout": clock_callout(entry),
        "summary_href": reverse("incidents:summary", args=[entry.organisation.ods_code, entry.pk]),
        "conclusion": entry.risk_conclusion,
    }


def flags(entry, today) -> list[str]:
    """A red tag after the title in the list and on the incident's page while its ICO clock runs (from the entry's
    own fields: no query)."""
    if entry.status != Incident.OPEN:
        return []
    found = entry.ico_clock()
    return [f"ICO: {found.text.lower()}"] if found and found.is_running else []
