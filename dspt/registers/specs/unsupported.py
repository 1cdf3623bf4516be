"""Unsupported software and devices (DSPT 1.3.6, 8.1.4, 8.2.1)."""

from dspt.registers.models import UnsupportedItem, unsupported
from dspt.registers.spec import RegisterSpec

UNSUPPORTED_SOFTWARE = RegisterSpec(
    slug="unsupported-software",
    name="Unsupported software register",
    entry_name="unsupported item",
    purpose="Software and equipment that no longer gets security updates, the risk and your plan for it",
    help_text="List any software, operating system or device that its maker no longer updates, or soon will not, "
    "such as an old PC running Windows 7 or a tablet too old for new updates. For each, say how big the risk is, "
    "what you do to reduce it and when you will replace or upgrade it. If everything you use is supported, this "
    "register can stay empty.",
    model=UnsupportedItem,
    fields=("item", "kind", "version", "where_used", "supported_until", "risk", "mitigation", "plan", "plan_by"),
    list_columns=("kind", "supported_until", "risk", "plan_by"),
    search_fields=("item", "version", "where_used", "mitigation", "plan"),
    filters=("kind", "risk"),
    evidences=("1.3.6", "8.1.4", "8.2.1"),
    order=50,
    labels={
        "item": "Software or device",
        "kind": "What kind of item is it?",
        "where_used": "Where is it used?",
        "supported_until": "When does (or did) the maker's support end?",
        "risk": "How big is the risk?",
        "mitigation": "What do you do to reduce the risk?",
        "plan": "What is your plan for it?",
        "plan_by": "By when will the plan be done?",
    },
    choice_hints={
        "risk": {
            unsupported.HIGH: "It holds or reaches personal data and is on the internet, or staff use it for email",
            unsupported.MEDIUM: "It holds personal data but is kept off the internet or used for one task only",
            unsupported.LOW: "It holds no personal data and is not connected to anything else",
        }
    },
    examples={
        "item": "Door-entry PC",
        "kind": "Operating system",
        "version": "Windows 7",
        "where_used": "Front office",
        "supported_until": "14/01/2020",
        "risk": "Medium",
        "mitigation": "Not used for email or browsing; on its own network",
        "plan": "Replace when the door system is upgraded",
        "plan_by": "30/09/2026",
    },
    flags=lambda entry, today: (
        ["Support ended"] if entry.supported_until is not None and entry.supported_until < today else []
    ),
)
