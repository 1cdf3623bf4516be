"""A register's columns for export and import, as django-import-export resources built from its spec.

One resource class per register (resource_class), used for both directions, so an export imports back unchanged:
the Reference column is the entry's number (empty for a new entry), then one column per field of the spec, headed
with the field's name. Values are written as people read them (choice labels, Yes or No, dates, linked entries'
titles one per line) and read back in the same form; choices also accept their codes, dates also 27/03/2026 and
27 March 2026, and Yes/No also Y/N and True/False.

The resource keeps the register's rules: rows are checked by the model's full_clean(), as the form does; a row
updates only its own organisation's entries (get_queryset), links only to entries entries.link_choices() allows,
and every row added or changed is recorded in the history with the same values a form's change would record.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from import_export import fields, resources, widgets
from import_export.results import RowResult

from dspt.history.models import ChangeRecord
from dspt.history.record import diff
from dspt.registers import entries, messages
from dspt.registers.models.base import tidy_text
from dspt.registers.spreadsheets import Column, unescape
from dspt.ui.forms import MONTHS

REFERENCE = "Reference"
REFERENCE_HELP = "Leave empty for a new entry. Keep the number from an export to change that entry"


def _plain(text) -> str:
    return " ".join(str(text or "").split()).casefold()


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return tidy_text(unescape(str(value or "")))

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceWidget(widgets.Widget):
    """A choice written as its label; read back from its label or its code, whatever the case and spacing."""

    def __init__(self, model_field):
        super().__init__()
        self.model_field = model_field
        self.choices = [(value, str(label)) for value, label in model_field.flatchoices if value != ""]
        self.known = {}
        for value, label in self.choices:
            self.known[_plain(value)] = value
            self.known[_plain(label)] = value

    def clean(self, value, row=None, **kwargs):
        text = _plain(unescape(str(value or "")))
        if not text:
            return ""
        if text not in self.known:
            raise ValueError(messages.for_error(self.model_field, ValidationError("", code="invalid_choice")))
        return self.known[text]

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, "")


class YesNoWidget(widgets.Widget):
    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0"}

    def __init__(self, model_field):
        super().__init__()
        self.model_field = model_field

    def clean(self, value, row=None, **kwargs):
        text = _plain(value)
        if not text:
            return None
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(f"{messages.heading(self.model_field)} must be Yes or No")

    def render(self, value, obj=None, **kwargs):
        return {True: "Yes", False: "No"}.get(value, "")


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DAY_NAME_YEAR = re.compile(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})")


def parse_date(text: str) -> datetime.date:
    """2026-03-27, 27/03/2026 (day first, as in the UK) or 27 March 2026; ValueError otherwise."""
    text = _plain(text)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    match = _DAY_NAME_YEAR.fullmatch(text)
    if match and match.group(2) in MONTHS:
        return datetime.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    raise ValueError(text)


class DateWidget(widgets.Widget):
    def __init__(self, model_field):
        super().__init__()
        self.model_field = model_field

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if not _plain(value):
            return None
        try:
            return parse_date(str(value))
        except ValueError as error:
            raise ValueError(f"{messages.heading(self.model_field)} must be a date, like 27/03/2026") from error

    def render(self, value, obj=None, **kwargs):
        return value  # a date: a real date in Excel, 2026-03-27 in CSV


class ReferenceWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _plain(value).lstrip("#")
        if not text:
            return None
        if text.isascii() and text.isdigit() and len(text) < 12:
            return int(text)
        raise ValueError(f"{REFERENCE} must be the number from an export of this register, or empty for a new entry")

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


_SEPARATOR = re.compile(r"[\n;]")


class LinksWidget(widgets.ManyToManyWidget):
    """Linked entries written as their titles, one per line; read back from titles on separate lines (or separated
    by semicolons), matched without regard to case. Only entries entries.link_choices() allows may be named."""

    def __init__(self, model_field):
        super().__init__(model_field.related_model)
        self.model_field = model_field
        self.resource = None  # set by the resource using it: its organisation, and the entry of the current row

    def clean(self, value, row=None, **kwargs):
        text = unescape(str(value or ""))
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if not lines:
            return []
        by_title = self.resource.link_targets(self.model_field)
        chosen, missing = [], []
        for line in lines:
            names = [line] if _plain(line) in by_title else [part.strip() for part in line.split(";") if part.strip()]
            for name in names:
                found = by_title.get(_plain(name))
                if found is None:
                    missing.append(name)
                elif found not in chosen:
                    chosen.append(found)
        if missing:
            target = self.model_field.related_model._meta.verbose_name_plural
            listed = ", ".join(f"'{name}'" for name in missing)
            raise ValueError(f"{listed}: not among your current {target}. Check the names, or add them first")
        return chosen

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "\n".join(sorted((linked.title for linked in value.all()), key=str.casefold))


def widget_for(model_field) -> widgets.Widget:
    if model_field.many_to_many:
        return LinksWidget(model_field)
    if model_field.choices:
        return ChoiceWidget(model_field)
    if isinstance(model_field, models.BooleanField):
        return YesNoWidget(model_field)
    if isinstance(model_field, models.DateField):
        return DateWidget(model_field)
    return TextWidget()


class EntryResource(resources.ModelResource):
    """What every register's resource does; resource_class(spec) adds the register's columns."""

    spec = None

    def __init__(self, organisation, actor=None):
        super().__init__()
        self.organisation, self.actor = organisation, actor
        self.current, self.before = None, {}
        self._targets, self._row_targets = {}, {}  # see link_targets()
        self.changes: list[tuple[int, str, str, dict]] = []  # (row number, "added"/"changed", title, changes)
        for field in self.fields.values():
            if isinstance(field.widget, LinksWidget):
                field.widget.resource = self

    def get_queryset(self):
        return self.spec.entries(self.organisation)

    def init_instance(self, row=None):
        return self.spec.model(organisation=self.organisation, created_by=self.actor, updated_by=self.actor)

    def get_or_init_instance(self, instance_loader, row):
        try:
            reference = self.fields["id"].clean(row)
        except ValueError as error:
            raise ValidationError({"id": [str(error)]}) from error
        if reference is None:
            return self.init_instance(row), True
        instance = self.get_queryset().filter(pk=reference).first()
        if instance is None:
            raise ValidationError(
                {"id": [f"There is no entry {reference} in this register: leave {REFERENCE} empty to add a new one"]}
            )
        if instance.is_archived:  # as on the pages: an archived entry is restored before it is changed
            raise ValidationError(
                {"id": [f"Entry {reference} ('{instance.title}') is archived: restore it in the register first"]}
            )
        return instance, False

    def after_init_instance(self, instance, new, row, **kwargs):
        self.current = instance
        self.before = {} if new else entries.history_values(self.spec, instance)
        self._row_targets = {}

    def link_targets(self, model_field) -> dict:
        """What the current row's link field may name, by title (entries.link_choices(): the organisation's current
        entries, read once per import, and those the row's entry links to already)."""
        name = model_field.name
        if name not in self._targets:
            current = entries.link_choices(model_field, self.organisation)
            self._targets[name] = {_plain(entry.title): entry for entry in current}
        if name not in self._row_targets:
            linked = getattr(self.current, name).all() if self.current.pk is not None else []
            self._row_targets[name] = self._targets[name] | {_plain(entry.title): entry for entry in linked}
        return self._row_targets[name]

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as invalid:
            errors = invalid.update_error_dict(errors)
        for name in self.spec.link_fields():
            field = self.fields[name]
            if field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[name] = [ValidationError(str(error))]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=[*errors, "organisation", "created_by", "updated_by"])
        except ValidationError as invalid:
            errors = invalid.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        instance.updated_at, instance.updated_by = timezone.now(), self.actor
        if instance.pk is None:
            instance.created_at = instance.updated_at

    def after_import_row(self, row, row_result, **kwargs):
        if row_result.import_type not in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE):
            return
        after = entries.history_values(self.spec, self.current)
        new = row_result.import_type == RowResult.IMPORT_TYPE_NEW
        changes = entries.added_changes(after) if new else diff(self.before, after)
        if not changes:
            row_result.import_type = RowResult.IMPORT_TYPE_SKIP  # saved as it was: nothing to show or record
            return
        self.changes.append((kwargs["row_number"], "added" if new else "changed", self.current.title, changes))
        if not kwargs.get("dry_run"):
            action = ChangeRecord.CREATED if new else ChangeRecord.UPDATED
            entries.record(self.spec, self.current, self.actor, action, changes)


def resource_class(spec) -> type[EntryResource]:
    """The register's resource: Reference, then a column per field of the spec."""
    declared = {"id": fields.Field(attribute="id", column_name=REFERENCE, widget=ReferenceWidget(), readonly=True)}
    for name in spec.fields:
        declared[name] = fields.Field(
            attribute=name, column_name=spec.heading(name), widget=widget_for(spec.field(name))
        )
    meta = type(
        "Meta",
        (),
        {
            "model": spec.model,
            "fields": ("id", *spec.fields),
            "import_id_fields": ("id",),
            "skip_unchanged": True,
            "report_skipped": True,
            "clean_model_instances": True,
            "use_transactions": True,
            "skip_html_diff": True,
        },
    )
    return type(f"{spec.model.__name__}Resource", (EntryResource,), {**declared, "Meta": meta, "spec": spec})


def columns(spec) -> list[Column]:
    """The columns as the spreadsheets show them, with what goes in each."""
    found = [Column(REFERENCE, REFERENCE_HELP, width=11)]
    for name in spec.fields:
        model_field = spec.field(name)
        description = " ".join(part for part in (spec.labels.get(name, ""), str(model_field.help_text)) if part)
        allowed = ()
        if model_field.choices:
            allowed = tuple(str(label) for value, label in model_field.flatchoices if value != "")
        elif isinstance(model_field, models.BooleanField):
            allowed = ("Yes", "No")
        elif model_field.many_to_many:
            description += ". One per line (or separated by semicolons), named as in that register"
        elif isinstance(model_field, models.DateField):
            description += (". " if description else "") + "A date, like 27/03/2026"
        width = 40 if isinstance(model_field, models.TextField) or model_field.many_to_many else 24
        found.append(
            Column(
                spec.heading(name),
                description.strip(),
                required=not model_field.blank,
                example=spec.examples.get(name, ""),
                allowed=allowed,
                width=width,
            )
        )
    return found
