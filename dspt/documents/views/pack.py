"""The CQC evidence pack: a page saying what it holds, and the PDF."""

from django.shortcuts import render
from django.utils import timezone

from dspt.documents import evidence_pack, presenters
from dspt.lib import downloads
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation


@organisation_view()
def pack_page(request):
    pack = evidence_pack.build(request.organisation, timezone.localdate())
    return render(
        request,
        "documents/pack.jinja",
        evidence_pack.context(pack)
        | {
            "title": "CQC evidence pack",
            "can_change": request.membership.can(Membership.MEMBER),
            "navigation_items": navigation(request.organisation, request.membership, "documents"),
            "back_href": presenters.index_url(request.organisation),
            "back_text": "All documents",
        },
    )


@organisation_view()
def pack_pdf(request):
    pack = evidence_pack.build(request.organisation, timezone.localdate())
    name = f"cqc-evidence-pack-{request.organisation.ods_code.lower()}-{pack.today.isoformat()}.pdf"
    return downloads.attachment(evidence_pack.pdf(pack), "application/pdf", name)
