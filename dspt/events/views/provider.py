"""Working along in a webinar, on the provider's side: the event's questions in the tutor's order, with links to
answer them. Only for an organisation with a place on the event (others get 404)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from dspt.events import presenters, work_along
from dspt.events.models import Event
from dspt.organisations.access import organisation_view
from dspt.organisations.presenters import navigation


@organisation_view()
def work_along_page(request, event_id: int):
    organisation = request.organisation
    event = Event.objects.select_related("support_organisation").filter(pk=event_id).first()
    if event is None or not work_along.is_booked(event, organisation):
        raise Http404("No such event")
    year = work_along.framework()
    questions = work_along.questions_for(event, year)
    answered = work_along.answered_by(organisation, questions, year)
    rows = [
        {
            "question": question,
            "href": reverse("assessments:question", args=[organisation.ods_code, year.year, question.ref]),
            "answered": question.pk in answered,
        }
        for question in questions
    ]
    context = {
        "title": f"Work along: {event.title}",
        "event": event,
        "when": presenters.when(event),
        "rows": rows,
        "year": year,
        "navigation_items": navigation(request.organisation, request.membership, "assessment"),
    }
    return render(request, "events/work_along.jinja", context)
