"""Adviser access for tests: a support organisation the provider consented to, its adviser, and a grant."""

from dspt.adviser_access import grants
from dspt.organisations.models import Membership
from dspt.support import consent
from dspt.support.models import SupportMembership, SupportOrganisation
from dspt.support.tests.factories import add_staff, make_support_organisation


def consenting_support(organisation, admin, slug="fcca", name="Fictional County Care Association"):
    support = SupportOrganisation.objects.filter(slug=slug).first() or make_support_organisation(name=name, slug=slug)
    consent.grant(organisation, support, admin)
    return support


def make_adviser(support, email="ada@fcca.example", full_name="Ada Adviser"):
    return add_staff(support, email, full_name=full_name)


def make_grant(organisation, admin, adviser=None, role=Membership.MEMBER, sections=(), days=3, support=None):
    support = support or consenting_support(organisation, admin)
    adviser = adviser or make_adviser(support)
    staff = SupportMembership.objects.get(user=adviser, support_organisation=support)
    return grants.grant(organisation, staff, role, list(sections), days, admin)


def walk_placeholders(org, owner, made):
    """The provider walk's id for /o/<ods_code>/adviser-access/<int:grant_id>/end/: a live grant to an adviser who
    is nobody in the walk (so outsiders, members and viewers are unaffected)."""
    grant = make_grant(org, owner, adviser=None, sections=["assessment"])
    return {"<int:grant_id>": grant.pk}
