"""Support organisations for tests."""

from dspt.support.models import SupportMembership, SupportOrganisation
from tests.factories import make_user


def make_support_organisation(name="Fictional County Care Association", slug="fcca", **values):
    defaults = {"area": "Fictional County", "phone": "01632 960000", "email": "dspt@fcca.example"}
    return SupportOrganisation.objects.create(name=name, slug=slug, **(defaults | values))


def add_staff(support_organisation, email, role=SupportMembership.ADVISER, full_name="Ada Adviser"):
    user = make_user(email, full_name=full_name)
    SupportMembership.objects.create(support_organisation=support_organisation, user=user, role=role)
    return user


def support_walk_placeholders(association, lead, made) -> dict:
    """The support walk's ids for this app's pages (tests/test_support_isolation.py): a cohort entry and a member
    of staff of `association` (the adviser the walk made)."""
    from dspt.support.models import CohortEntry

    entry = CohortEntry.objects.create(
        support_organisation=association, ods_code="VX901", name="Fictional Walk House", added_by=lead
    )
    adviser_membership = association.memberships.exclude(user=lead).first()
    return {"<int:entry_id>": entry.pk, "<int:membership_id>": adviser_membership.pk if adviser_membership else 0}


def walk_placeholders(org, owner, made) -> dict:
    """The provider walk's ids for /o/<ods_code>/support/<str:support_slug>/…: a support organisation whose cohort
    includes the organisation; and a head office registered over it in the directory, for /o/<ods_code>/head-office/."""
    from dspt.organisations.models import OdsEntry
    from dspt.support.models import CohortEntry
    from tests.factories import make_organisation

    association = make_support_organisation(name="Fictional Walk Care Association", slug="fwca")
    CohortEntry.objects.create(support_organisation=association, ods_code=org.ods_code, name=org.name)
    OdsEntry.objects.update_or_create(code=org.ods_code, defaults={"name": org.name, "parent_code": "AX901"})
    make_organisation("AX901", make_user("walk-head@group.example"), name="Fictional Walk Care Group")
    return {"<str:support_slug>": association.slug}
