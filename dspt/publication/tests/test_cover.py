"""A branch registered here on its own sees its head office's cover and can end it at once; from then on none of
that head office's publications stands as the branch's public status, history or first publication."""

import datetime

import pytest
from django.test import Client

from dspt.history.models import ChangeRecord
from dspt.publication import cover, public, publish
from dspt.publication.models import PublicStatus
from dspt.status_search.tests.conftest import directory, framework, publish_rows
from dspt.verification.models import EndedCover
from tests.factories import add_member, make_organisation, make_user
from tests.test_get_writes_nothing import changed, fingerprint

URL = "/o/VX111/publish/head-office-cover/"


@pytest.fixture
def group(db):
    """Head office AX1Y published for itself and its branches VX111 and VX112 in 2024-25 and again in 2025-26."""
    directory("AX1Y", "Fictional Care Group")
    directory("VX111", "Fictional House One", parent="AX1Y")
    directory("VX112", "Fictional House Two", parent="AX1Y")
    framework("2024-25")
    framework("2025-26")
    director = make_user("director@group.example")
    head_office = make_organisation("AX1Y", director, name="Fictional Care Group")
    codes = ["AX1Y", "VX111", "VX112"]
    publish_rows(head_office, "approaching", "2024-25", datetime.date(2024, 6, 1), site_codes=codes, user=director)
    publish_rows(head_office, "met", "2025-26", datetime.date(2025, 7, 1), site_codes=codes, user=director)
    return head_office


@pytest.fixture
def branch(group):
    """VX111 registers here on its own later, with an administrator and a viewer."""
    manager = make_user("manager@house-one.example")
    house = make_organisation("VX111", manager)
    add_member(house, make_user("viewer@house-one.example"), "viewer")
    return house


def admin_of(organisation):
    return organisation.memberships.get(role="admin").user


def test_the_branch_sees_which_head_office_covers_it(client_for, branch):
    found = cover.current_cover(branch)
    assert (found.head_office.ods_code, found.year, found.status) == ("AX1Y", "2025-26", "met")
    assert found.sentence == "Fictional Care Group (AX1Y) covers you in its 2025-26 publication (Standards Met)."
    home = client_for(admin_of(branch)).get("/o/VX111/").content.decode()
    assert "Fictional Care Group (AX1Y) covers you in its 2025-26 publication" in home
    assert f'href="{URL}">End this cover</a>' in home
    viewer = branch.memberships.get(role="viewer").user
    viewer_home = client_for(viewer).get("/o/VX111/").content.decode()
    assert "covers you" in viewer_home and "End this cover" not in viewer_home
    assert "Your administrators can end it." in viewer_home


def test_a_head_office_and_an_unrelated_organisation_see_no_cover(group, org):
    assert cover.current_cover(group) is None
    assert cover.current_cover(org) is None


def test_ending_the_cover_takes_the_head_office_out_of_the_branchs_public_status_and_history(branch, group):
    manager = admin_of(branch)
    ended = cover.end_cover(branch, manager)
    assert ended.head_office == group
    assert not PublicStatus.objects.filter(ods_code="VX111").exists()
    assert public.status_of("VX111").status_label == "Not published"
    assert public.history_for("VX111") == []
    assert [site["ods_code"] for site in public.also_covers("AX1Y")] == ["VX112"]
    assert public.status_of("VX112").status == "met"  # the other branch is untouched
    (ending,) = EndedCover.objects.all()
    assert (ending.branch, ending.head_office, ending.ended_by) == (branch, group, manager)
    record = ChangeRecord.objects.get(organisation=branch, area="Publication")
    assert (record.actor, record.action, record.object_label) == (
        manager,
        ChangeRecord.DELETED,
        "Cover by Fictional Care Group (AX1Y)",
    )
    assert record.changes == {"Covered by": ["Fictional Care Group (AX1Y), 2025-26 Standards Met", "Ended"]}
    with pytest.raises(cover.NoCover):
        cover.end_cover(branch, manager)


def test_after_ending_it_the_branchs_own_publication_is_its_status(branch):
    cover.end_cover(branch, admin_of(branch))
    publish_rows(branch, "approaching", "2025-26", datetime.date(2025, 9, 1))
    assert public.status_of("VX111").status == "approaching"
    cover.refresh_public_status("VX111")
    view = public.status_of("VX111")
    assert (view.status, view.published_by_code) == ("approaching", "")


def test_a_head_offices_cover_no_longer_counts_as_the_branchs_first_publication(client_for, branch, frameworks):
    from dspt.assessments import carry_over

    assessment = carry_over.start(branch, frameworks["2025-26"], admin_of(branch))
    overview = client_for(admin_of(branch)).get("/o/VX111/publish/").content.decode()
    assert "Fictional Care Group (AX1Y) covers you in its 2025-26 publication" in overview
    assert publish.journey(assessment).published_before
    cover.end_cover(branch, admin_of(branch))
    assert not publish.journey(assessment).published_before


def test_the_page_asks_first_and_ends_it_on_the_button(client_for, branch):
    client = client_for(admin_of(branch))
    before = fingerprint()
    page = client.get(URL)
    assert page.status_code == 200 and changed(before, fingerprint()) == []
    text = page.content.decode()
    assert "Fictional Care Group (AX1Y) covers you in its 2025-26 publication" in text
    assert "End this cover" in text
    response = client.post(URL)
    assert response.status_code == 302 and response["Location"] == "/o/VX111/publish/"
    assert cover.current_cover(branch) is None
    again = client.get(URL).content.decode()
    assert "No head office covers" in again and "End this cover</button>" not in again
    assert client.post(URL).status_code == 200  # nothing left to end: the page says so


def test_only_administrators_can_end_it(client_for, branch, outsider):
    viewer = branch.memberships.get(role="viewer").user
    assert client_for(viewer).post(URL).status_code == 403
    assert client_for(outsider).post(URL).status_code == 404
    assert Client().post(URL).status_code == 302  # to sign in
    assert cover.current_cover(branch) is not None
