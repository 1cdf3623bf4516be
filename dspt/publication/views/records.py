"""Published snapshots: the list, one publication, its PDF and Excel versions; action plan downloads."""

from django.http import Http404
from django.shortcuts import render

from dspt.assessments import presenters as assessment_presenters
from dspt.assessments import progress
from dspt.lib import downloads
from dspt.organisations.access import organisation_view
from dspt.organisations.presenters import navigation
from dspt.publication import action_plans, reports
from dspt.publication.views.common import current_assessment
from dspt.verification import presenters as verification_presenters


def _publication(request, publication_id: int):
    publication = request.organisation.publications.filter(pk=publication_id).first()
    if publication is None:
        raise Http404("No such publication")
    return publication


@organisation_view()
def history(request):
    return render(
        request,
        "publication/history.jinja",
        {
            "title": "Publications",
            "publications": request.organisation.publications.defer("snapshot").select_related("national"),
            "tag_for": assessment_presenters.status_tag,
            "navigation_items": navigation(request.organisation, request.membership, "publish"),
        },
    )


@organisation_view()
def detail(request, publication_id: int):
    publication = _publication(request, publication_id)
    return render(
        request,
        "publication/detail.jinja",
        {
            "title": f"{publication.year}: {publication.snapshot['status_label']}",
            "publication": publication,
            "status_tag": assessment_presenters.status_tag(publication.status),
            "snap": publication.snapshot,
            "navigation_items": navigation(request.organisation, request.membership, "publish"),
        },
    )


@organisation_view()
def done(request, publication_id: int):
    publication = _publication(request, publication_id)
    public_notice = verification_presenters.public_notice(request.organisation)
    context = {"title": "Published", "publication": publication, "public_notice": public_notice}
    return render(request, "publication/done.jinja", context)


@organisation_view()
def report_pdf(request, publication_id: int):
    publication = _publication(request, publication_id)
    name = f"dspt-{request.organisation.ods_code}-{publication.year}-{publication.pk}.pdf"
    return downloads.attachment(reports.pdf(publication), "application/pdf", name)


@organisation_view()
def report_xlsx(request, publication_id: int):
    publication = _publication(request, publication_id)
    name = f"dspt-{request.organisation.ods_code}-{publication.year}-{publication.pk}.xlsx"
    return downloads.attachment(reports.xlsx(publication), downloads.XLSX, name)


@organisation_view()
def published_plan_document(request, publication_id: int):
    """The provider's own action plan, as it was when this publication was made."""
    plan = _publication(request, publication_id).snapshot.get("action_plan") or {}
    if not plan.get("document_stored_name"):
        raise Http404("This publication has no uploaded action plan")
    return downloads.stored_file(plan["document_stored_name"], plan["document"], plan["document_content_type"])


@organisation_view()
def plan_document(request):
    """The action plan document uploaded for the publication being prepared."""
    plan = action_plans.plan_for(current_assessment(request))
    if plan is None or not plan.uses_document:
        raise Http404("No uploaded action plan")
    return downloads.stored_file(plan.document_stored_name, plan.document_name, plan.document_content_type)


@organisation_view()
def plan_download(request, fmt: str):
    assessment = current_assessment(request)
    rows = action_plans.as_rows(action_plans.lines_for(action_plans.plan_for(assessment), progress.load(assessment)))
    year, code = assessment.framework.year, request.organisation.ods_code
    if fmt == "xlsx":
        content = reports.plan_xlsx(request.organisation, year, rows)
        return downloads.attachment(content, downloads.XLSX, f"action-plan-{code}-{year}.xlsx")
    if fmt == "docx":
        content = reports.plan_docx(request.organisation, year, rows)
        return downloads.attachment(content, downloads.DOCX, f"action-plan-{code}-{year}.docx")
    raise Http404("Unknown format")
