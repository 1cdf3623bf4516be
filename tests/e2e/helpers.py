"""Steps shared by browser tests: accessibility checks and error-summary checks."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.2 AA rules) on the page as it is now; fail with the violations."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def expect_error(page, message: str) -> None:
    """The error summary names the problem, its link moves focus to the field, and the title says Error."""
    assert page.title().startswith("Error:"), page.title()
    summary = page.locator(".nhsuk-error-summary")
    link = summary.get_by_role("link", name=message)
    link.click()
    target = link.get_attribute("href").lstrip("#")
    focused = page.evaluate("document.activeElement && document.activeElement.id")
    assert focused == target, (focused, target)
