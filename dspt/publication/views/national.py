"""After publishing here: the steps to publish in the national toolkit, and recording the day it was done."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from dspt.lib import downloads
from dspt.lib import national_toolkit as toolkit
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation
from dspt.publication import national, reports
from dspt.publication.forms import NationalDateForm
from dspt.ui.forms import posted
from dspt.ui.presenters import long_date


def _publication(request, publication_id: int):
    publication = request.organisation.publications.filter(pk=publication_id).first()
    if publication is None:
        raise Http404("No such publication")
    return publication


def _steps(request, publication, declared) -> list[dict]:
    """The hand-off task list: what to do in the national toolkit, then record it here."""
    code = request.organisation.ods_code
    done = {"text": "Completed"} if declared else None
    plan = publication.snapshot.get("action_plan")
    steps = [
        {
            "title": {"text": "Sign in to the national toolkit"},
            "hint": {"text": f"Use your organisation's own account there, registered with ODS code {code}"},
            "href": toolkit.HOME_URL,
            "status": done,
        },
        {
            "title": {"text": "Answer each question there from your answer sheet"},
            "hint": {"text": "Your answers by reference number, in the national toolkit's order, ready to copy"},
            "href": reverse("assessments:sheet", args=[code, publication.year]),
            "status": done,
        },
    ]
    if plan:
        steps.append(
            {
                "title": {"text": "Add your action plan there"},
                "hint": {"text": "For each Standards Met item still open: the action, who will do it and by when"},
                "href": "#action-plan",
                "status": done,
            }
        )
    steps.append(
        {
            "title": {"text": f"Publish there at {publication.status_label}"},
            "hint": {"text": "Confirm and publish in the national toolkit"},
            "status": done,
        }
    )
    record = {
        "title": {"text": "Come back and record the date you published there"},
        "hint": {"text": "So your public page here can say when you did"},
        "status": done or {"tag": {"text": "To do", "classes": "nhsuk-tag--blue"}},
    }
    if request.membership.is_admin:
        record["href"] = reverse("publication:national_date", args=[code, publication.pk])
    else:
        record["hint"] = {"text": "Your organisation's administrators record it"}
    steps.append(record)
    return steps


@organisation_view()
def handoff(request, publication_id: int):
    publication = _publication(request, publication_id)
    declared = national.declaration(publication)
    return render(
        request,
        "publication/national.jinja",
        {
            "title": "Now publish in the national toolkit",
            "publication": publication,
            "published_here": national.published_here_on(publication),
            "declared": declared,
            "steps": _steps(request, publication, declared),
            "plan": publication.snapshot.get("action_plan"),
            "is_admin": request.membership.is_admin,
            "navigation_items": navigation(request.organisation, request.membership, "publish"),
        },
    )


@organisation_view(Membership.ADMIN)
def record_date(request, publication_id: int):
    publication = _publication(request, publication_id)
    declared = national.declaration(publication)
    initial = {"published_on": declared.published_on} if declared else None
    form = NationalDateForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["published_on"]
        try:
            national.record_national_publication(publication, day, request.user)
        except national.NotAnAdministrator as error:
            raise PermissionDenied(str(error)) from error
        except national.DateRefused as refused:
            form.add_error("published_on", str(refused))
        else:
            messages.success(request, f"Recorded: you published in the national toolkit on {long_date(day)}")
            return redirect("publication:national", request.organisation.ods_code, publication.pk)
    return render(
        request,
        "publication/national_date.jinja",
        {
            "title": "When did you publish in the national toolkit?",
            "publication": publication,
            "declared": declared,
            "form": form,
            "published_here": national.published_here_on(publication),
            "back_href": reverse("publication:national", args=[request.organisation.ods_code, publication.pk]),
        },
    )


@organisation_view()
def plan_download(request, publication_id: int, fmt: str):
    """The action plan as it was published, to copy into the national toolkit (Excel or Word)."""
    publication = _publication(request, publication_id)
    plan = publication.snapshot.get("action_plan")
    if not plan:
        raise Http404("This publication has no action plan")
    rows = plan.get("lines", [])
    name = f"action-plan-{request.organisation.ods_code}-{publication.year}-{publication.pk}"
    if fmt == "xlsx":
        content = reports.plan_xlsx(request.organisation, publication.year, rows)
        return downloads.attachment(content, downloads.XLSX, f"{name}.xlsx")
    if fmt == "docx":
        content = reports.plan_docx(request.organisation, publication.year, rows)
        return downloads.attachment(content, downloads.DOCX, f"{name}.docx")
    raise Http404("Unknown format")
