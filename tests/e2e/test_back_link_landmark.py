"""The back link sits inside a landmark (<main>), so axe-core's best-practice rule "region" passes.

A person using a screen reader's landmark list found the back link outside every landmark: NHS.UK's template puts
the `beforeContent` block between the header and <main>, and our layout rendered the back link there.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.helpers import WCAG_22_AA
from tests.e2e.steps import heading, sign_in_with_session_cookie, stay_on_this_machine

# (page, its h1, where the back link goes)
PAGES_WITH_A_BACK_LINK = [
    ("/o/VX101/people/invite/", "Invite someone", "/o/VX101/people/"),
    ("/o/VX101/assessment/2025-26/answers/", "Answer sheet 2025-26", "/o/VX101/assessment/2025-26/"),
    ("/account/name/", "Change your name", "/account/"),
]


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.mark.parametrize(
    ("path", "title", "back"), PAGES_WITH_A_BACK_LINK, ids=[path for path, _, _ in PAGES_WITH_A_BACK_LINK]
)
def test_the_back_link_is_inside_the_main_landmark(page, live_server, owner, assessment, path, title, back):
    sign_in_with_session_cookie(page, live_server, owner)

    page.goto(live_server.url + path)

    assert heading(page) == title
    back_link = page.locator(".nhsuk-back-link")
    assert back_link.count() == 1
    assert back_link.get_attribute("href") == back
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": [*WCAG_22_AA, "best-practice"]}})
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("main .nhsuk-back-link").count() == 1
