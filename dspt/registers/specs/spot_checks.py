"""Spot-check audits (DSPT 1.3.2, 1.3.11, 1.3.12, 1.3.13, 4.5.4): a schedule of checks, each with its results."""

from dspt.registers import checklists, spot_check_results
from dspt.registers.models import SpotCheck
from dspt.registers.spec import RegisterSpec

SPOT_CHECKS = RegisterSpec(
    slug="spot-checks",
    name="Spot-check audits",
    entry_name="spot check",
    purpose="Regular walk-rounds checking that staff follow your data protection policies, and what they found",
    help_text="Plan the checks you make that policies are followed: clear desks, locked cabinets, locked screens, "
    "paper records taken out, confidential waste. Each uses a short checklist. Record what each check finds and "
    "what will be done about it; the next check is then due again after the time you set.",
    model=SpotCheck,
    fields=("title", "checklist", "frequency", "next_due", "responsible"),
    list_columns=("checklist", "frequency", "next_due", "responsible"),
    search_fields=("title", "responsible"),
    filters=("checklist", "frequency"),
    evidences=("1.3.2", "1.3.11", "1.3.12", "1.3.13", "4.5.4"),
    order=70,
    labels={
        "checklist": "Which checklist does it use?",
        "frequency": "How often is it done?",
        "next_due": "When is it next due?",
        "responsible": "Who usually does it?",
    },
    choice_hints={
        "checklist": {
            checklist.code: f"{len(checklist.items)} things to look at, such as: {checklist.items[0].lower()}"
            for checklist in checklists.CHECKLISTS
        }
    },
    examples={
        "title": "Office clear desk",
        "checklist": "Clear desk",
        "frequency": "Every 3 months",
        "next_due": "30/06/2026",
        "responsible": "Deputy manager",
    },
    flags=lambda entry, today: ["Overdue"] if entry.is_overdue(today) else [],
    entry_template="registers/spot_check_results.jinja",
    entry_section=spot_check_results.entry_section,
)
