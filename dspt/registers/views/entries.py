"""A register's pages: its list, and adding, viewing, changing, archiving and restoring an entry, and its history.

Every view here serves every register: the URL configuration passes the register's spec (urls.py).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone

from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.registers import entries, forms, listing, presenters
from dspt.registers.views.common import context, entry_or_404
from dspt.ui.forms import posted

MEMBER = Membership.MEMBER


@organisation_view()
def entry_list(request, spec):
    filters = listing.read_filters(spec, request.GET)
    page = Paginator(listing.entries(spec, request.organisation, filters), listing.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registers/list.jinja",
        context(
            request,
            spec,
            title=spec.name,
            page=page,
            entries_table=presenters.list_table(spec, request.organisation, page),
            filters=filters,
            filter_form=forms.filter_form(spec, filters),
            filter_summary=presenters.filter_summary(spec, filters),
            query=query.urlencode(),
            evidences=presenters.evidences_text(spec),
            notice=spec.list_notice(request.organisation, timezone.localdate()) if spec.list_notice else "",
            back_href=presenters.index_url(request.organisation),
            back_text="All registers",
        ),
    )


def _save(request, spec, form, entry=None):
    """Hand a valid form to the register's rules; their objections go back onto the form. The entry, or None."""
    try:
        if entry is None:
            return entries.add(spec, request.organisation, request.user, form.cleaned_data)
        return entries.change(spec, entry, request.user, form.cleaned_data)
    except ValidationError as invalid:
        for name, errors in invalid.update_error_dict({}).items():
            for error in errors:
                form.add_error(name if name in form.fields else None, error)
        return None


@organisation_view(MEMBER)
def add(request, spec):
    initial = forms.choices_from_query(spec, request.GET)
    form = forms.entry_form(spec, request.organisation, posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        entry = _save(request, spec, form)
        if entry is not None:
            messages.success(request, f"Added '{entry.title}' to the {spec.name}")
            return redirect(spec.url("entry", request.organisation, entry))
    return render(
        request,
        "registers/form.jinja",
        context(
            request,
            spec,
            title=f"Add {_a(spec.entry_name)}",
            form=form,
            submit_text="Save",
            back_href=spec.url("list", request.organisation),
        ),
    )


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


@organisation_view()
def entry(request, spec, entry_id: int):
    found = entry_or_404(request, spec, entry_id)
    can_change = request.membership.can(MEMBER)
    return render(
        request,
        "registers/entry.jinja",
        context(
            request,
            spec,
            title=found.title,
            entry=found,
            rows=presenters.entry_rows(spec, found, can_change),
            about=presenters.about_rows(found),
            linked_from=presenters.linked_from(spec, found),
            flags=presenters.flag_tags(spec, found, timezone.localdate()),
            section=spec.entry_section(spec, found, can_change) if spec.entry_section else None,
            back_href=spec.url("list", request.organisation),
            back_text=f"Back to the {spec.name}",
        ),
    )


@organisation_view(MEMBER)
def edit(request, spec, entry_id: int):
    found = entry_or_404(request, spec, entry_id)
    if found.is_archived:
        messages.info(request, "Restore this entry before changing it")
        return redirect(spec.url("entry", request.organisation, found))
    title = found.title
    form = forms.entry_form(spec, request.organisation, posted(request), instance=found)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, spec, form, found)
        if saved is not None:
            messages.success(request, f"Saved your changes to '{saved.title}'")
            return redirect(spec.url("entry", request.organisation, saved))
    return render(
        request,
        "registers/form.jinja",
        context(
            request,
            spec,
            title=f"Change '{title}'",
            form=form,
            submit_text="Save changes",
            back_href=spec.url("entry", request.organisation, found),
        ),
    )


@organisation_view(MEMBER)
def archive(request, spec, entry_id: int):
    """GET asks to confirm; POST archives. An archived entry leaves the list but keeps its history."""
    found = entry_or_404(request, spec, entry_id)
    if request.method == "POST" and not found.is_archived:
        entries.archive(spec, found, request.user)
        messages.success(request, f"Archived '{found.title}'. It is no longer in the list of current entries")
        return redirect(spec.url("list", request.organisation))
    return _confirm_page(request, spec, found, "archive")


@organisation_view(MEMBER)
def restore(request, spec, entry_id: int):
    """GET asks to confirm; POST makes an archived entry current again."""
    found = entry_or_404(request, spec, entry_id)
    problem = ""
    if request.method == "POST" and found.is_archived:
        try:
            entries.restore(spec, found, request.user)
        except ValidationError as invalid:
            problem = " ".join(message for messages_ in invalid.message_dict.values() for message in messages_)
        else:
            messages.success(request, f"Restored '{found.title}'")
            return redirect(spec.url("entry", request.organisation, found))
    return _confirm_page(request, spec, found, "restore", problem)


def _confirm_page(request, spec, found, action: str, problem: str = ""):
    return render(
        request,
        "registers/confirm.jinja",
        context(
            request,
            spec,
            title=f"{action.capitalize()} '{found.title}'?",
            entry=found,
            action=action,
            problem=problem,
            back_href=spec.url("entry", request.organisation, found),
        ),
    )


@organisation_view()
def history(request, spec, entry_id: int):
    found = entry_or_404(request, spec, entry_id)
    records = request.organisation.change_records.filter(area=spec.name, object_id=str(found.pk))
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "registers/history.jinja",
        context(
            request,
            spec,
            title=f"History of '{found.title}'",
            entry=found,
            page=page,
            rows=presenters.history_rows(page),
            back_href=spec.url("entry", request.organisation, found),
        ),
    )
