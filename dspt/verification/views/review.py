"""The operators' pages: registrations waiting for a check, those refused, and one registration to decide on."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from dspt.lib import ods
from dspt.verification import presenters, review
from dspt.verification.access import operator_view
from dspt.verification.forms import RefuseForm

APPROVE, REFUSE = "approve", "refuse"


@operator_view
@require_safe
def queue(request):
    registrations = review.registrations(review.waiting())
    return render(
        request,
        "verification/queue.jinja",
        {
            "title": "Registrations to check",
            "registrations": [_shown(registration) for registration in registrations],
            "review_required": review.review_required(),
            "navigation_items": presenters.navigation("queue"),
        },
    )


@operator_view
@require_safe
def refused(request):
    registrations = review.registrations(review.refused())
    return render(
        request,
        "verification/refused.jinja",
        {
            "title": "Refused registrations",
            "registrations": [_shown(registration) for registration in registrations],
            "navigation_items": presenters.navigation("refused"),
        },
    )


def _shown(registration: review.Registration) -> dict:
    return {
        "registration": registration,
        "directory_rows": presenters.directory_rows(registration),
        "typed_rows": presenters.typed_rows(registration),
        "decision_rows": presenters.decision_rows(registration),
    }


@operator_view
@require_http_methods(["GET", "HEAD", "POST"])
def registration(request, ods_code: str):
    code = ods.code_from_url(ods_code)
    found = review.find(code) if code else None
    if found is None:
        raise Http404("No organisation is registered with this code")
    decision = request.POST.get("decision") if request.method == "POST" else None
    form = RefuseForm(request.POST if decision == REFUSE else None)
    name = found.organisation.name
    if decision == APPROVE:
        try:
            review.approve(found, request.user)
        except review.CannotDecide as problem:
            messages.info(request, str(problem))
        else:
            messages.success(request, f"You approved {name}: what it publishes is now shown in public")
        return redirect("verification:queue")
    if decision == REFUSE and form.is_valid():
        try:
            review.refuse(found, request.user, form.cleaned_data["reason"])
        except review.CannotDecide as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"You refused {name}: its administrators have been emailed your reason")
            return redirect("verification:queue")
    (registration,) = review.registrations([found])
    return render(
        request,
        "verification/registration.jinja",
        {
            "title": f"Check {name} ({found.organisation.ods_code})",
            "form": form,
            "published_rows": presenters.more_rows(found.organisation),
            "can_approve": found.state != review.APPROVED,
            "can_refuse": found.state != review.REFUSED,
            "back_href": reverse("verification:refused" if found.state == review.REFUSED else "verification:queue"),
            "back_text": "Refused registrations" if found.state == review.REFUSED else "Registrations to check",
            "navigation_items": presenters.navigation(""),
            **_shown(registration),
        },
    )
