"""Downloading a register (Excel, CSV, a blank template) and importing one from a spreadsheet."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from dspt.lib import downloads, uploads
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.registers import exports, forms, importing
from dspt.registers.summary import plural
from dspt.registers.views.common import context
from dspt.ui.forms import posted

CSV = "text/csv; charset=utf-8"


@organisation_view()
def export_xlsx(request, spec):
    name = exports.file_name(spec, request.organisation, "xlsx")
    return downloads.attachment(exports.to_xlsx(spec, request.organisation), downloads.XLSX, name)


@organisation_view()
def export_csv(request, spec):
    name = exports.file_name(spec, request.organisation, "csv")
    return downloads.attachment(exports.to_csv(spec, request.organisation), CSV, name)


@organisation_view()
def template(request, spec):
    return downloads.attachment(exports.template(spec), downloads.XLSX, f"{spec.slug}-template.xlsx")


@organisation_view(Membership.MEMBER)
def import_rows(request, spec):
    """GET: the upload form. POST with a file: its preview (or its problems). POST with `import_id`: import it."""
    outcome = pending = None
    form = forms.UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and "import_id" in request.POST:
        pending = importing.pending_for(spec, request.organisation, request.user, request.POST.get("import_id"))
        if pending is None:
            raise Http404("No such import waiting")
        outcome = importing.confirm(spec, pending, request.user)
        if not outcome.problems:
            added, changed = len(outcome.added), len(outcome.changed)
            messages.success(
                request,
                f"Imported: {plural(added, 'entry', 'entries')} added, {plural(changed, 'entry', 'entries')} changed",
            )
            return redirect(spec.url("list", request.organisation))
        pending = None
        form = forms.UploadForm()
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            outcome, pending = importing.prepare(spec, request.organisation, request.user, upload)
        except uploads.Refused as refused:
            form.add_error("file", str(refused))
    return render(
        request,
        "registers/import.jinja",
        context(
            request,
            spec,
            title=f"Import {spec.name} entries",
            form=form,
            multipart=True,
            outcome=outcome,
            pending=pending,
            file_name=pending.file_name if pending else "",
            back_href=spec.url("list", request.organisation),
        ),
    )
