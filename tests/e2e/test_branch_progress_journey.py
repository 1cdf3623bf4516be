"""A head office follows its branches' progress, in a browser: one branch's administrator gives consent on its
Support page, the head office sees that branch's progress and only the published status of the other, and the
branch withdraws it again."""

import pytest

from dspt.assessments import carry_over
from dspt.support import branches
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import answer_all, make_directory_entry, make_organisation, make_user


@pytest.fixture
def group(transactional_db, frameworks):
    """Head office AX1Y; its branches VX111 and VX112 registered on their own and have answered questions."""
    make_directory_entry("AX1Y", "Fictional Care Group")
    people = {"director": make_user("director@group.example", full_name="Dee Director")}
    head_office = make_organisation("AX1Y", people["director"], name="Fictional Care Group")
    for code, name in [("VX111", "Fictional House One"), ("VX112", "Fictional House Two")]:
        make_directory_entry(code, name, parent="AX1Y")
        people[code] = make_user(f"manager@{code.lower()}.example", full_name=f"Manager {code}")
        branch = make_organisation(code, people[code], name=name)
        answer_all(carry_over.start(branch, frameworks["2025-26"], people[code]), people[code], levels=["approaching"])
    return head_office, people


def open_branches(page, live_server):
    page.goto(f"{live_server.url}/o/AX1Y/")
    link = page.locator("header").get_by_role("link", name="Branches")
    if not link.is_visible():  # the navigation folds what does not fit under "More"
        page.locator("header").get_by_role("button", name="More").click()
    link.click()
    page.wait_for_load_state()
    assert heading(page) == "Your branches' progress"


def progress_cells(page) -> dict[str, str]:
    rows = page.locator("#branches tbody tr")
    return {
        rows.nth(i).get_attribute("data-code"): rows.nth(i)
        .locator("[data-progress]")
        .inner_text()
        .replace("Progress", "", 1)
        .strip()
        for i in range(rows.count())
    }


def test_a_branch_lets_its_head_office_follow_its_progress(browser, live_server, group):
    head_office, people = group
    branch_page = browser.new_page()
    head_page = browser.new_page()
    for page in (branch_page, head_page):
        stay_on_this_machine(page)
    story = Story(branch_page)
    sign_in_with_session_cookie(branch_page, live_server, people["VX111"])
    sign_in_with_session_cookie(head_page, live_server, people["director"])

    # The head office sees no progress before anyone agrees
    open_branches(head_page, live_server)
    assert progress_cells(head_page) == {"VX111": "Not shared with you", "VX112": "Not shared with you"}

    # House One's manager gives consent on the Support page, looking at the question first
    branch_page.goto(f"{live_server.url}/o/VX111/")
    branch_page.locator("header").get_by_role("link", name="Support").click()
    card = branch_page.locator("#head-office")
    assert "Your head office: Fictional Care Group" in card.inner_text()
    card.get_by_role("button", name="Give consent").click()
    assert heading(branch_page) == "Let Fictional Care Group see your progress?"
    story.check_accessible()
    branch_page.get_by_role("link", name="Go back without changing anything").click()
    assert "Cannot see your progress" in branch_page.locator("#head-office").inner_text()  # going back changed nothing
    branch_page.locator("#head-office").get_by_role("button", name="Give consent").click()
    press(branch_page, "Give consent")
    assert "Can see your progress" in branch_page.locator("#head-office").inner_text()

    # The head office now sees House One's progress, as counts, and still nothing of House Two's
    head_page.reload()
    story.page = head_page
    story.check_accessible()
    expected = {b.code: b.progress for b in branches.branches_of(head_office)}["VX111"]
    cells = progress_cells(head_page)
    assert cells["VX111"] == f"{expected.status_label}: {expected.answered} of {expected.total} questions answered"
    assert cells["VX112"] == "Not shared with you"
    assert "sharing its progress with you" in head_page.content()

    # House One withdraws, and it stops at once
    branch_page.locator("#head-office").get_by_role("button", name="Withdraw consent").click()
    press(branch_page, "Withdraw consent")
    head_page.reload()
    assert progress_cells(head_page)["VX111"] == "Not shared with you"
    story.assert_no_problems()
