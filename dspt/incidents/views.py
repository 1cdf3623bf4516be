"""The incident's own page beside the register's generic ones: its summary laid out as the national incident
reporting form asks, ready to copy, with the ICO clock."""

from django.shortcuts import render

from dspt.incidents import presenters
from dspt.incidents.spec import INCIDENTS
from dspt.organisations.access import organisation_view
from dspt.registers.views.common import context, entry_or_404


@organisation_view()
def summary(request, entry_id: int):
    incident = entry_or_404(request, INCIDENTS, entry_id)
    return render(
        request,
        "incidents/summary.jinja",
        context(
            request,
            INCIDENTS,
            title=f"'{incident.title}' for the national incident reporting tool",
            entry=incident,
            callout=presenters.clock_callout(incident),
            rows=presenters.summary_rows(incident),
            risk_conclusion=incident.risk_conclusion,
            national_tool_url=presenters.NATIONAL_TOOL_URL,
            back_href=INCIDENTS.url("entry", request.organisation, incident),
            back_text="Back to the incident",
        ),
    )
