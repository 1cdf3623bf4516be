"""Small steps shared by the browser stories: signing in, reading emails, moving through pages."""

import re

from django.conf import settings
from django.test import Client

from conftest import text_of

LINK = re.compile(r"https?://\S+?/link/[A-Za-z0-9_\-]+/")
ELSEWHERE = re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])")


def stay_on_this_machine(page, timeout_ms: int = 5_000) -> None:
    """Refuse requests to other hosts (the NHS fonts on assets.nhs.uk: their failed DNS look-ups can hold up
    the load event by seconds; the pages fall back to Arial) and fail a step after `timeout_ms`, not 30 s."""
    page.context.route(ELSEWHERE, lambda route: route.abort())
    page.set_default_timeout(timeout_ms)


def sign_in_with_session_cookie(page, live_server, user) -> None:
    """Sign `user` in without the form: a real Django session, its cookie handed to the browser."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])


def sign_in_with_form(page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def link_in(message, live_server) -> str:
    """The one /link/... address in an email's plain text; it must point at the live server."""
    text = text_of(message)
    found = LINK.findall(text)
    assert len(found) == 1, f"expected one link in the email, found {found}:\n{text}"
    assert found[0].startswith(live_server.url + "/link/"), (found[0], live_server.url)
    return found[0]


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


def press(page, name: str) -> None:
    """Select the button called `name` (and wait for the page it leads to)."""
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


class Story:
    """Notes what went wrong on the way through a journey, so one run shows every problem, not just the first.

    `check_accessible` runs helpers.assert_accessible on the page as it is now and keeps any violations;
    `expect` keeps a failed expectation that does not stop the journey going on. `assert_no_problems` (call it
    at the end of the test) fails with all of them. Anything the next step depends on is a plain assert.
    """

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        self.pages_checked: list[str] = []

    def check_accessible(self) -> None:
        from tests.e2e.helpers import assert_accessible

        self.pages_checked.append(f"{heading(self.page)} ({self.page.url})")
        try:
            assert_accessible(self.page)
        except AssertionError as error:
            self.problems.append(f"Accessibility: {error}")

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            self.problems.append(f"On {self.page.url}: {message}")

    def assert_no_problems(self) -> None:
        assert not self.problems, f"{len(self.problems)} problem(s):\n\n" + "\n\n".join(self.problems)
