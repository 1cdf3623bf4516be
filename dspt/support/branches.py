"""A head office's view of its branches that registered on their own: each branch the ODS directory lists under it,
with what it may see (ADR 13). Without the branch's consent, only what the public sees; with it, the branch's
progress for the current DSPT year too. Never its answers. A fixed number of queries however many branches."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from dspt.frameworks.models import FrameworkVersion
from dspt.organisations.models import OdsEntry, Organisation
from dspt.publication import public
from dspt.support import consent
from dspt.support.dashboard import STAGE_LABELS, Progress, progress_for, stage_of


@dataclass(frozen=True)
class Branch:
    code: str
    name: str
    registered: bool
    consented: bool
    public_view: public.PublicView
    progress: Progress | None  # only with consent, once the year's assessment is started
    stage: str

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]


def branches_of(head_office: Organisation, today: datetime.date | None = None) -> list[Branch]:
    """Every open branch of `head_office` in the directory, by name, with what the head office may see of it."""
    today = today or timezone.localdate()
    framework = FrameworkVersion.objects.current(today)
    year = framework.year if framework else ""
    entries = list(OdsEntry.objects.filter(parent_code=head_office.ods_code, is_open=True).order_by("name", "code"))
    codes = [e.code for e in entries]
    registered = dict(Organisation.objects.filter(ods_code__in=codes).values_list("ods_code", "id"))
    consenting = consent.branches_consenting(head_office) & set(registered.values())
    seen = progress_for(sorted(consenting), framework, today)
    views = public.statuses_for(codes, today)
    result = []
    for entry in entries:
        org_id = registered.get(entry.code)
        consented = org_id in consenting
        shown = seen.get(org_id) if consented else None
        stage = stage_of(org_id is not None, views[entry.code], shown, year)
        result.append(Branch(entry.code, entry.name, org_id is not None, consented, views[entry.code], shown, stage))
    return result
