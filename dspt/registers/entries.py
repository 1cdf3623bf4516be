"""The rules of keeping a register: adding, changing, archiving and restoring entries, each kept in the history.

Every caller (the pages, an import, a later pre-fill) goes through these functions, which check the register's rules
(the model's full_clean() and which entries a link may point at) and write a change record in the same transaction,
with labels rather than codes (ADR 4). `values` maps a spec's field names to Python values, as a form cleans them;
a link field takes the entries it links to.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import diff, record_change
from dspt.ui.presenters import long_date

CURRENT, ARCHIVED = "Current", "Archived"
STATUS = "Status"


def display(spec, entry, name: str) -> str:
    """One field of an entry as people read it: choice labels, Yes or No, dates as 27 March 2026, linked entries'
    titles one after another (sorted)."""
    field = spec.field(name)
    if field.many_to_many:
        if entry.pk is None:
            return ""
        return "; ".join(sorted((linked.title for linked in getattr(entry, name).all()), key=str.casefold))
    value = getattr(entry, name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return long_date(value)
    return str(value)


def history_values(spec, entry) -> dict[str, str]:
    """Every field of the entry as displayed, keyed by its heading: what change records compare."""
    return {spec.heading(name): display(spec, entry, name) for name in spec.fields}


def link_choices(model_field, organisation, entry=None):
    """What a link field may point at: the organisation's current entries of the other register, and any the entry
    links to already (so archiving an asset does not silently drop it from the activities that use it); or, for a
    fixed list shared by every organisation (a supplier's certifications), all of it."""
    target = model_field.related_model
    if not any(field.name == "organisation" for field in target._meta.get_fields()):
        return target.objects.order_by(target.TITLE_FIELD, "pk")  # a fixed list for everyone (certifications)
    allowed = Q(archived_at=None)
    if entry is not None and entry.pk is not None:
        allowed |= Q(pk__in=getattr(entry, model_field.name).values("pk"))
    return target.objects.filter(organisation=organisation).filter(allowed).order_by(target.TITLE_FIELD, "pk")


def record(spec, entry, actor, action: str, changes: dict) -> ChangeRecord | None:
    return record_change(
        actor=actor,
        organisation=entry.organisation,
        area=spec.name,
        action=action,
        obj=entry,
        label=entry.title[:200],
        changes=changes,
    )


def added_changes(values: dict[str, str]) -> dict:
    """What a new entry's change record lists: every value given."""
    return {label: [None, value] for label, value in values.items() if value != ""}


def _check_links(spec, entry, values: dict) -> dict[str, list]:
    errors = {}
    for name in spec.link_fields():
        if name not in values:
            continue
        allowed = set(link_choices(spec.field(name), entry.organisation, entry).values_list("pk", flat=True))
        if any(linked.pk not in allowed for linked in values[name]):
            target = spec.field(name).related_model._meta.verbose_name_plural
            errors[name] = [ValidationError(f"Choose only current {target} of your own", code="invalid_link")]
    return errors


def _apply(spec, entry, values: dict) -> None:
    """Set the values on `entry` and check them; raise ValidationError ({field: [errors]}) if they break a rule."""
    for name in spec.fields:
        if name in values and not spec.field(name).many_to_many:
            setattr(entry, name, values[name])
    errors = _check_links(spec, entry, values)
    try:
        entry.full_clean(exclude=["organisation", "created_by", "updated_by"])
    except ValidationError as invalid:
        errors = invalid.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _save_links(spec, entry, values: dict) -> None:
    for name in spec.link_fields():
        if name in values:
            getattr(entry, name).set(values[name])


@transaction.atomic
def add(spec, organisation, actor, values: dict):
    """Add an entry to the register and record it. Raises ValidationError when a value breaks a rule."""
    now = timezone.now()
    entry = spec.model(organisation=organisation, created_by=actor, updated_by=actor, created_at=now, updated_at=now)
    _apply(spec, entry, values)
    entry.save()
    _save_links(spec, entry, values)
    record(spec, entry, actor, ChangeRecord.CREATED, added_changes(history_values(spec, entry)))
    return entry


def _locked(spec, entry):
    return spec.entries(entry.organisation).select_for_update().get(pk=entry.pk)


@transaction.atomic
def change(spec, entry, actor, values: dict):
    """Change an entry and record what changed (old → new). Changing nothing records nothing. Returns the entry as
    saved; `entry` itself may have been changed by a form, so what it said before is read again from the database."""
    stored = _locked(spec, entry)
    before = history_values(spec, stored)
    _apply(spec, stored, values)
    changes = diff(before, _values_once_saved(spec, stored, values))
    if not changes:
        return _locked(spec, entry)  # nothing changed: not even "last updated"
    stored.updated_at, stored.updated_by = timezone.now(), actor
    stored.save()
    _save_links(spec, stored, values)
    record(spec, stored, actor, ChangeRecord.UPDATED, changes)
    return stored


def _values_once_saved(spec, entry, values: dict) -> dict[str, str]:
    """history_values() of `entry` as it will be once saved with `values` (its links not yet set)."""
    after = history_values(spec, entry)
    for name in spec.link_fields():
        if name in values:
            after[spec.heading(name)] = "; ".join(sorted((linked.title for linked in values[name]), key=str.casefold))
    return after


@transaction.atomic
def archive(spec, entry, actor):
    """Archive an entry: kept, with its history, but no longer listed as current. Archiving twice does nothing."""
    stored = _locked(spec, entry)
    if stored.is_archived:
        return stored
    stored.archived_at = stored.updated_at = timezone.now()
    stored.updated_by = actor
    stored.save(update_fields=["archived_at", "updated_at", "updated_by"])
    record(spec, stored, actor, ChangeRecord.UPDATED, {STATUS: [CURRENT, ARCHIVED]})
    return stored


@transaction.atomic
def restore(spec, entry, actor):
    """Make an archived entry current again. Raises ValidationError when it now breaks a rule (a current entry has
    taken its name)."""
    stored = _locked(spec, entry)
    if not stored.is_archived:
        return stored
    stored.archived_at = None
    stored.full_clean(exclude=["organisation", "created_by", "updated_by"])
    stored.updated_at, stored.updated_by = timezone.now(), actor
    stored.save()
    record(spec, stored, actor, ChangeRecord.UPDATED, {STATUS: [ARCHIVED, CURRENT]})
    return stored
