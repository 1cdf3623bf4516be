"""A spot check's own page beside the generic ones: recording what a check found."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.registers import forms, spot_checks
from dspt.registers.views.common import context, entry_or_404
from dspt.ui.forms import posted
from dspt.ui.presenters import long_date


@organisation_view(Membership.MEMBER)
def add_result(request, spec, entry_id: int):
    check = entry_or_404(request, spec, entry_id)
    if check.is_archived:
        messages.info(request, "Restore this spot check before recording a result")
        return redirect(spec.url("entry", request.organisation, check))
    form = forms.result_form(check, posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = spot_checks.record_result(
                check,
                request.user,
                checked_on=data["checked_on"],
                checked_by=data["checked_by"],
                outcomes=[data[spot_checks.item_field(index)] for index in range(len(check.items))],
                findings=data["findings"],
                actions=data["actions"],
            )
        except ValidationError as invalid:
            for name, errors in invalid.update_error_dict({}).items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            check.refresh_from_db()
            messages.success(
                request,
                f"Recorded the check of '{check.title}'. {spot_checks.summary(result)}. "
                f"Next due {long_date(check.next_due)}",
            )
            return redirect(spec.url("entry", request.organisation, check))
    return render(
        request,
        "registers/result_form.jinja",
        context(
            request,
            spec,
            title=f"Record a result for '{check.title}'",
            entry=check,
            form=form,
            item_names=[spot_checks.item_field(index) for index in range(len(check.items))],
            submit_text="Save the result",
            back_href=spec.url("entry", request.organisation, check),
        ),
    )
