"""Drafting documents and saving versions: the rules, as functions the pages and tests call.

A document's draft starts as its kind's builder writes it from the organisation's current data; the organisation
edits it (title and each section), saves the draft, saves it as a numbered version (review date = the day it was
saved plus the kind's review period), or starts again from its current data. Every change writes a ChangeRecord in
the same transaction. Reading a draft never writes: until it is first saved, it is built afresh each time.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from dspt.documents import facts as facts_module
from dspt.documents.kinds import Kind
from dspt.documents.models import TITLE_MAX_LENGTH, Document, Version
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import office

AREA = "Documents"
SECTION_MAX_LENGTH = 20_000
TITLE_BLANK = "Enter the document's title"
TITLE_TOO_LONG = f"The title must be {TITLE_MAX_LENGTH} characters or fewer"


@dataclass
class Draft:
    kind: Kind
    title: str
    sections: list[dict]  # [{"key", "heading", "text"}]
    document: Document | None  # None until the draft is first saved
    facts: facts_module.Facts  # what the builder found missing is in facts.missing

    def text_of(self, key: str) -> str:
        return next((s["text"] for s in self.sections if s["key"] == key), "")


def built_sections(kind: Kind, facts: facts_module.Facts) -> list[dict]:
    return [section.as_dict() for section in kind.build(facts)]


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def document_of(organisation, kind: Kind) -> Document | None:
    return Document.objects.filter(organisation=organisation, kind=kind.slug).first()


def draft(organisation, kind: Kind) -> Draft:
    """The draft as saved, or as the builder writes it from the current data when none is saved yet."""
    facts = facts_module.gather(organisation)
    fresh = built_sections(kind, facts)  # also fills facts.missing, shown beside a saved draft too
    document = document_of(organisation, kind)
    if document is None:
        return Draft(kind, kind.title, fresh, None, facts)
    return Draft(kind, document.title, document.sections, document, facts)


def tidy(text: str) -> str:
    """No characters a Word file cannot hold, \n line breaks, no spaces around."""
    return office.text(text).replace("\r\n", "\n").replace("\r", "\n").strip()


def check_title(title: str) -> str:
    title = " ".join(tidy(title).split())
    if not title:
        raise ValidationError({"title": ValidationError(TITLE_BLANK, code="blank")})
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError({"title": ValidationError(TITLE_TOO_LONG, code="max_length")})
    return title


def _snapshot(document: Document) -> dict:
    values = {"Title": document.title}
    values.update({section["heading"]: section["text"] for section in document.sections})
    return values


def _save_draft(organisation, kind: Kind, title: str, texts: dict, user) -> Document:
    title = check_title(title)
    current = draft(organisation, kind)
    sections = [
        {**section, "text": tidy(texts.get(section["key"], section["text"]))[:SECTION_MAX_LENGTH]}
        for section in current.sections
    ]
    document = current.document
    if document is None:
        document = Document.objects.create(
            organisation=organisation, kind=kind.slug, title=title, sections=sections, updated_by=user
        )
        record_change(
            actor=user,
            organisation=organisation,
            area=AREA,
            action=ChangeRecord.CREATED,
            obj=document,
            label=title,
            changes={key: [None, value] for key, value in _snapshot(document).items()},
        )
        return document
    before = _snapshot(document)
    document.title, document.sections = title, sections
    document.updated_at, document.updated_by = timezone.now(), user
    document.save()
    after = _snapshot(document)
    changes = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    record_change(
        actor=user, organisation=organisation, area=AREA, action=ChangeRecord.UPDATED, obj=document, changes=changes
    )
    return document


@transaction.atomic
def save_draft(organisation, kind: Kind, title: str, texts: dict, user) -> Document:
    """Keep the draft as edited (`texts`: {section key: text}). Raises ValidationError for a blank or long title."""
    return _save_draft(organisation, kind, title, texts, user)


@transaction.atomic
def save_version(organisation, kind: Kind, title: str, texts: dict, user, today: datetime.date | None = None):
    """Keep the draft and save it as the next numbered version, due for review after the kind's review period."""
    today = today or timezone.localdate()
    document = _save_draft(organisation, kind, title, texts, user)
    Document.objects.select_for_update().filter(pk=document.pk).first()
    number = (document.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = Version.objects.create(
        document=document,
        number=number,
        title=document.title,
        sections=document.sections,
        saved_by=user,
        saved_by_label=getattr(user, "email", "") or "System",
        review_on=add_months(today, kind.review_months),
    )
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.CREATED,
        obj=document,
        label=document.title,
        changes={"Version": [None, str(number)], "Review by": [None, version.review_on.isoformat()]},
    )
    return version


@transaction.atomic
def start_again(organisation, kind: Kind, user) -> Document:
    """Replace the draft with what the builder writes from the organisation's current data (versions are kept)."""
    facts = facts_module.gather(organisation)
    sections = built_sections(kind, facts)
    document = document_of(organisation, kind)
    if document is None:
        return _save_draft(organisation, kind, kind.title, {}, user)
    before = _snapshot(document)
    document.title, document.sections = kind.title, sections
    document.updated_at, document.updated_by = timezone.now(), user
    document.save()
    after = _snapshot(document)
    changes = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=document,
        changes=changes or {"Draft": ["As edited", "Started again from current data"]},
    )
    return document


def versions_of(organisation, kind: Kind):
    return Version.objects.filter(document__organisation=organisation, document__kind=kind.slug).select_related(
        "document"
    )


def version_or_none(organisation, kind: Kind, version_id: int) -> Version | None:
    return versions_of(organisation, kind).filter(pk=version_id).first()


def latest_versions(organisation) -> dict[str, Version]:
    """Each kind's newest version, by kind slug: one query."""
    latest = {}
    for version in Version.objects.filter(document__organisation=organisation).select_related("document"):
        slug = version.document.kind
        if slug not in latest or version.number > latest[slug].number:
            latest[slug] = version
    return latest
