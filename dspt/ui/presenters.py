"""Display helpers shared by every page: dates, tags and plain-English labels."""

import datetime
import re

from django.utils import timezone


def long_date(value) -> str:
    """1 July 2026 (dates, also written YYYY-MM-DD as in frozen publications) or 1 July 2026 at 2:05pm (times, in
    UK time)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value)
        hour = local.strftime("%I").lstrip("0") or "12"
        return f"{local.day} {local:%B %Y} at {hour}:{local:%M}{local.strftime('%p').lower()}"
    return f"{value.day} {value:%B %Y}"


def yes_no(value) -> str:
    return {True: "Yes", False: "No", None: "Not answered"}.get(value, str(value))


def or_not_given(value, text="Not given") -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value if value not in (None, "") else text


# Names that start with ordinary-looking capitalised words; they keep their capitals mid-sentence.
NAMES = (
    "Caldicott Guardian",
    "Care Quality Commission",
    "Cyber Essentials",
    "Data Protection Officer",
    "Data Security and Protection Toolkit",
    "Information Commissioner",
    "Senior Information Risk Owner",
)
_FIRST_WORD = re.compile(r"[A-Z][a-z]*(?![\w'’-]*[A-Z])")  # capital, then no other capital in the word


def lower_first(text: str) -> str:
    """`text` as it reads in the middle of a sentence ("Change <label>", "To count: <fix>"): the first letter of its
    first word lower-cased when that is an ordinary word. Acronyms and any other word with more than one capital
    (ICO, SIRO, DPO, IG, ODS, NHS, DSPT, CQC, MFA, IT, UK GDPR, NHSmail), "I", and the NAMES stay as they are.
    Use it instead of .lower() or `| lower`, which turn "ICO" into "ico" (read out as a word by screen readers)."""
    text = str(text)
    word = _FIRST_WORD.match(text)
    if word is None or word.group() == "I" or text.startswith(NAMES):
        return text
    return text[0].lower() + text[1:]


FILTERS = {"long_date": long_date, "yes_no": yes_no, "or_not_given": or_not_given, "lower_first": lower_first}
