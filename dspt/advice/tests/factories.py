"""Surgeries, bookings and requests for help for tests, and the ids the walks over every page need."""

import datetime

from django.utils import timezone

from dspt.advice.models import HelpRequest, SurgeryBooking, SurgerySlot
from dspt.support.models import CohortEntry, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import make_organisation, make_user


def make_slot(support_organisation, adviser, starts_at=None, minutes=30, **values):
    starts_at = starts_at or (timezone.now() + datetime.timedelta(days=7)).replace(second=0, microsecond=0)
    values.setdefault("online_link", "https://meet.example/fcca")
    return SurgerySlot.objects.create(
        support_organisation=support_organisation, adviser=adviser, starts_at=starts_at, minutes=minutes, **values
    )


def add_to_cohort(support_organisation, organisation):
    return CohortEntry.objects.get_or_create(
        support_organisation=support_organisation,
        ods_code=organisation.ods_code,
        defaults={"name": organisation.name},
    )[0]


def walk_placeholders(org, owner, made) -> dict:
    """A support organisation with `org` in its cohort, a free slot, a booked one and a request for help."""
    association = make_support_organisation(name="Advice Walk Care Association", slug="advice-walk")
    adviser = add_staff(association, "walk-adviser@fwca.example", full_name="Walt Adviser")
    add_to_cohort(association, org)
    free = make_slot(association, adviser)
    taken = make_slot(association, adviser, starts_at=free.starts_at + datetime.timedelta(hours=1))
    booking = SurgeryBooking.objects.create(slot=taken, organisation=org, booked_by=owner, needs="Policies")
    HelpRequest.objects.create(
        organisation=org, support_organisation=association, question_ref="1.1.2", note="Help", asked_by=owner
    )
    return {"<int:surgery_slot_id>": free.pk, "<int:surgery_booking_id>": booking.pk}


def support_walk_placeholders(association, lead, made) -> dict:
    """A provider in the association's cohort with a booked surgery and a request for help; the contact log's
    <str:ods_code> is that provider's."""
    user = make_user("advice-provider@care.example", full_name="Pat Provider")
    provider = make_organisation("VX390", user, name="Fictional Advice Walk Care Home")
    add_to_cohort(association, provider)
    adviser = SupportMembership.objects.filter(support_organisation=association).first().user
    slot = make_slot(association, adviser or lead)
    booking = SurgeryBooking.objects.create(slot=slot, organisation=provider, booked_by=user, needs="Policies")
    request = HelpRequest.objects.create(
        organisation=provider, support_organisation=association, question_ref="1.1.2", note="Help", asked_by=user
    )
    return {
        "<str:ods_code>": provider.ods_code,
        "<int:surgery_booking_id>": booking.pk,
        "<int:help_request_id>": request.pk,
    }
