"""Display logic for the advice pages: slot times, booking rows, the contact log, and the "Ask for help" link on a
question page."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from dspt.advice import supporters
from dspt.organisations.models import Membership
from dspt.ui.presenters import long_date


def time_text(value) -> str:
    local = timezone.localtime(value)
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{hour}:{local:%M}{local.strftime('%p').lower()}"


def slot_when(slot) -> str:
    """Tuesday 3 March 2027, 10:00am to 10:30am"""
    start = timezone.localtime(slot.starts_at)
    return f"{start:%A} {start.day} {start:%B %Y}, {time_text(slot.starts_at)} to {time_text(slot.ends_at)}"


def slot_where(slot, booked: bool) -> str:
    """Online surgeries show their joining link only to whoever booked (and the adviser)."""
    if slot.online_link:
        return f"Online: {slot.online_link}" if booked else "Online (the joining link shows once you book)"
    return slot.place


def contact_rows(contacts) -> list[list[dict]]:
    rows = []
    for contact in contacts:
        follow = long_date(contact.follow_up_on) if contact.follow_up_on else "None"
        if contact.follow_up_on and contact.followed_up_at:
            follow += " (done)"
        summary = contact.summary + (f" Outcome: {contact.get_outcome_display()}." if contact.outcome else "")
        rows.append(
            [
                {"text": long_date(contact.happened_on)},
                {"text": contact.get_kind_display()},
                {"text": contact.with_whom or "Not given"},
                {"text": summary},
                {"text": follow},
                {"text": str(contact.created_by) if contact.created_by else "The service"},
            ]
        )
    return rows


def ask_for_help_link(organisation, membership, assessment, question) -> dict | None:
    """The question page's "Ask for help with this question" link, when a support organisation supports the
    provider (registered with assessments.presenters.add_question_link)."""
    if not membership.can(Membership.MEMBER) or not supporters.supporters_of(organisation):
        return None
    href = reverse("advice:provider_help_request_new", args=[organisation.ods_code])
    return {"href": f"{href}?{urlencode({'question': question.ref})}", "text": "Ask for help with this question"}
