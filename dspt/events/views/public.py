"""The public events pages (no sign-in): the listing, an event with its booking form, and the pages the emailed
links open (the booking with its calendar file, cancelling, accepting an offered place). Rules: bookings.py."""

from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from dspt.events import bookings, calendar_entries, forms, presenters, public_limits
from dspt.events.models import Booking, Event
from dspt.organisations.models import Membership
from dspt.ui.forms import posted

HOLDING = Count("bookings", filter=Q(bookings__status__in=Booking.HOLDING))


def _private(response):
    """A page opened from an emailed link: never stored, never indexed, its address never sent on."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _too_many(request):
    return _private(render(request, "events/too_many.jinja", {"title": "Please wait before trying again"}, status=429))


def listing(request):
    now = timezone.now()
    upcoming = Event.objects.filter(starts_at__gt=now, cancelled_at=None)
    areas = sorted({area for area in upcoming.values_list("area", flat=True) if area})
    form = forms.FilterForm(request.GET or None, areas=areas)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    shown = upcoming.select_related("support_organisation").annotate(holding=HOLDING)
    if chosen.get("area"):
        shown = shown.filter(area=chosen["area"])
    if chosen.get("topic"):
        shown = shown.filter(topic=chosen["topic"])
    rows = [
        {
            "event": event,
            "when": presenters.when(event),
            "where": presenters.where(event),
            "places": presenters.places_left(event, event.holding),
        }
        for event in shown
    ]
    context = {
        "title": "Data security webinars and workshops",
        "filter_form": form,
        "filtered": bool(chosen.get("area") or chosen.get("topic")),
        "rows": rows,
    }
    return render(request, "events/listing.jinja", context)


def _prefill(request) -> dict:
    """A signed-in provider user's details, so they need not type them."""
    user = request.user
    if not user.is_authenticated:
        return {}
    membership = (
        Membership.objects.select_related("organisation")  # scoped-ok: the signed-in person's own
        .filter(user=user)
        .order_by("organisation__name")
        .first()
    )
    initial = {"name": user.full_name, "email": user.email}
    if membership is not None:
        initial |= {"organisation_name": membership.organisation.name, "ods_code": membership.organisation.ods_code}
    return initial


def _member_organisation(request, ods_code: str):
    if not request.user.is_authenticated:
        return None
    membership = (
        Membership.objects.select_related("organisation")  # scoped-ok: the signed-in person's own
        .filter(user=request.user, organisation__ods_code=ods_code)
        .first()
    )
    return membership.organisation if membership else None


def event_page(request, event_id: int):
    event = Event.objects.select_related("support_organisation").annotate(holding=HOLDING).filter(pk=event_id).first()
    if event is None:
        raise Http404("No such event")
    form = forms.BookingForm(posted(request), initial=_prefill(request))
    past = presenters.is_past(event)
    if request.method == "POST" and not (past or event.is_cancelled):
        if not public_limits.allowed(request, "bookings", public_limits.BOOKINGS_PER_HOUR):
            return _too_many(request)
        if form.is_valid():
            data = form.cleaned_data
            organisation = _member_organisation(request, data["ods_code"])
            details = bookings.Details(data["name"], data["email"], data["organisation_name"], data["ods_code"])
            try:
                _booking, token = bookings.book(
                    event, details, user=request.user if organisation else None, organisation=organisation
                )
            except bookings.RuleBroken as problem:
                form.add_error("email" if isinstance(problem, bookings.AlreadyBooked) else None, str(problem))
            else:
                return redirect("events:booking", token)
    context = {
        "title": event.title,
        "event": event,
        "rows": presenters.summary_rows(event, event.holding),
        "full": event.holding >= event.capacity,
        "offer_hours": bookings.offer_hours(),
        "past": past,
        "form": form,
        "back_href": "/events/",
        "back_text": "All events",
    }
    return render(request, "events/event.jinja", context)


def booking_page(request, token: str):
    if not public_limits.allowed(request):
        return _too_many(request)
    booking = bookings.find_by_page_token(token)
    if booking is None:
        return _private(render(request, "events/link_gone.jinja", {"title": "This link is not recognised"}, status=404))
    event = booking.event
    booked = booking.status == Booking.BOOKED and not event.is_cancelled
    context = {
        "title": {
            Booking.BOOKED: "You have a place",
            Booking.WAITING: "You are on the waiting list",
            Booking.OFFERED: "You have been offered a place",
            Booking.CANCELLED: "Your booking is cancelled",
            Booking.LAPSED: "Your offer of a place has run out",
        }[booking.status]
        if not event.is_cancelled
        else "This event has been cancelled",
        "booking": booking,
        "event": event,
        "booked": booked,
        "rows": presenters.summary_rows(event, booked=booked),
        "position": bookings.waiting_position(booking) if booking.status == Booking.WAITING else None,
        "token": token,
    }
    return _private(render(request, "events/booking.jinja", context))


def calendar(request, token: str):
    if not public_limits.allowed(request):
        return _too_many(request)
    booking = bookings.find_by_page_token(token)
    if booking is None or booking.status not in (Booking.BOOKED, Booking.CANCELLED):
        raise Http404("No such booking")
    response = HttpResponse(calendar_entries.ics_for(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return _private(response)


def cancel(request, token: str):
    if not public_limits.allowed(request):
        return _too_many(request)
    booking = bookings.find_by_cancel_token(token)
    if booking is None or booking.status not in Booking.ACTIVE:
        context = {"title": "This link has already been used", "used": True}
        return _private(render(request, "events/link_gone.jinja", context, status=410 if booking is None else 200))
    if request.method == "POST":
        try:
            bookings.cancel(booking)
        except bookings.LinkGone:
            context = {"title": "This link has already been used", "used": True}
            return _private(render(request, "events/link_gone.jinja", context, status=410))
        context = {"title": "Your booking is cancelled", "event": booking.event}
        return _private(render(request, "events/cancelled.jinja", context))
    context = {
        "title": "Cancel your place" if booking.status != Booking.WAITING else "Leave the waiting list",
        "booking": booking,
        "event": booking.event,
        "rows": presenters.summary_rows(booking.event),
    }
    return _private(render(request, "events/cancel.jinja", context))


def offer(request, token: str):
    if not public_limits.allowed(request):
        return _too_many(request)
    booking = bookings.find_by_offer_token(token)
    state = bookings.offer_state(booking) if booking is not None else "gone"
    if state != "open":
        titles = {"lapsed": "This offer has run out", "taken": "You have already accepted this place"}
        context = {"title": titles.get(state, "This offer is no longer available"), "offer_state": state}
        return _private(render(request, "events/offer_gone.jinja", context, status=410))
    if request.method == "POST":
        try:
            booking, page_token = bookings.accept_offer(booking)
        except bookings.LinkGone:
            context = {"title": "This offer is no longer available", "offer_state": "gone"}
            return _private(render(request, "events/offer_gone.jinja", context, status=410))
        return redirect("events:booking", page_token)
    context = {
        "title": "A place has come up for you",
        "booking": booking,
        "event": booking.event,
        "rows": presenters.summary_rows(booking.event),
        "expires": booking.offer_expires_at,
    }
    return _private(render(request, "events/offer.jinja", context))
