"""The DPIA's own pages beside the register's generic ones: its steps, screening, risks, sign-off and the PDF.

Views translate HTTP; the rules are in screening.py, risks.py and signoff.py.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from dspt.dpias import forms, printing, progress, risks, scoring, screening, signoff
from dspt.dpias.models import Risk
from dspt.dpias.register import DPIAS
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.registers.views.common import context, entry_or_404
from dspt.ui.forms import posted

MEMBER = Membership.MEMBER


def _dpia(request, entry_id: int):
    return entry_or_404(request, DPIAS, entry_id)


def _archived(request, dpia):
    messages.info(request, "Restore this DPIA before changing it")
    return redirect(DPIAS.url("entry", request.organisation, dpia))


def _page(request, template: str, dpia, **values):
    return render(
        request,
        template,
        context(
            request,
            DPIAS,
            entry=dpia,
            back_href=values.pop("back_href", progress.url("steps", dpia)),
            **values,
        ),
    )


@organisation_view()
def steps(request, entry_id: int):
    dpia = _dpia(request, entry_id)
    return _page(
        request,
        "dpias/steps.jinja",
        dpia,
        title=f"DPIA: {dpia.title}",
        panel=progress.panel(request, dpia),
        back_href=DPIAS.url("entry", request.organisation, dpia),
        back_text="Back to the DPIA's details",
    )


@organisation_view(MEMBER)
def screening_page(request, entry_id: int):
    dpia = _dpia(request, entry_id)
    if dpia.is_archived:
        return _archived(request, dpia)
    initial = None
    if screening.is_done(dpia):
        initial = {"answers": dpia.screening_answers or [screening.NONE], "notes": dpia.screening_notes}
    form = forms.ScreeningForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = screening.record(dpia, request.user, form.cleaned_data["answers"], form.cleaned_data["notes"])
        result = screening.decide(saved.screening_answers)
        if result.needed:
            messages.success(request, f"A DPIA is needed. {result.reason}")
        else:
            messages.success(request, f"A DPIA is not needed. {result.reason} Keep this screening as your record.")
        return redirect(progress.url("steps", saved))
    result = screening.decide(dpia.screening_answers) if screening.is_done(dpia) else None
    return _page(
        request,
        "dpias/screening.jinja",
        dpia,
        title=f"Screening: {dpia.title}",
        form=form,
        hints=forms.choice_hints(),
        result=result,
        submit_text="Save the screening",
    )


@organisation_view()
def risk_list(request, entry_id: int):
    dpia = _dpia(request, entry_id)
    return _page(
        request,
        "dpias/risks.jinja",
        dpia,
        title=f"Risks: {dpia.title}",
        risks=list(dpia.risks.all()),
        live=request.membership.can(MEMBER) and not dpia.is_archived,
    )


def _risk_or_404(dpia, risk_id: int) -> Risk:
    risk = dpia.risks.filter(pk=risk_id).first()
    if risk is None:
        raise Http404("No such risk")
    return risk


def _risk_form_page(request, dpia, form, title: str, submit_text: str):
    return _page(
        request,
        "dpias/risk_form.jinja",
        dpia,
        title=title,
        form=form,
        hints=forms.RISK_HINTS,
        submit_text=submit_text,
        back_href=progress.url("risks", dpia),
    )


def _objections(form, invalid: ValidationError) -> None:
    for name, errors in invalid.update_error_dict({}).items():
        for error in errors:
            form.add_error(name if name in form.fields else None, error)


@organisation_view(MEMBER)
def risk_add(request, entry_id: int):
    dpia = _dpia(request, entry_id)
    if dpia.is_archived:
        return _archived(request, dpia)
    form = forms.RiskForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            risk = risks.add(dpia, request.user, form.cleaned_data)
        except ValidationError as invalid:
            _objections(form, invalid)
        else:
            messages.success(request, f"Added the risk '{risk.short}': {_levels(risk)}")
            return redirect(progress.url("risks", dpia))
    return _risk_form_page(request, dpia, form, "Add a risk", "Save the risk")


def _levels(risk) -> str:
    return f"{risk.score_label().lower()} risk, {risk.residual_label().lower()} once the measures are in place"


@organisation_view(MEMBER)
def risk_edit(request, entry_id: int, risk_id: int):
    dpia = _dpia(request, entry_id)
    if dpia.is_archived:
        return _archived(request, dpia)
    risk = _risk_or_404(dpia, risk_id)
    initial = {name: getattr(risk, name) for name in risks.FIELDS}
    form = forms.RiskForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = risks.change(risk, request.user, form.cleaned_data)
        except ValidationError as invalid:
            _objections(form, invalid)
        else:
            messages.success(request, f"Saved the risk '{saved.short}': {_levels(saved)}")
            return redirect(progress.url("risks", dpia))
    return _risk_form_page(request, dpia, form, "Change a risk", "Save changes")


@organisation_view(MEMBER)
def risk_remove(request, entry_id: int, risk_id: int):
    """GET asks to confirm; POST removes the risk (its history stays)."""
    dpia = _dpia(request, entry_id)
    if dpia.is_archived:
        return _archived(request, dpia)
    risk = _risk_or_404(dpia, risk_id)
    if request.method == "POST":
        risks.remove(risk, request.user)
        messages.success(request, f"Removed the risk '{risk.short}'")
        return redirect(progress.url("risks", dpia))
    return _page(
        request,
        "dpias/risk_remove.jinja",
        dpia,
        title=f"Remove the risk '{risk.short}'?",
        risk=risk,
        back_href=progress.url("risks", dpia),
    )


@organisation_view(MEMBER)
def sign_off(request, entry_id: int):
    dpia = _dpia(request, entry_id)
    if dpia.is_archived:
        return _archived(request, dpia)
    high = any(risk.residual_score == scoring.HIGH for risk in dpia.risks.all()) and not dpia.ico_consulted
    if dpia.signed_off_on:
        initial = {
            "name": dpia.signed_off_by,
            "role": dpia.signed_off_role,
            "signed_on": dpia.signed_off_on,
            "outcome": dpia.outcome,
            "comments": dpia.sign_off_comments,
        }
    else:
        name, role = signoff.suggested_signer(request.organisation)
        initial = {"name": name, "role": role, "signed_on": timezone.localdate()}
    form = forms.SignOffForm(posted(request), initial=initial, high_risk=high)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = signoff.sign_off(
                dpia,
                request.user,
                name=data["name"],
                role=data["role"],
                on=data["signed_on"],
                outcome=data["outcome"],
                comments=data["comments"],
                ico_consulted=data.get("ico_consulted", False),
            )
        except ValidationError as refused:
            for message in refused.messages:
                form.add_error("ico_consulted" if message == signoff.ICO_MESSAGE and high else None, message)
        else:
            messages.success(request, f"Signed off: {saved.get_outcome_display().lower()} by {saved.signed_off_by}")
            return redirect(progress.url("steps", saved))
    blocking = [(step, message) for step, message in signoff.problems(dpia) if step != "ico_consulted"]
    return _page(
        request,
        "dpias/sign_off.jinja",
        dpia,
        title=f"Sign off: {dpia.title}",
        form=form,
        blocking=blocking,
        high=high,
        ico_message=signoff.ICO_MESSAGE,
        submit_text="Sign off",
    )


@organisation_view()
def pdf(request, entry_id: int):
    dpia = _dpia(request, entry_id)
    response = HttpResponse(printing.pdf(dpia), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{printing.file_name(dpia)}"'
    return response
