"""Display helpers shared by every page: dates, tags and plain-English labels."""

import datetime

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


FILTERS = {"long_date": long_date, "yes_no": yes_no, "or_not_given": or_not_given}
