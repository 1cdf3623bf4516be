"""Form fields that read the way people type, with messages that say what to do."""

import datetime

from django import forms
from django.utils import timezone

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


class DateField(forms.Field):
    """A date typed into three boxes. Accepts month names ("Jun") as well as numbers."""

    widget = NhsDateWidget

    def __init__(self, *, allow_future=True, allow_past=True, **kwargs):
        self.allow_future = allow_future
        self.allow_past = allow_past
        super().__init__(**kwargs)

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
        month_number = MONTHS.get(month.lower()) if not month.isdigit() else int(month)
        if not (day.isdigit() and year.isdigit() and month_number):
            raise forms.ValidationError(f"{label} must be a real date, like 27 3 2025")
        if len(year) != 4:
            raise forms.ValidationError(f"The year of {label.lower()} must have 4 numbers, like 2025")
        try:
            return datetime.date(int(year), month_number, int(day))
        except ValueError as error:
            raise forms.ValidationError(f"{label} must be a real date, like 27 3 2025") from error

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
