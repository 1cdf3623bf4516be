"""Steps for answering assessment questions in the browser, one control per answer type.

`fill_answer(page, question, ...)` fills the form on a question page with an answer that counts, using the labels
a person sees (so a renamed or missing control fails the step). `save_and_continue` presses the button and checks
the success banner. `missing_refs` reads the "What stands between you and ..." list on the assessment home page.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from tests.e2e.steps import heading, press

GOOD_TEXT = (
    "Our registered manager, Priya Shah, checks this every month and writes the result in the office diary; "
    "the owners see the notes at each quarterly meeting."
)
ICO_NUMBER = "ZA123456"


def question_url(live_server, year: str, ref: str, ods_code: str = "VX101") -> str:
    return f"{live_server.url}/o/{ods_code}/assessment/{year}/q/{ref}/"


def write_small_pdf(path: Path, title: str = "Information asset register") -> bytes:
    """A real, tiny, one-page PDF (correct cross-reference table), written to `path`; returns its bytes."""
    stream = f"BT /F1 18 Tf 72 720 Td ({title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    content = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(content))
        content += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(content)
    content += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    content += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    content += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(content))
    return bytes(content)


def acceptable_choice_label(question) -> str:
    rules = question.rules or {}
    labels = {choice["value"]: choice["label"] for choice in rules.get("choices", [])}
    return labels[(rules.get("acceptable") or ["yes"])[0]]


def fill_answer(page, question, *, upload: Path | None = None, link: str = "", comment: str = "") -> str:
    """Fill the question page's form with an answer that counts; return a short description of what was entered."""
    form = page.locator("main form").filter(has=page.get_by_role("button", name="Save and continue"))
    kind = question.answer_type
    if kind == "confirm":
        form.get_by_label("I confirm this is true for our organisation").check()
        entered = "ticked the confirmation"
    elif kind == "yes_no":
        form.get_by_label("Yes", exact=True).check()
        entered = "Yes"
    elif kind == "choice":
        entered = acceptable_choice_label(question)
        form.get_by_label(entered, exact=True).check()
    elif kind == "text":
        form.get_by_label("Your answer", exact=True).fill(GOOD_TEXT)
        entered = GOOD_TEXT
    elif kind == "date":
        day = timezone.localdate() - datetime.timedelta(days=30)
        form.get_by_label("Day").fill(str(day.day))
        form.get_by_label("Month").fill(str(day.month))
        form.get_by_label("Year").fill(str(day.year))
        entered = day.isoformat()
    elif kind == "text_date":
        # How it is tested (the answer that counts), and the date of the last test (optional, given here)
        form.get_by_label("How do you test it?", exact=True).fill(GOOD_TEXT)
        day = timezone.localdate() - datetime.timedelta(days=30)
        form.get_by_label("Day").fill(str(day.day))
        form.get_by_label("Month").fill(str(day.month))
        form.get_by_label("Year").fill(str(day.year))
        entered = GOOD_TEXT
    elif kind == "number":
        form.get_by_label("Number", exact=True).fill("12")
        entered = "12"
    elif kind == "percentage":
        form.get_by_label("Percentage", exact=True).fill("97")
        entered = "97"
    elif kind == "ico_number":
        form.get_by_label("ICO registration number", exact=True).fill(ICO_NUMBER)
        entered = ICO_NUMBER
    elif kind == "document":
        form.get_by_label("Where is the document kept?").fill("Policies folder on the office computer")
        if link:
            form.get_by_label("Link to the document (optional)").fill(link)
        if upload:
            # The NHS.UK file upload component (with JavaScript) shows a "Choose file" button labelled by the
            # field's label; it opens the file chooser, as a person would use it
            with page.expect_file_chooser() as chooser:
                form.get_by_label("Upload the document (optional)").click()
            chooser.value.set_files(str(upload))
        entered = "Policies folder on the office computer"
    else:
        raise AssertionError(f"no step for answer type {kind!r} (question {question.ref})")
    if comment:
        form.get_by_label("Comments (optional)").fill(comment)
    return entered


def banner_text(page) -> str:
    banners = page.locator(".nhsuk-notification-banner")
    return " ".join(banners.all_inner_texts())


def save_and_continue(page, question) -> None:
    """Press Save and continue and check the answer was saved (no error summary, the success banner)."""
    press(page, "Save and continue")
    problems = page.locator(".nhsuk-error-summary")
    assert problems.count() == 0, f"{question.ref}: {problems.inner_text()}"
    assert f"Your answer to {question.ref} has been saved" in banner_text(page), (question.ref, heading(page))


def missing_list(page):
    """The links of the "What stands between you and ..." task list (empty when there is no such list)."""
    return page.locator("h2#missing ~ ul.nhsuk-task-list a.nhsuk-task-list__link")


def ref_of(href: str) -> str:
    """'/o/VX101/assessment/2024-25/q/1.1.2/' -> '1.1.2'"""
    return href.rstrip("/").split("/q/")[1].split("/")[0]


def missing_refs(page) -> list[str]:
    """The question references in that list, in its order."""
    return [ref_of(href) for href in missing_list(page).evaluate_all("links => links.map(a => a.getAttribute('href'))")]


def status_tag(page) -> str:
    """The tag after "Your answers now reach:" on the assessment home page."""
    return page.locator("main p").filter(has_text="Your answers now reach").locator(".nhsuk-tag").inner_text().strip()
