"""How an adviser with a live grant comes through the provider's one door (organisations.access): as an unsaved
Membership with the grant's role, only into the sections the grant covers (and the overview). Each organisation page
belongs to the section its address names after /o/<ods_code>/; pages of no section (people, history, adviser
access, support consent, and any new ones until they are listed here) stay closed to guests (404)."""

from dspt.adviser_access import grants
from dspt.adviser_access.models import SECTION_KEYS
from dspt.organisations.models import Membership

OVERVIEW = "overview"
# The first part of the address after /o/<ods_code>/ and the section it belongs to.
SEGMENT_SECTIONS = {
    "": OVERVIEW,
    "assessment": "assessment",
    "registers": "registers",
    "training": "registers",  # the staff training register's confirmation links
    "documents": "documents",
    "publish": "publish",
    "publications": "publish",
    "profile": "profile",
}


def section_of(path: str) -> str | None:
    """The section of an organisation page's address (/o/VX101/registers/… is "registers"), None for none."""
    parts = path.split("/")
    if len(parts) < 4 or parts[0] != "" or parts[1] != "o":
        return None
    return SEGMENT_SECTIONS.get(parts[3])


def guest_membership(request, ods_code: str, view) -> Membership | None:
    """The adviser's way in: a viewer or member Membership marked with the grant (membership.adviser_grant), or None
    (no live grant, consent withdrawn, no longer on the support organisation's staff, or a section not granted)."""
    section = section_of(request.path_info)
    if section is None:
        return None
    grant = (
        grants.usable_grants(request.user)
        .filter(organisation__ods_code=ods_code.upper())
        .select_related("organisation", "organisation__profile", "support_organisation")
        .first()
    )
    if grant is None or (section != OVERVIEW and not grant.covers(section)):
        return None
    membership = Membership(user=request.user, organisation=grant.organisation, role=grant.role)
    membership.adviser_grant = grant
    # What the organisation navigation may show a guest (organisations.presenters.navigation can filter by it).
    membership.navigation_keys = {"home", *(grant.sections or SECTION_KEYS)}
    return membership


def grant_of(membership) -> object | None:
    """The grant a guest came in with, None for the organisation's own people."""
    return getattr(membership, "adviser_grant", None)
