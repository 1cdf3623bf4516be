"""Every /o/<ods_code>/ page, with real ids filled in: shared by the isolation walk and the GET-writes-nothing walk."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

from dspt.organisations.models import Membership

PREFIX = "o/<str:ods_code>/"


def organisation_patterns() -> list[tuple[str, object]]:
    """(route, view) for every URL under /o/<ods_code>/, sorted by route."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith(PREFIX):
                    yield route, pattern.callback

    return sorted(walk(get_resolver().url_patterns))


ROUTES = organisation_patterns()


def fill(route: str, data: dict, ods_code: str = "VX101") -> str:
    """The route's URL for organisation `ods_code`, with the ids of the objects in `data` (see the walk_data
    fixture): membership, evidence, publication, invitation, and the entry of the register the route is under
    (registers/<slug>/<int:entry_id>/…), and the placeholders apps' own pages add (tests/conftest.py
    register_entries)."""
    membership = data.get("membership")
    evidence, publication, invitation = data.get("evidence"), data.get("publication"), data.get("invitation")
    register = re.search(r"/registers/([\w-]+)/<int:entry_id>", route)
    entry = data.get("register_entries", {}).get(register.group(1)) if register else None
    for placeholder, value in data.get("placeholders", {}).items():
        route = route.replace(placeholder, value)
    return "/" + (
        route.replace("<str:ods_code>", ods_code)
        .replace("<int:membership_id>", str(membership.pk if membership else 0))
        .replace("<slug:slug>", "about")
        .replace("<str:year>", "2025-26")
        .replace("<slug:group>", "staffing-and-roles")
        .replace("<str:ref>", "1.1.2")
        .replace("<int:evidence_id>", str(evidence.pk if evidence else 0))
        .replace("<int:publication_id>", str(publication.pk if publication else 0))
        .replace("<str:fmt>", "xlsx")
        .replace("<int:invitation_id>", str(invitation.pk if invitation else 0))
        .replace("<int:entry_id>", str(entry.pk if entry else 0))
    )


def allowed(role: str, view) -> bool:
    return Membership.RANK[role] >= Membership.RANK[view.organisation_role]
