"""Answering one question: the form, saving (with the concurrent-edit check), history and evidence files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dspt.assessments import answering, from_profile, from_registers, presenters, progress
from dspt.assessments.forms import AnswerForm
from dspt.assessments.views.common import get_assessment, get_question
from dspt.lib import downloads
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation
from dspt.ui.presenters import lower_first


def _files_of(request):
    return request.FILES if request.method == "POST" else None


@organisation_view()
def question_page(request, year: str, ref: str):
    assessment = get_assessment(request, year)
    question = get_question(assessment, ref)
    answer = assessment.answers.filter(question=question).prefetch_related("evidence").first()
    files = list(answer.evidence.all()) if answer else []
    current = answering.can_change(assessment) and question.withdrawn_at is None
    profile = assessment.organisation.profile
    can_edit = request.membership.can(Membership.MEMBER) and current
    if request.method == "POST" and not can_edit:
        raise PermissionDenied("Viewers cannot change answers, and earlier years are kept as they were")
    draft = request.POST.get("action") == "draft"
    today = timezone.localdate()
    suggested = from_registers.suggestion(question, request.organisation, today) if current else None
    filled_from_register = answer is None and bool(from_registers.initial(question, suggested))
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        _files_of(request),
        initial=AnswerForm.initial_from(answer, question)
        | (from_profile.initial(question, profile) if answer is None else {})
        | (from_registers.initial(question, suggested) if answer is None else {}),
        question=question,
        thresholds=assessment.framework.thresholds,
        has_files=bool(files),
        draft=draft,
    )
    if request.method == "POST" and draft and not form.is_valid() and "version" not in form.errors:
        form = _save_what_is_valid_as_a_draft(request, assessment, question, form)
        answer = assessment.answers.filter(question=question).prefetch_related("evidence").first()
        files = list(answer.evidence.all()) if answer else []
    elif request.method == "POST" and form.is_valid():
        working_towards = None if draft else progress.load(assessment).next_target
        try:
            answering.save_answer(
                assessment,
                question,
                value=form.value(),
                comment=form.cleaned_data.get("comment", ""),
                is_draft=draft,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                files=form.cleaned_data.get("uploads") or [],
            )
        except answering.Conflict as conflict:
            if conflict.current is None:
                messages.error(request, "That form was out of date. Please answer the question again")
                return redirect("assessments:question", request.organisation.ods_code, year, question.ref)
            return _conflict(request, assessment, question, conflict.current, form)
        if draft:
            messages.success(request, f"Your answer to {question.ref} has been saved as a draft")
            return redirect("assessments:question", request.organisation.ods_code, year, question.ref)
        standing = progress.load(assessment)
        step = standing.next_after(question, working_towards)
        level, text = presenters.after_saving(standing.row_for(question), step)
        messages.add_message(request, messages.SUCCESS if level == "success" else messages.WARNING, text)
        code = request.organisation.ods_code
        if step.question is not None:
            return redirect("assessments:question", code, year, step.question.ref)
        if step.target is None:
            return redirect("assessments:group", code, year, question.group.slug)
        return redirect("assessments:home", code, year)
    return render(
        request,
        "assessments/question.jinja",
        {
            "title": question.text,
            "assessment": assessment,
            "question": question,
            "answer": answer,
            "files": files,
            "answer_text": presenters.describe(question, answer.value, [f.original_name for f in files])
            if answer
            else "",
            "form": form,
            "can_edit": can_edit,
            "is_current": current,
            "withdrawn": question.withdrawn_at is not None,
            "level_hint": presenters.level_hint(question),
            "what_helps": presenters.what_helps(question, request.organisation.ods_code),
            "profile_facts": from_profile.facts(question, profile),
            "home_care_first": profile.services == profile.HOME_CARE,
            "filled_from_profile": answer is None and bool(from_profile.initial(question, profile)),
            "suggested": suggested,
            "filled_from_register": filled_from_register,
            "register_evidence": from_registers.evidence(question, request.organisation),
            "question_links": presenters.question_links(request.organisation, request.membership, assessment, question),
            "going_stale": from_registers.going_stale(question, request.organisation, today),
            "today": today,
            "multipart": form.is_multipart(),
            "navigation_items": navigation(request.organisation, request.membership, "assessment"),
        },
    )


def _save_what_is_valid_as_a_draft(request, assessment, question, form):
    """ "Save as draft" with a mistake: keep every field that is right, say what was left out, and show the form
    again (on the saved version) with the mistake still there to correct."""
    left_out = [lower_first(form.fields[name].label or name) for name in form.errors if name in form.fields]
    try:
        answer = answering.save_answer(
            assessment,
            question,
            value=form.value(),
            comment=form.cleaned_data.get("comment", ""),
            is_draft=True,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            files=form.cleaned_data.get("uploads") or [],
        )
    except answering.Conflict:
        messages.warning(request, "Someone else saved this answer since you opened it, so your draft was not saved")
        return form
    messages.warning(
        request,
        f"Your draft was saved without the {' and the '.join(left_out)}: correct what is shown below and save again",
    )
    data = request.POST.copy()
    data["version"] = str(answer.version)
    again = AnswerForm(
        data,
        None,
        question=question,
        thresholds=assessment.framework.thresholds,
        has_files=answer.evidence.exists(),
        draft=True,
    )
    again.is_valid()
    return again


def _conflict(request, assessment, question, current, form):
    """Show both versions; nothing is overwritten. 'Keep mine' re-posts the person's answer on the new version."""
    posted = [
        (k, v) for k, values in request.POST.lists() for v in values if k not in ("csrfmiddlewaretoken", "version")
    ]
    return render(
        request,
        "assessments/conflict.jinja",
        {
            "title": "Someone else changed this answer",
            "assessment": assessment,
            "question": question,
            "current": current,
            "theirs": presenters.describe(question, current.value, [e.original_name for e in current.evidence.all()]),
            "mine": presenters.describe(question, form.value()),
            "my_comment": form.cleaned_data.get("comment", ""),
            "posted": posted,
            "had_files": bool(request.FILES),
        },
        status=409,
    )


@organisation_view()
def history(request, year: str, ref: str):
    assessment = get_assessment(request, year)
    question = get_question(assessment, ref)
    answer = assessment.answers.filter(question=question).first()
    versions = list(answer.versions.all()) if answer else []
    return render(
        request,
        "assessments/history.jinja",
        {
            "title": f"History of the answer to {question.ref}",
            "assessment": assessment,
            "question": question,
            "versions": [(v, presenters.describe(question, v.value)) for v in versions],
            "navigation_items": navigation(request.organisation, request.membership, "assessment"),
        },
    )


def _evidence(request, year, ref, evidence_id):
    evidence = (
        request.organisation.evidence.select_related("answer")
        .filter(pk=evidence_id, answer__assessment__framework__year=year, answer__question__ref=ref)
        .first()
    )
    if evidence is None:
        raise Http404("No such file")
    return evidence


@organisation_view()
def download(request, year: str, ref: str, evidence_id: int):
    evidence = _evidence(request, year, ref, evidence_id)
    return downloads.stored_file(evidence.stored_name, evidence.original_name, evidence.content_type)


@organisation_view(Membership.MEMBER)
@require_POST
def remove_file(request, year: str, ref: str, evidence_id: int):
    evidence = _evidence(request, year, ref, evidence_id)
    try:
        answering.remove_evidence(evidence, request.user)
    except answering.ReadOnlyYear as refused:
        raise PermissionDenied(str(refused)) from refused
    messages.success(request, f"{evidence.original_name} has been removed")
    return redirect("assessments:question", request.organisation.ods_code, year, ref)
