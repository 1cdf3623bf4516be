"""Asking for help: a provider sends a question reference and a note to one of its support organisations; the
request lands in that organisation's contact log with a follow-up date two working days on, and on its list of
requests; an adviser replies in the service and the provider sees the reply (and gets an email)."""

import re

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dspt.advice import contact_log, supporters
from dspt.advice.models import Contact, HelpRequest
from dspt.frameworks.models import Question
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import emails
from dspt.support.models import SupportMembership

AREA = "Requests for help"
FOLLOW_UP_WORKING_DAYS = 2
REF = re.compile(r"[0-9]{1,2}(\.[0-9]{1,2}){1,3}")


class RuleBroken(Exception):
    """The request or reply cannot be made: the message says why, in words for the page."""


def known_question(ref: str) -> bool:
    return bool(REF.fullmatch(ref)) and Question.objects.filter(ref=ref).exists()


@transaction.atomic
def ask(organisation, user, support_organisation, note: str, question_ref: str = "") -> HelpRequest:
    """Send the request. Raises RuleBroken when the support organisation does not support this organisation or the
    question reference is not one of the toolkit's."""
    if support_organisation not in supporters.supporters_of(organisation):
        raise RuleBroken("Choose one of the support organisations that support you")
    question_ref = question_ref.strip()
    if question_ref and not known_question(question_ref):
        raise RuleBroken(f"There is no question {question_ref} in the toolkit: check the reference, like 1.1.2")
    request = HelpRequest.objects.create(
        organisation=organisation,
        support_organisation=support_organisation,
        question_ref=question_ref,
        note=note,
        asked_by=user,
    )
    today = timezone.localdate()
    contact_log.add(
        support_organisation,
        organisation.ods_code,
        user,
        kind=Contact.HELP_REQUEST,
        happened_on=today,
        with_whom=str(user),
        summary=(f"Question {question_ref}: " if question_ref else "") + note,
        follow_up_on=contact_log.add_working_days(today, FOLLOW_UP_WORKING_DAYS),
        help_request=request,
    )
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.CREATED,
        obj=request,
        label=f"Request to {support_organisation.name}",
        changes={"Question": [None, question_ref or None], "What you need help with": [None, note]},
    )
    staff = list(
        SupportMembership.objects.filter(support_organisation=support_organisation).values_list(
            "user__email", flat=True
        )
    )
    to = [support_organisation.email] if support_organisation.email else staff
    if to:
        url = settings.SITE_URL + reverse("advice:help_request", args=[support_organisation.slug, request.pk])
        emails.send("advice-help-request", to, {"request": request, "organisation": organisation, "url": url})
    return request


def of_provider(organisation):
    return HelpRequest.objects.filter(organisation=organisation).select_related("support_organisation")


def of_support_organisation(support_organisation):
    return HelpRequest.objects.filter(support_organisation=support_organisation).select_related(
        "organisation", "asked_by", "replied_by"
    )


@transaction.atomic
def reply(help_request: HelpRequest, by, text: str) -> HelpRequest:
    """The adviser's reply, shown to the provider and emailed to whoever asked; the follow-up in the contact log is
    done. Replying again replaces the reply."""
    text = text.strip()
    if not text:
        raise RuleBroken("Enter your reply")
    before = help_request.reply
    help_request.reply, help_request.replied_by, help_request.replied_at = text, by, timezone.now()
    help_request.save(update_fields=["reply", "replied_by", "replied_at"])
    contact = Contact.objects.filter(help_request=help_request, followed_up_at=None).first()
    if contact is not None:
        contact_log.mark_followed_up(help_request.support_organisation, contact.pk, by)
    record_change(
        actor=by,
        organisation=help_request.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=help_request,
        label=f"Request to {help_request.support_organisation.name}",
        changes={"Reply": [before or None, text]},
    )
    if help_request.asked_by is not None:
        url = settings.SITE_URL + reverse("advice:provider_help_requests", args=[help_request.organisation.ods_code])
        emails.send(
            "advice-help-reply",
            [help_request.asked_by.email],
            {"request": help_request, "organisation": help_request.organisation, "url": url},
        )
    return help_request
