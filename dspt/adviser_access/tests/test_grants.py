"""The rules of letting an adviser in: who, for how long, where; and the provider's history of it."""

import pytest
import time_machine
from django.utils import timezone

from dspt.adviser_access import grants
from dspt.adviser_access.models import Grant
from dspt.adviser_access.tests.factories import consenting_support, make_adviser, make_grant
from dspt.history.models import ChangeRecord
from dspt.organisations.models import Membership
from dspt.support import consent
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db


def staff_of(user):
    return SupportMembership.objects.get(user=user)


def test_only_staff_of_a_support_organisation_the_provider_consented_to_can_be_let_in(org, owner):
    stranger_support = make_support_organisation(name="Elsewhere Care Network", slug="ecn")
    stranger = add_staff(stranger_support, "sam@ecn.example", full_name="Sam Stranger")
    with pytest.raises(grants.RuleBroken, match="agreed can see your progress"):
        grants.grant(org, staff_of(stranger), Membership.VIEWER, [], 3, owner)
    support = consenting_support(org, owner)
    adviser = make_adviser(support)
    assert [s.user for s in grants.eligible_advisers(org)] == [adviser]
    assert grants.grant(org, staff_of(adviser), Membership.VIEWER, [], 3, owner).adviser == adviser


@pytest.mark.parametrize(("days", "allowed"), [(0, False), (1, True), (30, True), (31, False), (-2, False)])
def test_access_lasts_from_1_to_30_days(org, owner, days, allowed):
    support = consenting_support(org, owner)
    staff = staff_of(make_adviser(support))
    if not allowed:
        with pytest.raises(grants.RuleBroken, match="between 1 and 30"):
            grants.grant(org, staff, Membership.VIEWER, [], days, owner)
        assert not Grant.objects.exists()
        return
    with time_machine.travel("2025-06-10 09:00 +01:00", tick=False):
        grant = grants.grant(org, staff, Membership.VIEWER, [], days, owner)
        assert grant.expires_at - timezone.now() == timezone.timedelta(days=days)


def test_sections_are_the_navigation_keys_in_their_order_and_none_means_all(org, owner):
    support = consenting_support(org, owner)
    staff = staff_of(make_adviser(support))
    with pytest.raises(grants.RuleBroken, match="from the list"):
        grants.grant(org, staff, Membership.VIEWER, ["people"], 3, owner)
    grant = grants.grant(org, staff, Membership.MEMBER, ["profile", "assessment"], 3, owner)
    assert grant.sections == ["assessment", "profile"]
    assert grant.covers("assessment") and not grant.covers("registers")
    assert grants.what_they_can(grant) == "see and change the assessment and organisation profile"
    everything = grants.grant(org, staff, Membership.VIEWER, [], 3, owner)
    assert everything.pk == grant.pk  # the same adviser's access is changed, not doubled
    assert everything.covers("registers") and grants.what_they_can(everything) == "see every section"


def test_granting_changing_and_ending_are_in_the_providers_history(org, owner):
    grant = make_grant(org, owner, role=Membership.VIEWER, sections=["assessment"], days=3)
    grants.grant(org, staff_of(grant.adviser), Membership.MEMBER, ["assessment"], 3, owner)
    assert grants.end(grant, owner) is True
    assert grants.end(grant, owner) is False  # ending twice records nothing more
    records = list(ChangeRecord.objects.filter(organisation=org, area=grants.AREA).order_by("pk"))
    assert [(r.action, r.actor, r.object_label) for r in records] == [
        (ChangeRecord.CREATED, owner, "Ada Adviser of Fictional County Care Association"),
        (ChangeRecord.UPDATED, owner, "Ada Adviser of Fictional County Care Association"),
        (ChangeRecord.UPDATED, owner, "Ada Adviser of Fictional County Care Association"),
    ]
    assert records[0].changes["Access"] == [None, "See only"]
    assert records[1].changes["Access"] == ["See only", "See and change"]
    assert records[2].changes["Until"][1].startswith("ended ")


def test_a_grant_stops_working_when_consent_is_withdrawn_or_the_adviser_leaves_the_staff(org, owner):
    grant = make_grant(org, owner)
    assert list(grants.usable_grants(grant.adviser)) == [grant]
    consent.withdraw(org, grant.support_organisation, owner)
    assert list(grants.usable_grants(grant.adviser)) == []
    consent.grant(org, grant.support_organisation, owner)
    assert list(grants.usable_grants(grant.adviser)) == [grant]
    SupportMembership.objects.filter(user=grant.adviser).delete()
    assert list(grants.usable_grants(grant.adviser)) == []


def test_a_grant_runs_out_on_its_own(org, owner):
    with time_machine.travel("2025-06-10 09:00 +01:00", tick=False):
        grant = make_grant(org, owner, days=3)
    with time_machine.travel("2025-06-13 08:59 +01:00", tick=False):
        assert grant.is_live() and Grant.objects.live().exists()
    with time_machine.travel("2025-06-13 09:00 +01:00", tick=False):
        assert not grant.is_live() and not Grant.objects.live().exists()
        assert list(Grant.objects.past()) == [grant]
