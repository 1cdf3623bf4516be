"""The publish journey: a task list of steps, each on its own page, then confirmation."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dspt.assessments import presenters as assessment_presenters
from dspt.organisations import profile_rules
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation, profile_rows
from dspt.publication import action_plans, cover, publish, where_we_stand
from dspt.publication.forms import BranchesForm, ConfirmForm, PlanDocumentForm, PlanLineForm
from dspt.publication.views.common import current_assessment
from dspt.ui.forms import posted
from dspt.verification import presenters as verification_presenters

ADMIN = Membership.ADMIN


def _nav(request):
    return navigation(request.organisation, request.membership, "publish")


def _steps(request, state) -> list[dict]:
    code = request.organisation.ods_code

    def item(step, title, hint, url):
        blocked = state.blocked_at(step)
        status = {"tag": {"text": "To do", "classes": "nhsuk-tag--blue"}} if blocked else {"text": "Completed"}
        return {"title": {"text": title}, "hint": {"text": hint}, "href": url, "status": status}

    steps = [
        item(
            "answers",
            "Answer the questions",
            f"Your answers reach {state.standing.status_label}",
            reverse("assessments:home", args=[code, state.assessment.framework.year]),
        ),
        item(
            "profile",
            "Check your organisation profile",
            "Make sure it is still right",
            reverse("publication:profile", args=[code]),
        ),
    ]
    if request.organisation.is_head_office:
        steps.append(
            item(
                "branches",
                "Choose the services it covers",
                "Which of your services share this assessment",
                reverse("publication:branches", args=[code]),
            )
        )
    if state.needs_plan:
        steps.append(
            item(
                "action_plan",
                "Make an action plan",
                "What you will do about each Standards Met item still open",
                reverse("publication:action_plan", args=[code]),
            )
        )
    return steps


def _public_notices(request) -> list[dict]:
    """Whether the public sees what the organisation publishes yet, and which head office covers it."""
    found = (
        verification_presenters.public_notice(request.organisation),
        cover.home_notice(request.organisation, request.membership),
    )
    return [notice for notice in found if notice]


@organisation_view()
def overview(request):
    try:
        assessment = current_assessment(request)
    except Http404:
        return render(
            request,
            "publication/no_assessment.jinja",
            {"title": "Publish your assessment", "navigation_items": _nav(request)},
        )
    state = publish.journey(assessment)
    return render(
        request,
        "publication/overview.jinja",
        {
            "title": f"Publish your {assessment.framework.year} assessment",
            "state": state,
            "status_tag": assessment_presenters.status_tag(state.status),
            "where_we_stand": where_we_stand.for_organisation(request.organisation),
            "public_notices": _public_notices(request),
            "steps": _steps(request, state),
            "is_admin": request.membership.is_admin,
            "rule_blocker": state.blocked_at("rule") + state.blocked_at("answers"),
            "ready": not state.blockers,
            "reminders": request.organisation.reminders.filter(year=assessment.framework.year),
            "publications": request.organisation.publications.defer("snapshot").select_related("national")[:5],
            "navigation_items": _nav(request),
        },
    )


@organisation_view(ADMIN)
def check_profile(request):
    assessment = current_assessment(request)
    complete = profile_rules.is_complete(request.organisation.profile)
    if request.method == "POST" and complete:
        publish.mark_profile_checked(assessment, request.user)
        return redirect("publication:overview", request.organisation.ods_code)
    return render(
        request,
        "publication/profile.jinja",
        {
            "title": "Is your organisation profile still right?",
            "rows": profile_rows(request.organisation, True, return_to=request.path),
            "complete": complete,
        },
    )


@organisation_view(ADMIN)
def branches(request):
    organisation = request.organisation
    if not organisation.is_head_office:
        raise Http404("Only head offices choose services")
    state = publish.journey(current_assessment(request))
    choices, registered = publish.branch_choices(organisation)
    form = BranchesForm(posted(request), branches=choices, initial={"branches": state.draft.branch_codes})
    if request.method == "POST" and form.is_valid():
        publish.choose_branches(state.assessment, form.cleaned_data["branches"], request.user)
        return redirect("publication:overview", organisation.ods_code)
    return render(
        request,
        "publication/branches.jinja",
        {
            "title": "Choose the services this assessment covers",
            "form": form,
            "has_choices": bool(choices),
            "registered": registered,
        },
    )


def _plan_forms(lines, data):
    forms = []
    for line in lines:
        form = PlanLineForm(
            data,
            prefix=f"line-{line.ref}",
            initial={
                "action": line.action or line.suggested_action,
                "owner": line.owner,
                "target_date": line.target_date,
            },
        )
        if not line.action and line.suggested_action:
            form.fields[
                "action"
            ].help_text = "Suggested from the guidance: keep it, change it to fit, or write your own"
        # Name the item in each label, so a message in the error summary says which line it is about.
        form.fields["target_date"].label = f"Target date for {line.ref}"
        forms.append(form)
    return forms


def _plan_page(request, plan, lines, line_forms, document_form, plan_year):
    """The action plan page; the error summary covers every line form and the upload form."""
    return render(
        request,
        "publication/action_plan.jinja",
        {
            "title": f"Your action plan for {plan_year}",
            "plan": plan,
            "rows": list(zip(lines, line_forms, strict=True)),
            "form": document_form,
            "extra_forms": line_forms,
            "document_form": document_form,
        },
    )


@organisation_view(ADMIN)
def action_plan(request):
    assessment = current_assessment(request)
    state = publish.journey(assessment)
    if not state.needs_plan:
        messages.success(request, "You do not need an action plan: your answers reach Standards Met")
        return redirect("publication:overview", request.organisation.ods_code)
    lines = action_plans.lines_for(state.plan, state.standing)
    forms = _plan_forms(lines, posted(request))
    # Validate every line (not just up to the first bad one) so all the errors show together.
    if request.method == "POST" and all([form.is_valid() for form in forms]):  # noqa: C419
        values = {
            line.ref: action_plans.LineValues(
                **{name: form.cleaned_data[name] for name in action_plans.LineValues._fields}
            )
            for line, form in zip(lines, forms, strict=True)
        }
        lines = action_plans.save_lines(assessment, state.standing, values, request.user)
        incomplete = [line.ref for line in lines if not line.complete]
        if incomplete and request.POST.get("action") != "draft":
            messages.error(request, f"Saved. Still to complete: {', '.join(incomplete)}")
            return redirect("publication:action_plan", request.organisation.ods_code)
        messages.success(request, "Your action plan has been saved")
        return redirect("publication:overview", request.organisation.ods_code)
    return _plan_page(request, state.plan, lines, forms, PlanDocumentForm(), assessment.framework.year)


@organisation_view(ADMIN)
@require_POST
def upload_plan(request):
    assessment = current_assessment(request)
    form = PlanDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        uploaded, kind = form.cleaned_data["document"][0]
        action_plans.attach_document(assessment, uploaded, kind, request.user)
        messages.success(request, f"{uploaded.name} will be published as your action plan")
        return redirect("publication:overview", request.organisation.ods_code)
    state = publish.journey(assessment)
    lines = action_plans.lines_for(state.plan, state.standing)
    return _plan_page(request, state.plan, lines, _plan_forms(lines, None), form, assessment.framework.year)


@organisation_view(ADMIN)
@require_POST
def remove_plan_document(request):
    if action_plans.remove_document(current_assessment(request), request.user):
        messages.success(request, "The uploaded plan has been removed. Complete the plan on this page instead")
    return redirect("publication:action_plan", request.organisation.ods_code)


@organisation_view(ADMIN)
def confirm(request):
    assessment = current_assessment(request)
    state = publish.journey(assessment)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            publication = publish.publish(
                assessment, request.user, form.cleaned_data["confirmer_name"], form.cleaned_data["confirmer_job_title"]
            )
        except publish.CannotPublish as cannot:
            for blocker in cannot.blockers:
                messages.error(request, blocker.message)
            return redirect("publication:overview", request.organisation.ods_code)
        return redirect("publication:done", request.organisation.ods_code, publication.pk)
    if state.blockers and request.method == "GET":
        return redirect("publication:overview", request.organisation.ods_code)
    return render(
        request,
        "publication/confirm.jinja",
        {
            "title": f"Publish at {state.standing.status_label}",
            "state": state,
            "form": form,
            "branches": publish.chosen_branches(request.organisation, state.draft),
            "where_we_stand": where_we_stand.for_organisation(request.organisation),
        },
    )
