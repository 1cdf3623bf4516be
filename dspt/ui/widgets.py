"""Widgets whose HTML comes from NHS.UK macros (see field_rendering.py), with matching data parsing."""

from django import forms


class NhsDateWidget(forms.Widget):
    """Three boxes (day, month, year) posted as NAME[day], NAME[month], NAME[year]."""

    template_name = ""  # never rendered by Django: the dateInput macro renders it

    def value_from_datadict(self, data, files, name):
        parts = [data.get(f"{name}[{part}]", "").strip() for part in ("day", "month", "year")]
        if not any(parts):
            return None
        return parts

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}[{part}]" in data for part in ("day", "month", "year"))
