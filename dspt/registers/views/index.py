"""The index of registers."""

from django.shortcuts import render

from dspt.organisations.access import organisation_view
from dspt.registers import presenters
from dspt.registers.views.common import context


@organisation_view()
def index(request):
    return render(
        request,
        "registers/index.jinja",
        context(request, title="Registers", rows=presenters.index_rows(request.organisation)),
    )
