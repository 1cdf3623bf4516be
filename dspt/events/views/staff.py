"""A support organisation's events pages (/s/<slug>/events/…): its events, putting one on, changing or cancelling
it, who has booked and who is waiting, attendance, and the tutor's work-along counts. Rules: scheduling.py,
bookings.py, work_along.py."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from dspt.events import bookings, forms, presenters, scheduling, work_along
from dspt.events.models import Booking, Event
from dspt.support import presenters as support_presenters
from dspt.support.access import support_view
from dspt.support.models import SupportMembership
from dspt.ui.forms import posted

HOLDING = Count("bookings", filter=Q(bookings__status__in=Booking.HOLDING))
WAITING = Count("bookings", filter=Q(bookings__status=Booking.WAITING))


def _context(request, title: str, **more) -> dict:
    navigation = support_presenters.navigation(request.support_organisation, request.support_membership, "events")
    return {"title": title, "navigation_items": navigation, "support_organisation": request.support_organisation} | more


def _event_or_404(request, event_id: int) -> Event:
    event = (
        Event.objects.select_related("support_organisation")
        .filter(support_organisation=request.support_organisation, pk=event_id)
        .first()
    )
    if event is None:
        raise Http404("No such event")
    return event


def _event_url(request, event) -> str:
    return reverse("events:staff_event", args=[request.support_organisation.slug, event.pk])


@support_view()
def staff_list(request):
    events = list(
        Event.objects.filter(support_organisation=request.support_organisation)
        .annotate(holding=HOLDING, waiting=WAITING)
        .order_by("-starts_at", "-id")
    )
    rows = [
        {
            "event": event,
            "href": _event_url(request, event),
            "when": presenters.when(event),
            "booked": f"{event.holding} of {event.capacity}",
            "waiting": event.waiting,
            "state": "Cancelled" if event.is_cancelled else ("Held" if presenters.is_past(event) else "Upcoming"),
        }
        for event in events
    ]
    context = _context(request, "Events", rows=rows, can_manage=request.support_membership.is_lead)
    return render(request, "events/staff_list.jinja", context)


@support_view(SupportMembership.LEAD)
def create(request):
    form = forms.EventForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            event = scheduling.create(request.support_organisation, form.values(), request.user)
        except scheduling.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"{event.title} is on the public events list")
            return redirect(_event_url(request, event))
    back = reverse("events:staff_list", args=[request.support_organisation.slug])
    context = _context(request, "Put on an event", form=form, back_href=back, submit_text="Save the event")
    return render(request, "events/event_form.jinja", context)


@support_view(SupportMembership.LEAD)
def edit(request, event_id: int):
    event = _event_or_404(request, event_id)
    if event.is_cancelled:
        raise Http404("This event has been cancelled")
    form = forms.EventForm(posted(request), event=event)
    if request.method == "POST" and form.is_valid():
        try:
            scheduling.update(event, form.values(), request.user)
        except scheduling.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Your changes are saved")
            return redirect(_event_url(request, event))
    context = _context(
        request,
        f"Change {event.title}",
        form=form,
        back_href=_event_url(request, event),
        submit_text="Save changes",
    )
    return render(request, "events/event_form.jinja", context)


@support_view(SupportMembership.LEAD)
def cancel(request, event_id: int):
    event = _event_or_404(request, event_id)
    if request.method == "POST":
        try:
            scheduling.cancel(event, request.user)
        except scheduling.RuleBroken as problem:
            messages.info(request, str(problem))
        else:
            messages.success(request, f"{event.title} is cancelled and everyone booked or waiting has been emailed")
        return redirect(_event_url(request, event))
    people = event.bookings.active().count()
    context = _context(
        request, f"Cancel {event.title}", event=event, people=people, back_href=_event_url(request, event)
    )
    return render(request, "events/staff_cancel.jinja", context)


@support_view()
def staff_event(request, event_id: int):
    event = _event_or_404(request, event_id)
    everyone = list(event.bookings.all())
    holding = sum(1 for booking in everyone if booking.status in Booking.HOLDING)
    slug = request.support_organisation.slug
    context = _context(
        request,
        event.title,
        event=event,
        rows=presenters.summary_rows(event, holding, booked=True),
        booked=[b for b in everyone if b.status in Booking.HOLDING],
        waiting=[b for b in everyone if b.status == Booking.WAITING],
        gone=[b for b in everyone if b.status in (Booking.CANCELLED, Booking.LAPSED)],
        status_tag=presenters.status_tag,
        attendance=presenters.attendance,
        past=presenters.is_past(event),
        can_manage=request.support_membership.is_lead,
        public_url=reverse("events:event", args=[event.pk]),
        edit_url=reverse("events:edit", args=[slug, event.pk]),
        cancel_url=reverse("events:cancel_event", args=[slug, event.pk]),
        attendance_url=reverse("events:attendance", args=[slug, event.pk]),
        work_along_url=reverse("events:tutor_work_along", args=[slug, event.pk]),
        back_href=reverse("events:staff_list", args=[slug]),
        back_text="All events",
    )
    return render(request, "events/staff_event.jinja", context)


@support_view()
def attendance(request, event_id: int):
    event = _event_or_404(request, event_id)
    booked = list(event.bookings.filter(status=Booking.BOOKED))
    form = forms.AttendanceForm(posted(request), bookings=booked)
    if request.method == "POST" and form.is_valid():
        try:
            bookings.mark_attendance(event, form.attended_ids(), request.user)
        except bookings.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Attendance is saved")
            return redirect(_event_url(request, event))
    context = _context(
        request,
        f"Who came to {event.title}",
        event=event,
        form=form,
        has_people=bool(booked),
        back_href=_event_url(request, event),
        submit_text="Save attendance",
    )
    return render(request, "events/attendance.jinja", context)


@support_view()
def tutor_work_along(request, event_id: int):
    event = _event_or_404(request, event_id)
    view = work_along.tutor_view(event)
    context = _context(
        request,
        f"Work along: {event.title}",
        event=event,
        view=view,
        back_href=_event_url(request, event),
    )
    return render(request, "events/tutor_work_along.jinja", context)
