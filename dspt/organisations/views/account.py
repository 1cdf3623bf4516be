"""What organisations adds to a person's account page (accounts shows it without importing organisations)."""


def account_section(request) -> tuple[str, dict]:
    memberships = request.user.memberships.select_related("organisation")
    return "organisations/_account_section.jinja", {"memberships": memberships}
