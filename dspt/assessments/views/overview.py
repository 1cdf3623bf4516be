"""The assessment's home page, its group pages, and starting a year."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dspt.assessments import carry_over, presenters, progress, rules
from dspt.assessments.views.common import get_assessment
from dspt.frameworks.models import FrameworkVersion
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation


@organisation_view()
def index(request):
    organisation = request.organisation
    framework = FrameworkVersion.objects.current()
    assessments = list(organisation.assessments.select_related("framework"))
    if framework is not None and any(a.framework_id == framework.id for a in assessments):
        return redirect("assessments:home", organisation.ods_code, framework.year)
    previous = carry_over.previous_assessment(organisation, framework) if framework else None
    return render(
        request,
        "assessments/start.jinja",
        {
            "title": f"Start your {framework.year} assessment" if framework else "The assessment is not ready yet",
            "framework": framework,
            "previous": previous,
            "assessments": assessments,
            "can_start": request.membership.can(Membership.MEMBER),
            "navigation_items": navigation(organisation, request.membership, "assessment"),
        },
    )


@organisation_view(Membership.MEMBER)
@require_POST
def start(request, year: str):
    framework = FrameworkVersion.objects.filter(year=year).first()
    if framework is None:
        raise Http404("No question set for that year")
    try:
        assessment = carry_over.start(request.organisation, framework, request.user)
    except carry_over.NotTheCurrentYear as refused:
        raise Http404(str(refused)) from refused
    carried = assessment.answers.filter(needs_review=True).count()
    text = f"Your {year} assessment has started"
    if carried:
        text += f". {carried} answers were carried over from {assessment.started_from.framework.year}: check each one"
    messages.success(request, text)
    return redirect("assessments:home", request.organisation.ods_code, year)


@organisation_view()
def home(request, year: str):
    assessment = get_assessment(request, year)
    standing = progress.load(assessment)
    target = standing.next_target
    return render(
        request,
        "assessments/home.jinja",
        {
            "title": f"{assessment.framework.year} assessment",
            "assessment": assessment,
            "standing": standing,
            "status_tag": presenters.status_tag(standing.status),
            "target": target,
            "target_label": rules.STATUS_LABELS.get(target, ""),
            "missing": standing.missing_for(target) if target else [],
            "row_status": presenters.row_status,
            "still_needed": presenters.still_needed,
            "what_helps_text": presenters.what_helps_text,
            "navigation_items": navigation(request.organisation, request.membership, "assessment"),
        },
    )


@organisation_view()
def group(request, year: str, group: str):
    assessment = get_assessment(request, year)
    standing = progress.load(assessment)
    found = next((g for g in standing.groups if g.group.slug == group), None)
    if found is None:
        raise Http404("No such group")
    return render(
        request,
        "assessments/group.jinja",
        {
            "title": found.group.title,
            "assessment": assessment,
            "progress": found,
            "row_status": presenters.row_status,
            "level_hint": presenters.level_hint,
            "navigation_items": navigation(request.organisation, request.membership, "assessment"),
        },
    )
