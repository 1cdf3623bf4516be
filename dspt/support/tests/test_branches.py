"""A head office's view of its branches that registered on their own: progress only with each branch's consent (the
same consent as for support organisations), never answers, and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.assessments import carry_over
from dspt.history.models import ChangeRecord
from dspt.organisations.models import Organisation
from dspt.support import branches, consent, dashboard
from dspt.support.tests.factories import make_support_organisation
from tests.factories import add_member, answer_all, make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db

SECRET = "The spare key is under the plant pot"


@pytest.fixture
def group(frameworks, org, owner, outsider):
    """Head office AX101 with three branches in the directory: VX101 (registered, answering, will consent), VX201
    (registered, answering, no consent) and VX301 (not registered). VX401 belongs to another head office."""
    framework = frameworks["2025-26"]
    make_directory_entry("AX101", "Fictional Care Group")
    make_directory_entry("VX101", "Fictional Meadowbrook House", parent="AX101")
    make_directory_entry("VX201", "Fictional Harbourside Homecare", parent="AX101")
    make_directory_entry("VX301", "Fictional Oakfield", parent="AX101")
    make_directory_entry("VX401", "Fictional Elsewhere", parent="AY202")
    make_directory_entry("VX109", "Fictional Closed House", parent="AX101", is_open=False)
    head_admin = make_user("head@group.example", full_name="Hana Head")
    head_office = make_organisation("AX101", head_admin, name="Fictional Care Group")
    a = carry_over.start(org, framework, owner)
    answer_all(a, owner, levels=["approaching"])
    a.answers.update(comment=SECRET)
    b = carry_over.start(Organisation.objects.get(ods_code="VX201"), framework, outsider)
    answer_all(b, outsider, levels=["approaching"])
    return head_office, head_admin


def test_a_branch_finds_its_head_office_from_the_directory(group, org):
    head_office, _ = group
    assert consent.head_office_of(org) == head_office
    assert consent.head_office_of(head_office) is None  # a head office has none
    lone = make_organisation("VX501", make_user("lone@care.example"))
    assert consent.head_office_of(lone) is None  # not in the directory under anyone


def test_progress_shows_only_with_the_branchs_consent(group, org, owner):
    head_office, _ = group
    seen = {b.code: b for b in branches.branches_of(head_office)}
    assert list(seen) == ["VX201", "VX101", "VX301"]  # by name; VX401 is another head office's, VX109 closed
    assert all(b.progress is None for b in seen.values())
    assert seen["VX301"].stage == dashboard.NOT_REGISTERED and not seen["VX301"].registered
    consent.grant(org, head_office, owner)
    seen = {b.code: b for b in branches.branches_of(head_office)}
    assert seen["VX101"].consented and seen["VX101"].progress.answered > 0
    assert seen["VX101"].stage == dashboard.IN_PROGRESS
    assert seen["VX201"].progress is None and seen["VX201"].stage == dashboard.REGISTERED  # answered, no consent
    consent.withdraw(org, head_office, owner)
    assert {b.code: b.progress for b in branches.branches_of(head_office)}["VX101"] is None


def test_consent_goes_only_to_the_branchs_own_head_office_and_is_kept_in_history(group, org, owner):
    head_office, _ = group
    other_head = make_organisation("AY202", make_user("other@group.example"))
    with pytest.raises(consent.NotItsHeadOffice):
        consent.grant(org, other_head, owner)
    assert not consent.has_consent(org, other_head)
    consent.grant(org, head_office, owner)
    assert consent.grant(org, head_office, owner) is not None  # twice changes nothing
    assert consent.branches_consenting(head_office) == {org.pk}
    association = make_support_organisation()
    assert not consent.has_consent(org, association)  # consent to the head office is not consent to anyone else
    key = "Fictional Care Group may see our progress"
    changes = [r.changes for r in ChangeRecord.objects.filter(organisation=org, area="Support").order_by("pk")]
    assert changes == [{key: ["No", "Yes"]}]


def test_the_branch_gives_consent_on_its_support_page_and_the_head_office_sees_it(group, client_for, org, owner):
    head_office, head_admin = group
    branch = client_for(owner)
    page = branch.get("/o/VX101/support/").content.decode()
    assert "Your head office: Fictional Care Group" in page and "/o/VX101/head-office/give/" in page
    assert "Let Fictional Care Group see your progress?" in branch.get("/o/VX101/head-office/give/").content.decode()
    assert not consent.has_consent(org, head_office)  # the GET asks; it changes nothing
    response = branch.post("/o/VX101/head-office/give/")
    assert response.status_code == 302 and consent.has_consent(org, head_office)
    head = client_for(head_admin)
    page = head.get("/o/AX101/branches/").content.decode()
    progress = {b.code: b.progress for b in branches.branches_of(head_office)}["VX101"]
    assert f"{progress.answered} of {progress.total} questions answered" in page
    assert "Not shared with you" in page  # VX201
    assert "Not registered here" in page  # VX301
    assert SECRET not in page and "Fictional Elsewhere" not in page
    branch.post("/o/VX101/head-office/withdraw/")
    assert "questions answered" not in head.get("/o/AX101/branches/").content.decode()


def test_who_may_do_what(group, client_for, org, owner):
    head_office, _head_admin = group
    viewer = make_user("viewer@meadowbrook.example")
    add_member(org, viewer, "viewer")
    assert client_for(viewer).post("/o/VX101/head-office/give/").status_code == 403  # administrators only
    assert not consent.has_consent(org, head_office)
    assert client_for(owner).get("/o/VX101/branches/").status_code == 404  # a site has no branches page
    assert client_for(owner).get("/o/AX101/branches/").status_code == 404  # not a member of the head office
    lone_admin = make_user("lone@care.example")
    make_organisation("VX501", lone_admin)
    assert client_for(lone_admin).get("/o/VX501/head-office/give/").status_code == 404  # no head office here
    assert client_for(lone_admin).post("/o/VX501/head-office/give/").status_code == 404


def test_only_head_offices_have_branches_in_their_navigation(group, client_for, owner):
    _head_office, head_admin = group
    assert 'href="/o/AX101/branches/"' in client_for(head_admin).get("/o/AX101/").content.decode()
    assert "/branches/" not in client_for(owner).get("/o/VX101/").content.decode()


def _add_branches(head_office, framework, start: int, count: int):
    for number in range(start, start + count):
        code = f"V{number:04d}"
        make_directory_entry(code, f"Fictional Branch {number}", parent=head_office.ods_code)
        admin = make_user(f"branch{number}@care.example")
        branch = make_organisation(code, admin)
        assessment = carry_over.start(branch, framework, admin)
        answer_all(assessment, admin, levels=["approaching"])
        consent.grant(branch, head_office, admin)


def test_the_page_makes_a_fixed_number_of_queries(group, client_for, frameworks):
    head_office, head_admin = group
    client = client_for(head_admin)
    _add_branches(head_office, frameworks["2025-26"], 1000, 2)
    client.get("/o/AX101/branches/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/o/AX101/branches/").status_code == 200
    _add_branches(head_office, frameworks["2025-26"], 2000, 12)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/o/AX101/branches/").content.decode()
    assert "17 branches: 16 registered here, 14 sharing their progress with you." in page
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
