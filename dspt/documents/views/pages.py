"""The documents pages: the list, a document's draft and versions, starting again, its history, downloads, and
using a version as evidence. Views translate HTTP; the rules are in drafting.py and evidence.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from dspt.assessments import answering
from dspt.documents import drafting, evidence, exports, forms, kinds, presenters
from dspt.lib import downloads
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation
from dspt.registers.presenters import history_rows

MEMBER = Membership.MEMBER


def _kind_or_404(slug: str):
    kind = kinds.get(slug)
    if kind is None:
        raise Http404("No such document")
    return kind


def _version_or_404(request, kind, version_id: int):
    version = drafting.version_or_none(request.organisation, kind, version_id)
    if version is None:
        raise Http404("No such version")
    return version


def _context(request, **values) -> dict:
    return {
        "can_change": request.membership.can(MEMBER),
        "navigation_items": navigation(request.organisation, request.membership, "documents"),
        **values,
    }


@organisation_view()
def index(request):
    today = timezone.localdate()
    latest = drafting.latest_versions(request.organisation)
    return render(
        request,
        "documents/index.jinja",
        _context(
            request,
            title="Documents",
            rows=presenters.index_rows(request.organisation, kinds.ALL, latest, today),
        ),
    )


@organisation_view()
def document(request, kind: str):
    kind = _kind_or_404(kind)
    can_change = request.membership.can(MEMBER)
    if request.method == "POST" and not can_change:
        raise PermissionDenied("Viewers cannot change documents")
    current = drafting.draft(request.organisation, kind)
    form = forms.DraftForm(
        request.POST if request.method == "POST" else None,
        initial={"title": current.title},
        sections=current.sections,
    )
    if request.method == "POST" and form.is_valid():
        as_version = request.POST.get("action") == "version"
        try:
            if as_version:
                version = drafting.save_version(
                    request.organisation, kind, form.cleaned_data["title"], form.texts(), request.user
                )
                messages.success(request, f"Version {version.number} saved. You can download it below")
            else:
                drafting.save_draft(request.organisation, kind, form.cleaned_data["title"], form.texts(), request.user)
                messages.success(request, "Your draft has been saved")
        except ValidationError as invalid:
            for name, errors in invalid.update_error_dict({}).items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            return redirect("documents:document", request.organisation.ods_code, kind.slug)
    today = timezone.localdate()
    versions = drafting.versions_of(request.organisation, kind)
    report_path = kinds.scam_report_path(request.organisation.ods_code) if kind.slug == kinds.SCAM_EMAIL else ""
    return render(
        request,
        "documents/document.jinja",
        _context(
            request,
            title=kind.title,
            kind=kind,
            draft=current,
            form=form,
            read_sections=[{"heading": s["heading"], "blocks": exports.blocks(s["text"])} for s in current.sections],
            section_fields=[form[forms.SECTION_PREFIX + key] for key in form.section_keys],
            missing=current.facts.missing,
            still_bracketed=any("[Add " in section["text"] for section in current.sections),
            versions=presenters.version_rows(request.organisation, versions, today, can_change),
            report_path=report_path,
            back_href=presenters.index_url(request.organisation),
            back_text="All documents",
        ),
    )


@organisation_view(MEMBER)
def start_again(request, kind: str):
    kind = _kind_or_404(kind)
    if request.method == "POST":
        drafting.start_again(request.organisation, kind, request.user)
        messages.success(request, "The draft has been written again from your current data")
        return redirect("documents:document", request.organisation.ods_code, kind.slug)
    return render(
        request,
        "documents/start_again.jinja",
        _context(
            request,
            title=f"Start '{kind.title}' again from your current data?",
            kind=kind,
            back_href=presenters.document_url(request.organisation, kind),
        ),
    )


@organisation_view()
def history(request, kind: str):
    kind = _kind_or_404(kind)
    found = drafting.document_of(request.organisation, kind)
    records = request.organisation.change_records.filter(
        area=drafting.AREA, object_id=str(found.pk) if found else "-"
    ).order_by("-created_at", "-id")
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "documents/history.jinja",
        _context(
            request,
            title=f"History of '{kind.title}'",
            kind=kind,
            page=page,
            rows=history_rows(page),
            back_href=presenters.document_url(request.organisation, kind),
        ),
    )


@organisation_view()
def version_docx(request, kind: str, version_id: int):
    version = _version_or_404(request, _kind_or_404(kind), version_id)
    content = exports.docx(version, request.organisation)
    return downloads.attachment(content, exports.DOCX_TYPE, exports.filename(version, "docx"))


@organisation_view()
def version_pdf(request, kind: str, version_id: int):
    version = _version_or_404(request, _kind_or_404(kind), version_id)
    content = exports.pdf(version, request.organisation)
    return downloads.attachment(content, exports.PDF_TYPE, exports.filename(version, "pdf"))


@organisation_view(MEMBER)
def use_as_evidence(request, kind: str, version_id: int):
    kind = _kind_or_404(kind)
    version = _version_or_404(request, kind, version_id)
    assessment = evidence.current_assessment(request.organisation)
    questions = evidence.questions_for(kind, assessment)
    form = forms.EvidenceForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and questions and form.is_valid():
        ref = form.cleaned_data["ref"]
        try:
            evidence.attach(version, kind, assessment, ref, request.user, form.cleaned_data["fmt"])
        except answering.Conflict:
            form.add_error(None, "Someone saved that answer at the same moment. Please try again")
        except (evidence.NotEvidence, answering.ReadOnlyYear) as refused:
            form.add_error("ref", str(refused))
        else:
            messages.success(request, f"{version.title} version {version.number} is now evidence for {ref}")
            return redirect("assessments:question", request.organisation.ods_code, assessment.framework.year, ref)
    return render(
        request,
        "documents/evidence.jinja",
        _context(
            request,
            title=f"Use version {version.number} as evidence",
            kind=kind,
            version=version,
            form=form,
            assessment=assessment,
            has_questions=bool(questions),
            back_href=presenters.document_url(request.organisation, kind),
        ),
    )
