"""What the organisation's registers and documents say about a question, so nobody retypes what they already keep.

- Evidence: the registers that evidence the question (their spec's `evidences`), with how many current entries each
  holds, and anything else an area offers for it (documents, through registers.hooks.add_evidence_source).
- A suggested answer: a question whose rule `from_register` names a suggestion (registers.hooks.add_suggestion) starts,
  while unanswered, with the answer that register gives, and the page says where it came from. The person still checks
  and saves: nothing is saved for them. (This is a rule on the question, like `from_profile`, rather than an answer
  type of its own: the answer is still a percentage or a yes/no, with the same status rule; only where its first
  value comes from differs. See docs/adr/0008-registers.md.)
- Going out of date: the register items the question relies on that are overdue or due soon (registers.hooks
  freshness items naming the question).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from dspt.frameworks import answer_types
from dspt.registers import hooks, listing
from dspt.ui.presenters import long_date


@dataclass(frozen=True)
class RegisterEvidence:
    title: str
    url: str
    detail: str


def evidence(question, organisation) -> list[RegisterEvidence]:
    """The registers that evidence `question` (with their current entries), then other evidence offered for it."""
    found = []
    relevant = [summary for summary in listing.summaries(organisation) if question.ref in summary.spec.evidences]
    for summary in relevant:
        count = summary.current
        detail = f"{count:,} {'entry' if count == 1 else 'entries'}" if count else "Nothing recorded yet"
        found.append(RegisterEvidence(summary.spec.name, summary.spec.url("list", organisation), detail))
    found += [
        RegisterEvidence(item.title, item.url, item.detail) for item in hooks.evidence_for(organisation, question.ref)
    ]
    return found


def suggestion(question, organisation, today: datetime.date) -> hooks.Suggestion | None:
    key = (question.rules or {}).get("from_register")
    return hooks.suggestion(key, organisation, today) if key else None


def initial(question, found: hooks.Suggestion | None) -> dict:
    """Form data to start an unanswered question with: the suggestion's value as the answer form takes it (a stored
    value, given as a dict, is turned into form data by the answer type)."""
    if found is None or found.value is None:
        return {}
    if isinstance(found.value, dict):
        return answer_types.get(question.answer_type).initial(found.value)
    value = found.value
    if isinstance(value, Decimal):  # 95.00 reads as 95, 94.50 as 94.5
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return {"answer": value}


def going_stale(question, organisation, today: datetime.date) -> list[hooks.Due]:
    return hooks.due_items(organisation, today, ref=question.ref)


NOTICE_ITEMS = 8


def home_notice(organisation, membership) -> dict | None:
    """The home page's list of evidence that is out of date or soon will be, soonest first, each linking to where to
    put it right (None when nothing is due)."""
    today = timezone.localdate()
    due = hooks.due_items(organisation, today)
    if not due:
        return None
    overdue = sum(1 for item in due if item.is_overdue(today))
    soon = len(due) - overdue
    parts = [
        f"{overdue} out of date" if overdue else "",
        f"{soon} due in the next {hooks.FRESHNESS_WARNING_DAYS} days" if soon else "",
    ]
    items = [
        {
            "href": item.url,
            "text": item.title,
            "after": f"{'was due' if item.is_overdue(today) else 'due'} {long_date(item.due_on)}",
        }
        for item in due[:NOTICE_ITEMS]
    ]
    paragraphs = [f"Evidence for your assessment: {' and '.join(part for part in parts if part)}."]
    more = len(due) - NOTICE_ITEMS
    return {
        "heading": "Evidence going out of date",
        "paragraphs": paragraphs,
        "links": items,
        "after_links": f"And {more} more, each shown in its register." if more > 0 else "",
        "link": None,
    }
