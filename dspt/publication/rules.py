"""Who may publish what, and what is still in the way. Plain functions over plain values."""

from dataclasses import dataclass

from dspt.assessments.rules import APPROACHING, EXCEEDED, MET, NOT_MET, STATUS_LABELS


@dataclass(frozen=True)
class Blocker:
    step: str  # which step of the journey fixes it: "answers", "profile", "branches", "action_plan", "rule"
    message: str


def status_rule(status: str, published_before: bool) -> Blocker | None:
    """The national rule: Approaching Standards may be published only as an organisation's first publication."""
    if status == NOT_MET:
        return Blocker(
            "answers",
            "Your answers do not reach Approaching Standards yet. Answer every question needed for Approaching "
            "Standards first",
        )
    if status == APPROACHING and published_before:
        return Blocker(
            "rule",
            "You have published before, so this time your answers must reach Standards Met. Approaching Standards "
            "can only be published once, as an organisation's first publication",
        )
    return None


def blockers(
    *,
    status: str,
    published_before: bool,
    profile_checked: bool,
    profile_complete: bool = True,
    is_head_office: bool,
    branches_chosen: bool,
    plan_needed_refs: set[str],
    plan_complete_refs: set[str],
    plan_has_document: bool,
) -> list[Blocker]:
    """Everything that stops publishing now, in journey order (empty when it can go ahead)."""
    found = []
    rule = status_rule(status, published_before)
    if rule:
        found.append(rule)
    if not profile_complete:
        found.append(Blocker("profile", "Finish your organisation profile: it is published with your assessment"))
    elif not profile_checked:
        found.append(Blocker("profile", "Check your organisation profile is still right"))
    if is_head_office and not branches_chosen:
        found.append(Blocker("branches", "Choose which of your services this assessment covers"))
    if status == APPROACHING and not plan_has_document:
        missing = sorted(plan_needed_refs - plan_complete_refs)
        if missing:
            found.append(
                Blocker(
                    "action_plan",
                    f"Complete the action plan: {len(missing)} item{'s' if len(missing) != 1 else ''} still need an "
                    "action, an owner and a target date, or upload your own plan",
                )
            )
    return found


def publishable_label(status: str) -> str:
    return STATUS_LABELS[status] if status in (APPROACHING, MET, EXCEEDED) else ""
