"""Finding entries: a register's list (search, filters, current or archived) and the counts the index and the home
page show. Each is a fixed number of queries however many entries (or registers) there are."""

from dataclasses import dataclass, field

from django.db.models import CharField, Count, Max, Prefetch, Q, Value
from django.db.models.functions import Cast, Lower

from dspt.registers import specs

PAGE_SIZE = 25
CURRENT, ARCHIVED = "current", "archived"
STATUSES = [(CURRENT, "Current entries"), (ARCHIVED, "Archived entries")]
YES, NO = "yes", "no"
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 10


@dataclass(frozen=True)
class Filters:
    q: str = ""
    status: str = CURRENT
    choices: dict = field(default_factory=dict)  # {field: value}, only values the field allows

    @property
    def any(self) -> bool:
        return bool(self.q or self.choices or self.status != CURRENT)


def filter_choices(spec, name: str) -> list[tuple[str, str]]:
    """The values a filter offers: the field's choices, or Yes and No."""
    model_field = spec.field(name)
    if model_field.choices:
        return [(str(value), str(label)) for value, label in model_field.flatchoices if value != ""]
    return [(YES, "Yes"), (NO, "No")]


def read_filters(spec, query) -> Filters:
    """The list's search and filters from a query string; anything not understood is left out."""
    q = " ".join(str(query.get("q", "")).split())[:SEARCH_MAX_LENGTH]
    status = ARCHIVED if query.get("status") == ARCHIVED else CURRENT
    choices = {}
    for name in spec.filters:
        value = query.get(name, "")
        if value in {allowed for allowed, _label in filter_choices(spec, name)}:
            choices[name] = value
    return Filters(q=q, status=status, choices=choices)


def entries(spec, organisation, filters: Filters = Filters()):
    """The organisation's entries of the register matching `filters`, by title, with what the list shows of their
    links fetched in one query."""
    found = spec.entries(organisation).filter(archived_at__isnull=filters.status == CURRENT)
    for word in filters.q.split()[:SEARCH_MAX_WORDS]:
        matches = Q()
        for name in spec.search_fields:
            matches |= Q(**{f"{name}__icontains": word})
        found = found.filter(matches)
    for name, value in filters.choices.items():
        found = found.filter(**{name: value if spec.field(name).choices else value == YES})
    for name in spec.list_columns:
        model_field = spec.field(name)
        if model_field.many_to_many:
            target = model_field.related_model
            linked = target.objects.only("pk", target.TITLE_FIELD)
            found = found.prefetch_related(Prefetch(name, queryset=linked))
    return found.order_by(Lower(spec.title_field), "pk")


@dataclass(frozen=True)
class Summary:
    spec: object
    current: int
    archived: int
    last_updated: object  # a datetime, or None when the register is empty


def _totals(spec, organisation):
    return (
        spec.entries(organisation)
        .values("organisation")
        .annotate(
            register=Cast(Value(spec.slug), CharField(max_length=60)),  # typed, for PostgreSQL's UNION
            current=Count("pk", filter=Q(archived_at=None)),
            archived=Count("pk", filter=Q(archived_at__isnull=False)),
            last_updated=Max("updated_at"),
        )
        .values("register", "current", "archived", "last_updated")
        .order_by()  # a part of a UNION may not be ordered
    )


def summaries(organisation) -> list[Summary]:
    """For every register, how many current and archived entries it has and when any last changed: one query for
    all of them (the index and the home page show these)."""
    parts = [_totals(spec, organisation) for spec in specs.ALL]
    found = {row["register"]: row for row in parts[0].union(*parts[1:], all=True)}
    empty = {"current": 0, "archived": 0, "last_updated": None}
    return [
        Summary(spec, **{key: found.get(spec.slug, empty)[key] for key in ("current", "archived", "last_updated")})
        for spec in specs.ALL
    ]
