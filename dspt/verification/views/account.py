"""What verification adds to an operator's account page (accounts shows it without importing this app)."""

from dspt.verification import operators


def account_section(request) -> tuple[str, dict] | None:
    if not operators.is_operator(request.user):
        return None
    return "verification/_account_section.jinja", {}
