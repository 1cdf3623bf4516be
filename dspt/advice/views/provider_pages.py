"""The provider's pages: surgeries it can book, its bookings (with the calendar file and cancelling), and its
requests for help with their replies. Every page goes through organisation_view."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from dspt.advice import forms, help_requests, presenters, supporters, surgeries
from dspt.advice.models import SurgeryBooking, SurgerySlot
from dspt.advice.views.support_pages import ics_response
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation
from dspt.ui.forms import posted
from dspt.ui.presenters import long_date


def _page(request, template: str, context: dict):
    context["navigation_items"] = navigation(request.organisation, request.membership, "support")
    context["organisation"] = request.organisation
    return render(request, template, context)


def _code(request) -> str:
    return request.organisation.ods_code


@organisation_view()
def surgery_list(request):
    now = timezone.now()
    slots = list(surgeries.open_slots(request.organisation, now)[:200])
    bookings = list(
        SurgeryBooking.objects.live()  # scoped-ok: filtered by request.organisation
        .filter(organisation=request.organisation, slot__starts_at__gt=now - timezone.timedelta(days=1))
        .select_related("slot", "slot__support_organisation", "slot__adviser")
    )
    can_book = request.membership.can(Membership.MEMBER)
    offered = [
        {
            "slot": slot,
            "when": presenters.slot_when(slot),
            "where": presenters.slot_where(slot, booked=False),
            "href": reverse("advice:provider_book", args=[_code(request), slot.pk]),
        }
        for slot in slots
    ]
    booked = [
        {
            "booking": booking,
            "when": presenters.slot_when(booking.slot),
            "href": reverse("advice:provider_booking", args=[_code(request), booking.pk]),
        }
        for booking in bookings
    ]
    return _page(
        request,
        "advice/provider_surgeries.jinja",
        {
            "title": "Book a surgery with an adviser",
            "offered": offered,
            "booked": booked,
            "can_book": can_book,
            "has_supporters": bool(supporters.supporters_of(request.organisation)),
            "help_requests_href": reverse("advice:provider_help_requests", args=[_code(request)]),
        },
    )


@organisation_view(Membership.MEMBER)
def book(request, surgery_slot_id: int):
    slot = surgeries.open_slots(request.organisation).filter(pk=surgery_slot_id).first()
    if slot is None:
        if not SurgerySlot.objects.filter(
            pk=surgery_slot_id, support_organisation__in=supporters.supporters_of(request.organisation)
        ).exists():
            raise Http404("No such slot")
        messages.warning(request, "Someone else has booked that slot. Choose another time")
        return redirect("advice:provider_surgeries", _code(request))
    form = forms.BookForm(posted(request), initial={"question_refs": request.GET.get("question", "")[:20]})
    if request.method == "POST" and form.is_valid():
        try:
            booking = surgeries.book(
                slot.pk,
                request.organisation,
                request.user,
                form.cleaned_data["needs"],
                form.cleaned_data["question_refs"],
            )
        except surgeries.SlotTaken as problem:
            messages.warning(request, str(problem))
            return redirect("advice:provider_surgeries", _code(request))
        except surgeries.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Your surgery is booked. We have emailed you the details")
            return redirect("advice:provider_booking", _code(request), booking.pk)
    return _page(
        request,
        "advice/provider_book.jinja",
        {
            "title": "Book this surgery",
            "form": form,
            "rows": [
                ("With", f"{slot.adviser}, {slot.support_organisation.name}"),
                ("When", presenters.slot_when(slot)),
                ("Where", presenters.slot_where(slot, booked=False)),
            ],
            "back_href": reverse("advice:provider_surgeries", args=[_code(request)]),
            "back_text": "Back to surgeries",
        },
    )


def _booking_or_404(request, surgery_booking_id: int) -> SurgeryBooking:
    booking = (
        SurgeryBooking.objects.select_related(  # scoped-ok: filtered by request.organisation
            "slot", "slot__adviser", "slot__support_organisation", "organisation", "booked_by"
        )
        .filter(pk=surgery_booking_id, organisation=request.organisation)
        .first()
    )
    if booking is None:
        raise Http404("No such booking")
    return booking


@organisation_view()
def booking_page(request, surgery_booking_id: int):
    booking = _booking_or_404(request, surgery_booking_id)
    slot = booking.slot
    cancellable = booking.cancelled_at is None and slot.starts_at > timezone.now()
    return _page(
        request,
        "advice/provider_booking.jinja",
        {
            "title": f"Your surgery with {slot.support_organisation.name}",
            "booking": booking,
            "rows": [
                ("With", f"{slot.adviser}, {slot.support_organisation.name}"),
                ("When", presenters.slot_when(slot)),
                ("Where", presenters.slot_where(slot, booked=booking.cancelled_at is None)),
                ("Booked by", f"{booking.booked_by or 'Someone no longer here'}, on {long_date(booking.booked_at)}"),
                ("Questions", booking.question_refs or "None given"),
                ("What you need help with", booking.needs),
                ("Booking", "Cancelled" if booking.cancelled_at else "Booked"),
            ],
            "ics_href": reverse("advice:provider_booking_ics", args=[_code(request), booking.pk]),
            "cancel_href": reverse("advice:provider_booking_cancel", args=[_code(request), booking.pk])
            if cancellable and request.membership.can(Membership.MEMBER)
            else "",
            "back_href": reverse("advice:provider_surgeries", args=[_code(request)]),
            "back_text": "Back to surgeries",
        },
    )


@organisation_view()
def booking_ics(request, surgery_booking_id: int):
    return ics_response(_booking_or_404(request, surgery_booking_id))


@organisation_view(Membership.MEMBER)
def cancel(request, surgery_booking_id: int):
    """GET asks to confirm; POST cancels."""
    booking = _booking_or_404(request, surgery_booking_id)
    if request.method == "POST":
        if surgeries.cancel(booking, request.user):
            messages.success(request, "Your surgery is cancelled. We have told the adviser")
        return redirect("advice:provider_surgeries", _code(request))
    return _page(
        request,
        "advice/provider_cancel.jinja",
        {
            "title": "Cancel this surgery?",
            "booking": booking,
            "when": presenters.slot_when(booking.slot),
            "back_href": reverse("advice:provider_booking", args=[_code(request), booking.pk]),
            "back_text": "Back to your booking",
        },
    )


@organisation_view()
def help_request_list(request):
    items = list(help_requests.of_provider(request.organisation))
    return _page(
        request,
        "advice/provider_help_requests.jinja",
        {
            "title": "Your requests for help",
            "items": items,
            "new_href": reverse("advice:provider_help_request_new", args=[_code(request)]),
            "can_ask": request.membership.can(Membership.MEMBER),
        },
    )


@organisation_view(Membership.MEMBER)
def help_request_new(request):
    helpers = supporters.supporters_of(request.organisation)
    question = request.GET.get("question", "")[:20]
    form = forms.HelpRequestForm(posted(request), supporters=helpers, initial={"question_ref": question})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = help_requests.ask(
                request.organisation, request.user, data["support_organisation"], data["note"], data["question_ref"]
            )
        except help_requests.RuleBroken as problem:
            form.add_error("question_ref" if "question" in str(problem) else None, str(problem))
        else:
            messages.success(
                request, f"Your request is sent to {item.support_organisation.name}. You will see their reply here"
            )
            return redirect("advice:provider_help_requests", _code(request))
    return _page(
        request,
        "advice/provider_help_request_new.jinja",
        {
            "title": "Ask for help" + (f" with question {question}" if question else ""),
            "form": form,
            "helpers": helpers,
            "back_href": reverse("advice:provider_help_requests", args=[_code(request)]),
            "back_text": "Back to your requests for help",
        },
    )
