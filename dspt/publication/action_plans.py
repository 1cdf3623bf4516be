"""Action plans for publishing at Approaching Standards: one line per Standards Met item not yet met.

Reading a plan writes nothing: a line for a newly open item exists only in memory until someone saves the plan.
Saved lines are never deleted, so nothing typed is lost if an item is met and later opens again.
"""

import datetime
from collections.abc import Mapping
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from dspt.assessments.rules import MET
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import uploads
from dspt.publication.models import ActionPlan, ActionPlanLine

AREA = "Action plan"


class LineValues(NamedTuple):
    """What someone wrote for one item: the action, who will do it, and by when."""

    action: str
    owner: str
    target_date: datetime.date | None


def open_items(standing) -> list:
    """Rows of questions needed for Standards Met whose answers do not count yet."""
    return standing.missing_for(MET)


def plan_for(assessment) -> ActionPlan | None:
    return ActionPlan.objects.filter(assessment=assessment).prefetch_related("lines").first()


def lines_for(plan: ActionPlan | None, standing) -> list[ActionPlanLine]:
    """One line per item open now, in question order: the saved line with what was written, or a new unsaved one."""
    saved = {line.ref: line for line in plan.lines.all()} if plan is not None else {}
    lines = []
    for position, row in enumerate(open_items(standing), start=1):
        line = saved.get(row.question.ref) or ActionPlanLine(plan=plan, ref=row.question.ref)
        line.question_text, line.gap, line.position = row.question.text, row.verdict.reason, position
        line.suggested_action = suggested_action(row)
        lines.append(line)
    return lines


def suggested_action(row) -> str:
    """What the guidance suggests doing about an open item (its `guidance.action`), else what would make it count."""
    action = (row.question.guidance or {}).get("action", "")
    return action or row.verdict.fix


def _describe(line: ActionPlanLine) -> str:
    when = line.target_date.isoformat() if line.target_date else "no date"
    return f"{line.action or 'no action'}; {line.owner or 'no owner'}; {when}"


def _plan(assessment) -> ActionPlan:
    """The assessment's plan, created if needed, locked for the rest of the transaction."""
    plan, _ = ActionPlan.objects.get_or_create(assessment=assessment)
    return ActionPlan.objects.select_for_update().get(pk=plan.pk)


@transaction.atomic
def save_lines(assessment, standing, values: Mapping[str, LineValues], by) -> list[ActionPlanLine]:
    """Save what was written for the items open now (values for other refs are ignored) and record the changes.

    Returns the plan's lines for the open items, all saved.
    """
    plan = _plan(assessment)
    lines, changes = lines_for(plan, standing), {}
    for line in lines:
        before = _describe(line) if line.pk else None
        if line.ref in values:
            written = values[line.ref]
            line.action, line.owner, line.target_date = (
                written.action.strip(),
                written.owner.strip(),
                written.target_date,
            )
        line.plan = plan
        line.save()
        if _describe(line) != before and (before is not None or line.action or line.owner or line.target_date):
            changes[line.ref] = [before, _describe(line)]
    plan.updated_at = timezone.now()
    plan.save(update_fields=["updated_at"])
    record_change(
        actor=by,
        organisation=assessment.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=plan,
        label=f"{assessment.framework.year} action plan",
        changes=changes,
    )
    return lines


@transaction.atomic
def attach_document(assessment, uploaded, kind, by) -> ActionPlan:
    """Publish the provider's own plan instead of the lines. `uploaded` must have passed uploads.check().

    The stored file is never deleted: a publication may point at it.
    """
    plan = _plan(assessment)
    before = plan.document_name or None
    stored, _size, _digest = uploads.store(uploaded, str(assessment.organisation_id))
    plan.document_name, plan.document_stored_name = (uploaded.name or "action plan")[-200:], stored
    plan.document_content_type = kind.content_type
    plan.updated_at = timezone.now()
    plan.save(update_fields=["document_name", "document_stored_name", "document_content_type", "updated_at"])
    record_change(
        actor=by,
        organisation=assessment.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=plan,
        label=f"{assessment.framework.year} action plan",
        changes={"Uploaded plan": [before, plan.document_name]},
    )
    return plan


@transaction.atomic
def remove_document(assessment, by) -> bool:
    """Stop using the uploaded plan (the lines are used again). False when there was none."""
    plan = ActionPlan.objects.select_for_update().filter(assessment=assessment).first()
    if plan is None or not plan.uses_document:
        return False
    before = plan.document_name
    plan.document_name = plan.document_stored_name = plan.document_content_type = ""
    plan.updated_at = timezone.now()
    plan.save(update_fields=["document_name", "document_stored_name", "document_content_type", "updated_at"])
    record_change(
        actor=by,
        organisation=assessment.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=plan,
        label=f"{assessment.framework.year} action plan",
        changes={"Uploaded plan": [before, None]},
    )
    return True


def complete_refs(plan: ActionPlan | None) -> set[str]:
    if plan is None:
        return set()
    return {line.ref for line in plan.lines.all() if line.complete}


def as_rows(lines: list[ActionPlanLine]) -> list[dict]:
    """Plan lines as plain values (for the publication's frozen copy and the downloads)."""
    return [
        {
            "ref": line.ref,
            "question": line.question_text,
            "gap": line.gap,
            "action": line.action,
            "owner": line.owner,
            "target_date": line.target_date.isoformat() if line.target_date else "",
        }
        for line in lines
    ]
