"""Write change records. Call record_change() from the code that makes the change, in its transaction."""

import datetime
from collections.abc import Iterable

from django.utils.text import capfirst

from dspt.history.models import ChangeRecord


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def field_values(instance, fields: Iterable[str]) -> dict:
    """The displayed value of each field (choice labels rather than codes)."""
    values = {}
    for name in fields:
        field = instance._meta.get_field(name)
        label = capfirst(str(field.verbose_name))
        if field.choices:
            value = getattr(instance, f"get_{name}_display")() if getattr(instance, name) not in ("", None) else ""
        else:
            value = getattr(instance, name)
        values[label] = _plain(value)
    return values


def diff(before: dict, after: dict) -> dict:
    return {key: [before.get(key), after.get(key)] for key in after if before.get(key) != after.get(key)}


def record_change(*, actor, organisation, area, action, obj=None, label="", changes=None) -> ChangeRecord | None:
    """Record one change. An update that changed nothing records nothing and returns None."""
    if action == ChangeRecord.UPDATED and not changes:
        return None
    return ChangeRecord.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=getattr(actor, "email", "") or "System",
        area=area,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_label=label or (str(obj) if obj is not None else ""),
        action=action,
        changes=changes or {},
    )
