"""What the registers here tell the rest of the service (through registers.hooks): the items going stale (support
ending, contract reviews, spot checks due), the suggested answer to the unsupported software question, and the
registers' parts of the CQC evidence pack. Each is a plain function of the organisation and today."""

import datetime

from django.db.models import Count, Max, Q

from dspt.registers import hooks, spot_checks
from dspt.registers.models import suppliers as supplier_choices
from dspt.registers.specs import (
    INFORMATION_ASSETS,
    PROCESSING_ACTIVITIES,
    SPOT_CHECKS,
    SUPPLIERS,
    UNSUPPORTED_SOFTWARE,
)
from dspt.registers.summary import plural
from dspt.ui.presenters import long_date

# The question whose answer the unsupported software register suggests (rule from_register: unsupported_software).
UNSUPPORTED_QUESTION = "8.1.4"


def _current(spec, organisation):
    return spec.entries(organisation).filter(archived_at=None)


# ---- going stale ---------------------------------------------------------------------------------------------


def unsupported_due(organisation, today: datetime.date) -> list[hooks.Due]:
    """Each current item whose maker's support ends within the warning period or has ended (hooks keep those)."""
    found = _current(UNSUPPORTED_SOFTWARE, organisation).exclude(supported_until=None)
    return [
        hooks.Due(
            f"Support for {item.item} {'ended' if item.supported_until < today else 'ends'}",
            item.supported_until,
            UNSUPPORTED_SOFTWARE.url("entry", organisation, item),
            UNSUPPORTED_SOFTWARE.evidences,
        )
        for item in found
    ]


def contracts_due(organisation, today: datetime.date) -> list[hooks.Due]:
    """Each current supplier's contract review date."""
    found = _current(SUPPLIERS, organisation).exclude(contract_review=None)
    return [
        hooks.Due(
            f"Contract review for {supplier.supplier}",
            supplier.contract_review,
            SUPPLIERS.url("entry", organisation, supplier),
            SUPPLIERS.evidences,
        )
        for supplier in found
    ]


def spot_checks_due(organisation, today: datetime.date) -> list[hooks.Due]:
    """Each current spot check, due on its next due date."""
    return [
        hooks.Due(
            f"Spot check: {check.title}",
            check.next_due,
            SPOT_CHECKS.url("add_result", organisation, check),
            SPOT_CHECKS.evidences,
        )
        for check in _current(SPOT_CHECKS, organisation)
    ]


# ---- a suggested answer --------------------------------------------------------------------------------------


def unsupported_suggestion(organisation, today: datetime.date) -> hooks.Suggestion | None:
    """8.1.4 asks whether everything still gets security updates and, where not, the risk is weighed up and
    reduced. With items whose support has ended (or is not known): yes when each says what reduces its risk and has
    a plan, otherwise no, naming how many lack them. Items still updated today do not count yet; with none left the
    register says nothing (it may just not have been filled in)."""
    items = [
        item
        for item in _current(UNSUPPORTED_SOFTWARE, organisation).order_by("item", "pk")
        if item.supported_until is None or item.supported_until < today  # still updated today: not yet a gap
    ]
    if not items:
        return None
    url = UNSUPPORTED_SOFTWARE.url("list", organisation)
    listed = plural(len(items), "item")
    unmanaged = [item for item in items if not item.is_managed]
    if not unmanaged:
        each = "it has" if len(items) == 1 else "each has"
        return hooks.Suggestion(
            "yes",
            f"{listed} in your unsupported software register, and {each} a way of reducing its risk and a plan",
            url,
        )
    missing = ", ".join(item.item for item in unmanaged[:3]) + (" and others" if len(unmanaged) > 3 else "")
    return hooks.Suggestion(
        "no",
        f"{listed} in your unsupported software register; {len(unmanaged)} without a way of reducing the risk or a "
        f"plan yet ({missing})",
        url,
    )


# ---- the CQC evidence pack -----------------------------------------------------------------------------------


def _last_reviewed_row(organisation) -> tuple[str, str]:
    last = _current(INFORMATION_ASSETS, organisation).aggregate(last=Max("last_reviewed"))["last"]
    return ("Last reviewed", long_date(last) if last else "No review date recorded")


def information_assets_section(organisation, today: datetime.date) -> hooks.PackSection | None:
    found = _current(INFORMATION_ASSETS, organisation)
    counts = found.aggregate(total=Count("pk"), special=Count("pk", filter=Q(special_category=True)))
    if not counts["total"]:
        return None
    return hooks.PackSection(
        INFORMATION_ASSETS.name,
        "Where the organisation keeps personal data, whose it is and who looks after it.",
        rows=[
            ("Information assets", f"{counts['total']:,}"),
            ("Holding special category data", f"{counts['special']:,}"),
            _last_reviewed_row(organisation),
        ],
    )


def processing_section(organisation, today: datetime.date) -> hooks.PackSection | None:
    found = list(_current(PROCESSING_ACTIVITIES, organisation).order_by("purpose", "pk"))
    if not found:
        return None
    return hooks.PackSection(
        PROCESSING_ACTIVITIES.name,
        f"{plural(len(found), 'purpose')} for using personal data, each with its lawful basis.",
        rows=[(activity.purpose, activity.get_lawful_basis_display()) for activity in found[:20]],
    )


def unsupported_section(organisation, today: datetime.date) -> hooks.PackSection | None:
    found = list(_current(UNSUPPORTED_SOFTWARE, organisation).order_by("item", "pk"))
    if not found:
        return None
    ended = [item for item in found if item.supported_until is not None and item.supported_until < today]
    managed = [item for item in found if item.is_managed]
    return hooks.PackSection(
        UNSUPPORTED_SOFTWARE.name,
        "Software and equipment no longer (or soon no longer) updated by its maker, and how each risk is handled.",
        rows=[
            ("Items listed", f"{len(found):,}"),
            ("Support already ended", f"{len(ended):,}"),
            ("With a way of reducing the risk and a plan", f"{len(managed):,} of {len(found):,}"),
        ],
        items=[
            f"{item.item}: {item.get_risk_display().lower()} risk"
            + (f", plan due {long_date(item.plan_by)}" if item.plan_by else "")
            for item in found[:20]
        ],
    )


def suppliers_section(organisation, today: datetime.date) -> hooks.PackSection | None:
    found = _current(SUPPLIERS, organisation)
    counts = found.aggregate(
        total=Count("pk"),
        clauses=Count("pk", filter=Q(contract_clauses=supplier_choices.YES)),
        certified=Count("pk", filter=Q(certifications__isnull=False), distinct=True),
        overdue=Count("pk", filter=Q(contract_review__lt=today)),
    )
    if not counts["total"]:
        return None
    return hooks.PackSection(
        SUPPLIERS.name,
        "The outside companies that handle personal data for the organisation.",
        rows=[
            ("Suppliers", f"{counts['total']:,}"),
            ("Contracts with data protection clauses", f"{counts['clauses']:,}"),
            ("With a security certificate recorded", f"{counts['certified']:,}"),
            ("Contract reviews overdue", f"{counts['overdue']:,}"),
        ],
    )


def spot_checks_section(organisation, today: datetime.date) -> hooks.PackSection | None:
    checks = list(_current(SPOT_CHECKS, organisation).order_by("title", "pk"))
    if not checks:
        return None
    year_ago = spot_checks.add_months(today, -12)
    results = list(spot_checks.latest_results(organisation, year_ago))
    overdue = [check for check in checks if check.is_overdue(today)]
    items = [
        f"{result.spot_check.title}: {spot_checks.summary(result)}"
        + (f". Found: {result.findings} Actions: {result.actions}" if result.needing_action else "")
        for result in results[:20]
    ]
    items += [f"Overdue: {check.title} (was due {long_date(check.next_due)})" for check in overdue]
    return hooks.PackSection(
        SPOT_CHECKS.name,
        "Checks that staff follow the data protection policies, what they found and what was done.",
        rows=[
            ("Spot checks planned", f"{len(checks):,}"),
            ("Results recorded in the last 12 months", f"{len(results):,}"),
            ("Overdue", f"{len(overdue):,}"),
        ],
        items=items,
    )


def add_hooks() -> None:
    """Called from the app's ready(): what the registers here offer (keys listed in docs/adr/0008-registers.md)."""
    hooks.add_freshness("unsupported_software", unsupported_due, refs=UNSUPPORTED_SOFTWARE.evidences)
    hooks.add_freshness("supplier_contracts", contracts_due, refs=SUPPLIERS.evidences)
    hooks.add_freshness("spot_checks", spot_checks_due, refs=SPOT_CHECKS.evidences)
    hooks.add_suggestion("unsupported_software", unsupported_suggestion)
    hooks.add_pack_section("information_assets", 40, information_assets_section)
    hooks.add_pack_section("processing_activities", 41, processing_section)
    hooks.add_pack_section("unsupported_software", 42, unsupported_section)
    hooks.add_pack_section("suppliers", 43, suppliers_section)
    hooks.add_pack_section("spot_checks", 44, spot_checks_section)
