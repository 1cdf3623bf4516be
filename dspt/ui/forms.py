"""Form fields that read the way people type, with messages that say what to do."""

import datetime
import re

from django import forms
from django.utils import timezone

from dspt.ui.presenters import lower_first
from dspt.ui.widgets import NhsDateWidget

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


_NUMBER = re.compile(r"[0-9]{1,4}")  # ASCII digits only: "²", "٣" and "１" pass str.isdigit() but are not numbers here
EXAMPLE_DAY, EXAMPLE_MONTH = 27, 3


class DateField(forms.Field):
    """A date typed into three boxes. Accepts month names ("Jun") as well as numbers.

    Each box must hold 1 to 4 ordinary digits (the month may be a name instead), so nothing typed can make the date
    fail with anything but a message. The hint (when none is given) and every message use one example date that
    suits the field: last year's 27 March where the date may not be in the future, next year's where it may not be
    in the past, this year's otherwise; the year is worked out when shown, so it stays right next year.
    """

    widget = NhsDateWidget

    def __init__(self, *, allow_future=True, allow_past=True, **kwargs):
        self.allow_future = allow_future
        self.allow_past = allow_past
        super().__init__(**kwargs)

    @property
    def help_text(self):
        return self._help_text or f"For example, {self.example()}"

    @help_text.setter
    def help_text(self, value):
        self._help_text = value

    def example_year(self) -> str:
        year = timezone.localdate().year
        if not self.allow_future:
            year -= 1
        elif not self.allow_past:
            year += 1
        return str(year)

    def example(self) -> str:
        return f"{EXAMPLE_DAY} {EXAMPLE_MONTH} {self.example_year()}"

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        day, month, year = value
        label = self.label or "The date"
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise forms.ValidationError(f"{label} must include a {' and '.join(missing)}")
        if not _NUMBER.fullmatch(day):
            raise forms.ValidationError(f"The day of {lower_first(label)} must be a number, like {EXAMPLE_DAY}")
        month_number = int(month) if _NUMBER.fullmatch(month) else MONTHS.get(month.lower())
        if month_number is None:
            raise forms.ValidationError(
                f"The month of {lower_first(label)} must be a number from 1 to 12 or its name, "
                f"like {EXAMPLE_MONTH} or March"
            )
        if not (_NUMBER.fullmatch(year) and len(year) == 4):
            raise forms.ValidationError(
                f"The year of {lower_first(label)} must have 4 numbers, like {self.example_year()}"
            )
        try:
            return datetime.date(int(year), month_number, int(day))
        except ValueError as error:
            raise forms.ValidationError(f"{label} must be a real date, like {self.example()}") from error

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        today = timezone.localdate()
        label = self.label or "The date"
        if not self.allow_future and value > today:
            raise forms.ValidationError(f"{label} must be today or in the past")
        if not self.allow_past and value < today:
            raise forms.ValidationError(f"{label} must be today or in the future")


def posted(request):
    """The submitted data for a form, or None on GET (an empty POST still binds, so its errors show)."""
    return request.POST if request.method == "POST" else None
