"""The support organisation's pages: publishing surgery slots, a booking with its notes, the contact log, due
follow-ups, and requests for help with their replies. Views only translate HTTP: the rules are in surgeries.py,
contact_log.py and help_requests.py."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from dspt.accounts.models import User
from dspt.advice import contact_log, forms, help_requests, presenters, supporters, surgeries
from dspt.advice.models import Contact, HelpRequest, SurgeryBooking, SurgerySlot
from dspt.support import presenters as support_presenters
from dspt.support.access import support_view
from dspt.ui.forms import posted
from dspt.ui.presenters import long_date


def _page(request, template: str, current: str, context: dict, status: int = 200):
    context["navigation_items"] = support_presenters.navigation(
        request.support_organisation, request.support_membership, current
    )
    context["support_organisation"] = request.support_organisation
    return render(request, template, context, status=status)


def _slug(request) -> str:
    return request.support_organisation.slug


@support_view()
def surgery_list(request):
    now = timezone.now()
    live = Prefetch(
        "bookings",
        queryset=SurgeryBooking.objects.live().select_related(  # scoped-ok: under its slots
            "organisation"
        ),
        to_attr="live_bookings",
    )
    slots = (
        SurgerySlot.objects.filter(support_organisation=request.support_organisation, withdrawn_at=None)
        .filter(starts_at__gt=now - timezone.timedelta(days=14))
        .select_related("adviser")
        .prefetch_related(live)
    )
    rows = []
    for slot in slots:
        booking = slot.live_bookings[0] if slot.live_bookings else None
        if booking:
            href = reverse("advice:booking", args=[_slug(request), booking.pk])
            booked = {"html": f'<a href="{href}">{_escape(booking.organisation.name)}</a>'}
        else:
            booked = {"text": "Not booked"}
        rows.append(
            [
                {"text": presenters.slot_when(slot)},
                {"text": str(slot.adviser)},
                {"text": "Online" if slot.online_link else slot.place},
                booked,
            ]
        )
    return _page(
        request,
        "advice/surgeries.jinja",
        "surgeries",
        {"title": "Surgeries", "rows": rows, "publish_href": reverse("advice:publish", args=[_slug(request)])},
    )


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


@support_view()
def publish(request):
    staff = list(
        User.objects.filter(support_memberships__support_organisation=request.support_organisation).order_by(
            "full_name", "email"
        )
    )
    form = forms.PublishForm(posted(request), staff=staff, initial={"adviser": str(request.user.pk)})
    if request.method == "POST" and form.is_valid():
        adviser = next(user for user in staff if str(user.pk) == form.cleaned_data["adviser"])
        try:
            slots = surgeries.publish(request.support_organisation, adviser, form.plan(), request.user, **form.where())
        except surgeries.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            count = len(slots)
            messages.success(request, f"{count} slot{'s are' if count != 1 else ' is'} published for providers to book")
            return redirect("advice:surgeries", _slug(request))
    return _page(
        request,
        "advice/publish.jinja",
        "surgeries",
        {
            "title": "Publish surgery slots",
            "form": form,
            "back_href": reverse("advice:surgeries", args=[_slug(request)]),
            "back_text": "Back to surgeries",
        },
    )


def _booking_or_404(request, surgery_booking_id: int) -> SurgeryBooking:
    booking = (
        SurgeryBooking.objects.select_related(  # scoped-ok: this support organisation's slots
            "slot", "slot__adviser", "slot__support_organisation", "organisation"
        )
        .select_related("booked_by")
        .filter(pk=surgery_booking_id, slot__support_organisation=request.support_organisation)
        .first()
    )
    if booking is None:
        raise Http404("No such booking")
    return booking


@support_view()
def booking_page(request, surgery_booking_id: int):
    booking = _booking_or_404(request, surgery_booking_id)
    contact = Contact.objects.filter(booking=booking).first()  # scoped-ok: of a booking found above
    initial = (
        {"notes": contact.summary, "outcome": contact.outcome, "follow_up_on": contact.follow_up_on} if contact else {}
    )
    form = forms.NotesForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            surgeries.record_notes(booking, request.user, data["notes"], data["outcome"], data["follow_up_on"])
        except surgeries.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Your notes are saved in the contact log")
            return redirect("advice:contacts", _slug(request), booking.organisation.ods_code)
    slot = booking.slot
    return _page(
        request,
        "advice/booking.jinja",
        "surgeries",
        {
            "title": f"Surgery with {booking.organisation.name}",
            "booking": booking,
            "rows": [
                ("When", presenters.slot_when(slot)),
                ("Adviser", str(slot.adviser)),
                ("Where", presenters.slot_where(slot, booked=True)),
                ("Booked by", f"{booking.booked_by or 'Someone no longer here'}, on {long_date(booking.booked_at)}"),
                ("Questions", booking.question_refs or "None given"),
                ("What they need help with", booking.needs),
                ("Booking", "Cancelled by the provider" if booking.cancelled_at else "Booked"),
            ],
            "can_record": booking.cancelled_at is None and slot.starts_at <= timezone.now(),
            "form": form,
            "ics_href": reverse("advice:booking_ics", args=[_slug(request), booking.pk]),
            "contacts_href": reverse("advice:contacts", args=[_slug(request), booking.organisation.ods_code]),
            "back_href": reverse("advice:surgeries", args=[_slug(request)]),
            "back_text": "Back to surgeries",
        },
    )


def ics_response(booking) -> HttpResponse:
    response = HttpResponse(surgeries.ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="surgery-{booking.pk}.ics"'
    return response


@support_view()
def booking_ics(request, surgery_booking_id: int):
    return ics_response(_booking_or_404(request, surgery_booking_id))


def _provider_or_404(request, ods_code: str) -> str:
    name = supporters.provider_name(request.support_organisation, ods_code)
    if name is None:
        raise Http404("Not a provider you support")
    return name


@support_view()
def contacts(request, ods_code: str):
    name = _provider_or_404(request, ods_code)
    log = contact_log.log_of(request.support_organisation, ods_code)
    return _page(
        request,
        "advice/contacts.jinja",
        "follow-ups",
        {
            "title": f"Contact log: {name}",
            "name": name,
            "ods_code": ods_code.upper(),
            "rows": presenters.contact_rows(log),
            "new_href": reverse("advice:contact_new", args=[_slug(request), ods_code.upper()]),
        },
    )


@support_view()
def contact_new(request, ods_code: str):
    name = _provider_or_404(request, ods_code)
    form = forms.ContactForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            contact_log.add(request.support_organisation, ods_code, request.user, **form.cleaned_data)
        except contact_log.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "The contact is saved in the log")
            return redirect("advice:contacts", _slug(request), ods_code.upper())
    return _page(
        request,
        "advice/contact_new.jinja",
        "follow-ups",
        {
            "title": f"Add a contact with {name}",
            "form": form,
            "back_href": reverse("advice:contacts", args=[_slug(request), ods_code.upper()]),
            "back_text": f"Back to the contact log of {name}",
        },
    )


@support_view()
def follow_ups(request):
    if request.method == "POST":
        contact_id = request.POST.get("contact", "")
        done = contact_id.isdigit() and contact_log.mark_followed_up(
            request.support_organisation, int(contact_id), request.user
        )
        if done:
            messages.success(request, f"The follow-up with {done.ods_code} is marked as done")
        else:
            messages.warning(request, "That follow-up was already done")
        return redirect("advice:follow_ups", _slug(request))
    today = timezone.localdate()
    due = list(contact_log.due(request.support_organisation, today))
    names = dict(
        request.support_organisation.cohort.filter(ods_code__in={c.ods_code for c in due}).values_list(
            "ods_code", "name"
        )
    )
    items = [
        {
            "contact": contact,
            "name": names.get(contact.ods_code, contact.ods_code),
            "href": reverse("advice:contacts", args=[_slug(request), contact.ods_code]),
            "due": "Due today" if contact.follow_up_on == today else f"Overdue since {long_date(contact.follow_up_on)}",
        }
        for contact in due
    ]
    return _page(request, "advice/follow_ups.jinja", "follow-ups", {"title": "Follow-ups due", "items": items})


@support_view()
def help_request_list(request):
    requests = help_requests.of_support_organisation(request.support_organisation)
    rows = [
        [
            {"text": long_date(item.asked_at)},
            {
                "html": f'<a href="{reverse("advice:help_request", args=[_slug(request), item.pk])}">'
                f"{_escape(item.organisation.name)}</a>"
            },
            {"text": item.question_ref or "None given"},
            {"text": "Replied" if item.replied_at else "Waiting for a reply"},
        ]
        for item in requests
    ]
    return _page(request, "advice/help_requests.jinja", "help-requests", {"title": "Requests for help", "rows": rows})


@support_view()
def help_request(request, help_request_id: int):
    item = (
        HelpRequest.objects.select_related(  # scoped-ok: this support organisation's
            "organisation", "asked_by", "replied_by"
        )
        .filter(pk=help_request_id, support_organisation=request.support_organisation)
        .first()
    )
    if item is None:
        raise Http404("No such request")
    form = forms.ReplyForm(posted(request), initial={"reply": item.reply})
    if request.method == "POST" and form.is_valid():
        try:
            help_requests.reply(item, request.user, form.cleaned_data["reply"])
        except help_requests.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"Your reply is sent to {item.organisation.name}")
            return redirect("advice:help_requests", _slug(request))
    return _page(
        request,
        "advice/help_request.jinja",
        "help-requests",
        {
            "title": f"Request for help from {item.organisation.name}",
            "item": item,
            "rows": [
                ("Asked", f"{long_date(item.asked_at)} by {item.asked_by or 'someone no longer here'}"),
                ("Question", item.question_ref or "None given"),
                ("What they need help with", item.note),
            ],
            "form": form,
            "contacts_href": reverse("advice:contacts", args=[_slug(request), item.organisation.ods_code]),
            "back_href": reverse("advice:help_requests", args=[_slug(request)]),
            "back_text": "Back to requests for help",
        },
    )
