"""Adding providers to the cohort (search and tick, by code, from an uploaded list) and removing them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from dspt.lib import uploads
from dspt.support import cohort, presenters
from dspt.support.access import support_view
from dspt.support.forms import ChooseForm, CodeForm, SearchForm, UploadForm
from dspt.support.models import SupportMembership
from dspt.ui.forms import posted


def _added_message(request, result: cohort.Added) -> None:
    if result.added:
        names = ", ".join(entry.name for entry in result.added[:5])
        more = f" and {len(result.added) - 5} more" if len(result.added) > 5 else ""
        count = len(result.added)
        messages.success(request, f"{count} provider{'s' if count != 1 else ''} added to the cohort: {names}{more}")
    if result.already:
        messages.info(request, f"Already in the cohort: {', '.join(result.already[:20])}")


@support_view(SupportMembership.LEAD)
def add(request):
    """Search the directory (GET ?q=), tick providers and add them (POST); or add one by its code."""
    support_organisation = request.support_organisation
    query = request.GET.get("q") or request.POST.get("q") or ""
    search = SearchForm({"q": query} if query else None)
    entries = cohort.search_directory(search.cleaned_data["q"]) if search.is_valid() else []
    in_cohort = set(
        support_organisation.cohort.filter(ods_code__in=[e.code for e in entries]).values_list("ods_code", flat=True)
    )
    choosable = [e for e in entries if e.code not in in_cohort]
    choose = ChooseForm(
        posted(request) if "codes" in request.POST or request.POST.get("action") == "choose" else None,
        entries=choosable,
    )
    code_form = CodeForm(request.POST if request.POST.get("action") == "code" else None, prefix="one")
    if request.method == "POST" and request.POST.get("action") == "choose" and choose.is_valid():
        _added_message(request, cohort.add(support_organisation, choose.cleaned_data["codes"], request.user))
        return redirect("support:add", support_organisation.slug)
    if request.method == "POST" and request.POST.get("action") == "code" and code_form.is_valid():
        code = cohort.clean_code(code_form.cleaned_data["code"])
        result = cohort.add(support_organisation, [code], request.user)
        if result.unknown:
            code_form.add_error(
                "code",
                f"We cannot find {code} in the ODS directory or among registered providers. Check the code, or "
                "search by name above",
            )
        else:
            _added_message(request, result)
            return redirect("support:add", support_organisation.slug)
    return render(
        request,
        "support/add.jinja",
        {
            "title": "Add providers to the cohort",
            "form": code_form if code_form.errors else (choose if choose.errors else None),
            "search": search if query else SearchForm(),
            "query": query,
            "entries": entries,
            "in_cohort": in_cohort,
            "choose": choose,
            "code_form": code_form,
            "searched": bool(query) and search.is_valid(),
            "back_href": presenters.dashboard_url(support_organisation),
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "cohort"),
        },
    )


@support_view(SupportMembership.LEAD)
def upload(request):
    support_organisation = request.support_organisation
    form = UploadForm(posted(request), request.FILES or None)
    unknown = []
    if request.method == "POST" and form.is_valid():
        try:
            read = cohort.read_codes(form.cleaned_data["file"])
        except uploads.Refused as refused:
            form.add_error("file", str(refused))
        else:
            unknown = read.unknown
            result = cohort.add(support_organisation, read.codes, request.user)
            _added_message(request, result)
            if not unknown:
                return redirect("support:dashboard", support_organisation.slug)
            if not result.added and not result.already:
                form.add_error("file", "None of the codes in the file is in the ODS directory. Check the file")
    return render(
        request,
        "support/upload.jinja",
        {
            "title": "Add providers from a list of ODS codes",
            "form": form,
            "unknown": unknown,
            "back_href": presenters.dashboard_url(support_organisation),
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "cohort"),
        },
    )


@support_view(SupportMembership.LEAD)
def remove(request, entry_id: int):
    support_organisation = request.support_organisation
    entry = get_object_or_404(support_organisation.cohort, pk=entry_id)
    if request.method == "POST":
        cohort.remove(entry, request.user)
        messages.success(request, f"{entry.name} ({entry.ods_code}) has been removed from the cohort")
        return redirect("support:dashboard", support_organisation.slug)
    return render(
        request,
        "support/remove.jinja",
        {
            "title": f"Remove {entry.name} from the cohort?",
            "entry": entry,
            "back_href": presenters.dashboard_url(support_organisation),
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "cohort"),
        },
    )
