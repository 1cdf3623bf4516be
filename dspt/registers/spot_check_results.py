"""What a spot check's page shows below its fields: its results, newest first, and where to record another.
(Given the spec by the entry page, so the spec can name it without importing the spot-check rules.)"""

from dspt.registers.models import SpotCheckResult
from dspt.ui.presenters import long_date

OUTCOME_LABELS = dict(SpotCheckResult.OUTCOMES)


def entry_section(spec, check, can_change: bool) -> dict:
    results = []
    for result in check.results.all():
        rows = [
            {"key": {"text": row["item"]}, "value": {"text": OUTCOME_LABELS.get(row["outcome"], row["outcome"])}}
            for row in result.items
        ]
        results.append(
            {
                "heading": f"Checked on {long_date(result.checked_on)} by {result.checked_by}",
                "rows": rows,
                "needing_action": len(result.needing_action),
                "findings": result.findings,
                "actions": result.actions,
            }
        )
    add_url = spec.url("add_result", check.organisation, check)
    return {"results": results, "add_url": add_url if can_change and not check.is_archived else ""}
