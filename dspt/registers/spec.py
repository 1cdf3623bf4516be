"""The shape of a register: everything the generic pages, forms, lists, exports and imports need to know about it.

A register is a model (subclassing models.base.Entry, whose fields carry the labels, hints, choices and rules)
and one RegisterSpec (in specs/, listed in specs.ALL) saying which of those fields are asked, listed, searched,
filtered and exported, and which DSPT questions the register evidences. Nothing else is written per register.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import models
from django.urls import reverse
from django.utils.text import capfirst


@dataclass(frozen=True, eq=False)
class RegisterSpec:
    slug: str  # in its URLs (/o/<ods_code>/registers/<slug>/) and their namespace (registers:<slug>:list)
    name: str  # "Information Asset Register": headings, the index, history's area
    entry_name: str  # "information asset": "Add an information asset"
    purpose: str  # one line on the index of registers
    help_text: str  # what it is for, at the top of its list
    model: type[models.Model]
    fields: tuple[str, ...]  # asked by the form, shown on an entry's page, exported and imported, in this order
    list_columns: tuple[str, ...]  # the list's columns after the title
    search_fields: tuple[str, ...]  # text fields the list's search looks in
    filters: tuple[str, ...] = ()  # fields with choices (or yes/no) the list can be filtered by
    evidences: tuple[str, ...] = ()  # DSPT question references the register is evidence for
    order: int = 100  # place on the index
    labels: Mapping[str, str] = field(default_factory=dict)  # form questions, where not the field's own name
    choice_hints: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # {field: {choice: hint}}
    examples: Mapping[str, str] = field(default_factory=dict)  # for the blank template's example row
    guidance_key: str = ""  # what the question sets' guidance calls it (frameworks/helps.py), where not its name
    # flags(entry, today) -> ["Overdue"]: red tags after the entry's title in the list and on its page (from the
    # entry's own fields: the list makes no query for them)
    flags: Callable | None = None
    # A register with more to show on an entry's page (a spot check's results): the template included below its
    # fields, given `section`, what entry_section(spec, entry, can_change) returns
    entry_template: str = ""
    entry_section: Callable | None = None
    # A register with something to say above its list (staff training's live share): list_notice(organisation,
    # today) returns HTML (Markup) made by the register's own template, or "" for nothing; a fixed number of queries
    list_notice: Callable | None = None

    def __post_init__(self):
        names = {f.name for f in self.model._meta.get_fields()}
        for group in (self.fields, self.list_columns, self.search_fields, self.filters):
            unknown = [name for name in group if name not in names]
            if unknown:
                raise ValueError(f"{self.slug}: {self.model.__name__} has no field {', '.join(unknown)}")

    def __repr__(self):
        return f"<RegisterSpec {self.slug}>"

    # ---- the model ----------------------------------------------------------------------------------------

    def entries(self, organisation):
        """Every entry of this register belonging to `organisation` (archived ones too): the only way in."""
        return self.model.objects.filter(organisation=organisation)

    def field(self, name: str):
        return self.model._meta.get_field(name)

    def heading(self, name: str) -> str:
        """The field's name as a column heading, a history label and on an entry's page."""
        return capfirst(str(self.field(name).verbose_name))

    def link_fields(self) -> list[str]:
        """The fields that link to entries of another register (many-to-many)."""
        return [name for name in self.fields if self.field(name).many_to_many]

    @property
    def helps_key(self) -> str:
        return self.guidance_key or self.name

    @property
    def title_field(self) -> str:
        return self.model.TITLE_FIELD

    @property
    def entry_name_plural(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    # ---- its pages ----------------------------------------------------------------------------------------

    def url(self, page: str, organisation, entry=None) -> str:
        """The address of one of its pages: list, add, export_xlsx, export_csv, template, import (the register's),
        entry, edit, archive, restore, history (an entry's)."""
        args = [organisation.ods_code] + ([entry.pk] if entry is not None else [])
        return reverse(f"registers:{self.slug}:{page}", args=args)
