"""Action plans for publishing at Approaching Standards: one line per Standards Met item not yet met."""

from django.db import transaction
from django.utils import timezone

from dspt.publication.models import ActionPlan, ActionPlanLine


def open_items(standing) -> list:
    """Rows of questions needed for Standards Met whose answers do not count yet."""
    return standing.missing_for("met")


def plan_for(assessment) -> ActionPlan | None:
    return ActionPlan.objects.filter(assessment=assessment).prefetch_related("lines").first()


@transaction.atomic
def generate(assessment, standing) -> ActionPlan:
    """Create or refresh the plan's lines from the open items, keeping what was already written.

    Lines for items that have since been met are kept (not shown, not published), so nothing typed is lost if an
    item becomes open again.
    """
    plan, _ = ActionPlan.objects.get_or_create(assessment=assessment)
    existing = {line.ref: line for line in plan.lines.all()}
    wanted = open_items(standing)
    for position, row in enumerate(wanted, start=1):
        line = existing.get(row.question.ref) or ActionPlanLine(plan=plan, ref=row.question.ref)
        line.question_text, line.gap, line.position = row.question.text, row.verdict.reason, position
        line.save()
    plan.updated_at = timezone.now()
    plan.save(update_fields=["updated_at"])
    return plan


def lines_for(plan: ActionPlan, standing) -> list[ActionPlanLine]:
    """The plan's lines for the items open now, in question order."""
    open_refs = {row.question.ref for row in open_items(standing)}
    return [line for line in plan.lines.all() if line.ref in open_refs]


def complete_refs(plan: ActionPlan | None) -> set[str]:
    if plan is None:
        return set()
    return {line.ref for line in plan.lines.all() if line.complete}


def as_rows(plan: ActionPlan | None, refs: set[str] | None = None) -> list[dict]:
    """The plan's lines as plain values (only those for `refs` when given)."""
    if plan is None:
        return []
    return [
        {
            "ref": line.ref,
            "question": line.question_text,
            "gap": line.gap,
            "action": line.action,
            "owner": line.owner,
            "target_date": line.target_date.isoformat() if line.target_date else "",
        }
        for line in plan.lines.all()
        if refs is None or line.ref in refs
    ]
