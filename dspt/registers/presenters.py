"""What the registers' pages show: the list's table, an entry's rows, the index, an entry's history."""

from django.urls import reverse
from django.utils import timezone
from markupsafe import Markup, escape

from dspt.registers import entries, listing, specs
from dspt.registers.summary import plural
from dspt.ui.presenters import long_date, lower_first

ARCHIVED_TAG = Markup('<strong class="nhsuk-tag nhsuk-tag--grey">Archived</strong>')


def flag_tags(spec, entry, today) -> Markup:
    """The spec's flags for the entry (such as Overdue) as red tags, each after a space."""
    if spec.flags is None:
        return Markup("")
    return Markup("").join(
        Markup(' <strong class="nhsuk-tag nhsuk-tag--red">{}</strong>').format(flag)
        for flag in spec.flags(entry, today)
    )


def multiline(text: str) -> Markup:
    """Text with its line breaks kept, safely."""
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


def value_or_not_given(text: str) -> Markup:
    return multiline(text) if text else Markup('<span class="nhsuk-u-secondary-text-colour">Not given</span>')


def list_table(spec, organisation, page) -> dict:
    """The NHS.UK table of one page of entries: the title (a link) then the spec's list columns."""
    head = [{"text": spec.heading(spec.title_field)}] + [{"text": spec.heading(name)} for name in spec.list_columns]
    rows = []
    today = timezone.localdate()
    for entry in page:
        link = Markup('<a href="{}">{}</a>').format(spec.url("entry", organisation, entry), entry.title)
        title = link + (Markup(" ") + ARCHIVED_TAG if entry.is_archived else flag_tags(spec, entry, today))
        rows.append(
            [{"html": title, "header": spec.heading(spec.title_field)}]
            + [
                {"html": multiline(entries.display(spec, entry, name)), "header": spec.heading(name)}
                for name in spec.list_columns
            ]
        )
    return {
        "caption": f"{spec.name}: {plural(page.paginator.count, spec.entry_name, spec.entry_name_plural)}",
        "captionSize": "s",
        "responsive": True,
        "head": head,
        "rows": rows,
    }


def linked_entries(spec, entry, name: str) -> Markup:
    """The entries a link field points at, each a link to its page (in the other register)."""
    target = specs.BY_MODEL.get(spec.field(name).related_model)
    linked = sorted(getattr(entry, name).all(), key=lambda other: other.title.casefold())
    if target is None or not linked:
        return Markup("")
    return Markup("<br>").join(
        Markup('<a href="{}">{}</a>').format(target.url("entry", entry.organisation, other), other.title)
        for other in linked
    )


def entry_rows(spec, entry, can_change: bool) -> list[dict]:
    """Summary-list rows of every field, with a change link to the edit page for members."""
    rows = []
    edit = spec.url("edit", entry.organisation, entry)
    for name in spec.fields:
        heading = spec.heading(name)
        value = linked_entries(spec, entry, name) if spec.field(name).many_to_many else None
        value = value or value_or_not_given(entries.display(spec, entry, name))
        row = {"key": {"text": heading}, "value": {"html": value}}
        if can_change and not entry.is_archived:
            row["actions"] = {
                "items": [{"href": f"{edit}#id_{name}", "text": "Change", "visuallyHiddenText": lower_first(heading)}]
            }
        rows.append(row)
    return rows


def about_rows(entry) -> list[dict]:
    """Who added the entry and when, when it last changed, and whether it is archived."""
    rows = [{"key": {"text": "Added"}, "value": {"text": long_date(entry.created_at)}}]
    if entry.updated_at and entry.updated_at != entry.created_at:
        rows.append({"key": {"text": "Last changed"}, "value": {"text": long_date(entry.updated_at)}})
    if entry.is_archived:
        rows.append({"key": {"text": "Status"}, "value": {"text": f"Archived on {long_date(entry.archived_at)}"}})
    return rows


def linked_from(spec, entry) -> list[dict]:
    """The entries of other registers that link to this one, per register and field: [{spec, heading, entries}]."""
    found = []
    for other in specs.ALL:
        for name in other.link_fields():
            if other.field(name).related_model is not spec.model:
                continue
            linking = list(
                other.entries(entry.organisation).filter(**{name: entry}, archived_at=None).order_by(other.title_field)
            )
            if linking:
                items = [{"href": other.url("entry", entry.organisation, e), "text": e.title} for e in linking]
                found.append({"spec": other, "heading": other.heading(name), "items": items})
    return found


def index_rows(organisation) -> list[dict]:
    """One row per register for the index: its name (a link), what it is for, how many entries, when last updated."""
    rows = []
    for summary in listing.summaries(organisation):
        spec = summary.spec
        link = Markup('<a href="{}">{}</a>').format(spec.url("list", organisation), spec.name)
        updated = long_date(timezone.localdate(summary.last_updated)) if summary.last_updated else "Not yet"
        rows.append(
            [
                {"html": link + Markup('<br><span class="nhsuk-body-s">{}</span>').format(spec.purpose)},
                {"text": f"{summary.current:,}", "header": "Entries", "format": "numeric"},
                {"text": updated, "header": "Last updated"},
            ]
        )
    return rows


def history_rows(records) -> list[list[dict]]:
    rows = []
    for change in records:
        details = Markup("").join(
            Markup("<li><strong>{}</strong>: {} → {}</li>").format(
                label, multiline(values[0] or "(blank)"), multiline(values[1] or "(blank)")
            )
            for label, values in change.changes.items()
        )
        rows.append(
            [
                {"text": long_date(change.created_at), "header": "When"},
                {"text": change.actor_label, "header": "Who"},
                {"text": change.get_action_display(), "header": "What"},
                {"html": Markup('<ul class="nhsuk-list">{}</ul>').format(details) if details else "", "header": ""},
            ]
        )
    return rows


def evidences_text(spec) -> str:
    refs = list(spec.evidences)
    if not refs:
        return ""
    joined = refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " and " + refs[-1]
    return f"Evidence for DSPT question{'s' if len(refs) > 1 else ''} {joined}"


def filter_summary(spec, filters: listing.Filters) -> str:
    parts = []
    if filters.q:
        parts.append(f"matching '{filters.q}'")
    for name, value in filters.choices.items():
        label = dict(listing.filter_choices(spec, name)).get(value, value)
        parts.append(f"{lower_first(spec.heading(name))}: {label}")
    return ", ".join(parts)


def index_url(organisation) -> str:
    return reverse("registers:index", args=[organisation.ods_code])
