"""The answer types with one field: a tick, text, a date, a number, a percentage, an ICO registration number."""

import datetime
from decimal import Decimal

from django import forms

from dspt.frameworks.answer_types.base import (
    AnswerType,
    Verdict,
    as_date,
    as_number,
    is_number,
    months_before,
    resolve_minimum,
)
from dspt.lib import ico
from dspt.ui.forms import DateField
from dspt.ui.presenters import long_date

CONFIRM, TEXT, DATE, NUMBER = "confirm", "text", "date", "number"
PERCENTAGE, ICO_NUMBER = "percentage", "ico_number"
SHORT_INPUT = "nhsuk-input--width-10"


class Confirm(AnswerType):
    key, label = CONFIRM, "Confirmation tick"
    missing_message = "Tick the box to confirm, or save as a draft if you are not ready"

    def fields(self, rules, thresholds):
        return {"answer": forms.BooleanField(label="I confirm this is true for our organisation", required=False)}

    def is_missing(self, cleaned, has_files):
        return not cleaned.get("answer")

    def store(self, cleaned, draft):
        answer = cleaned.get("answer")
        return {"confirmed": bool(answer)} if answer or not draft else {}

    def initial(self, value):
        return {"answer": value["confirmed"]} if "confirmed" in value else {}

    def has_content(self, value, file_count):
        return "confirmed" in value

    def check(self, value, rules, thresholds, today):
        return Verdict(bool(value.get("confirmed")), "Not confirmed", "Tick the box to confirm")

    def describe(self, value, rules, files):
        return {True: "Confirmed", False: "Not confirmed"}.get(value.get("confirmed"), "")

    def demo_value(self, rules, today):
        return {"confirmed": True}


class Text(AnswerType):
    key, label = TEXT, "Text"
    may_have_rules = ("min_length",)
    not_applicable_box = True

    def fields(self, rules, thresholds):
        return {
            "answer": forms.CharField(
                label="Your answer", required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
            )
        }

    def store(self, cleaned, draft):
        answer = cleaned.get("answer")
        return {"text": answer.strip()} if answer else {}

    def initial(self, value):
        return {"answer": value.get("text")}

    def has_content(self, value, file_count):
        return bool((value.get("text") or "").strip())

    def check(self, value, rules, thresholds, today):
        text = (value.get("text") or "").strip()
        min_length = int(rules.get("min_length") or 1)
        if len(text) >= min_length:
            return Verdict(True)
        return Verdict(False, "The answer is too short", f"Write at least {min_length} characters")

    def describe(self, value, rules, files):
        return value.get("text", "")

    def demo_value(self, rules, today):
        return {"text": "Described in our data protection policy, section 4, reviewed by the manager this year."}


class Date(AnswerType):
    key, label = DATE, "Date"
    needs_rules = ("max_age_months",)
    not_applicable_box = True
    missing_message = "Enter the date"

    def fields(self, rules, thresholds):
        return {"answer": DateField(label="Date", required=False, allow_future=False)}

    def store(self, cleaned, draft):
        answer = cleaned.get("answer")
        return {"date": answer.isoformat()} if isinstance(answer, datetime.date) else {}

    def initial(self, value):
        return {"answer": datetime.date.fromisoformat(value["date"])} if value.get("date") else {}

    def has_content(self, value, file_count):
        return bool(value.get("date"))

    def check(self, value, rules, thresholds, today):
        day = as_date(value.get("date"))
        if day is None:
            return Verdict(False, "The date is missing", "Enter the date")
        if day > today:
            return Verdict(False, "The date is in the future", "Enter a date that has passed")
        max_age = rules.get("max_age_months")
        if max_age and day < months_before(today, int(max_age)):
            return Verdict(False, f"The date is more than {max_age} months ago", "Do it again and enter the new date")
        return Verdict(True)

    def describe(self, value, rules, files):
        return long_date(datetime.date.fromisoformat(value["date"])) if value.get("date") else ""

    def demo_value(self, rules, today):
        return {"date": today.isoformat()}


class Number(AnswerType):
    key, label = NUMBER, "Number"
    may_have_rules = ("minimum",)
    not_applicable_box = True
    missing_message = "Enter a number"
    render = {"answer": {"classes": SHORT_INPUT}}
    unit = ""

    def fields(self, rules, thresholds):
        field = forms.DecimalField(
            label="Number", required=False, min_value=0, max_digits=12, decimal_places=2, localize=False
        )
        field.error_messages["invalid"] = "Enter a number, like 12"
        return {"answer": field}

    def store(self, cleaned, draft):
        answer = cleaned.get("answer")
        return {"number": f"{answer.normalize():f}"} if answer is not None else {}

    def initial(self, value):
        return {"answer": value.get("number")}

    def has_content(self, value, file_count):
        return str(value.get("number", "")).strip() != ""

    def check(self, value, rules, thresholds, today):
        number = as_number(value.get("number"))
        if number is None:
            return Verdict(False, "The answer is not a number", "Enter a number")
        minimum, unit = resolve_minimum(rules.get("minimum"), thresholds), self.unit
        if minimum is not None and number < minimum:
            return Verdict(False, f"{number:f}{unit} is below the {minimum:f}{unit} needed", f"Reach {minimum:f}{unit}")
        return Verdict(True)

    def describe(self, value, rules, files):
        return str(value.get("number", ""))

    def demo_value(self, rules, today):
        return {"number": "100"}


class Percentage(Number):
    key, label = PERCENTAGE, "Percentage"
    missing_message = "Enter the percentage"
    render = {"answer": {"classes": SHORT_INPUT, "suffix": "%"}}
    unit = "%"

    def fields(self, rules, thresholds):
        minimum = resolve_minimum(rules.get("minimum"), thresholds)
        hint = f"Enter a number from 0 to 100. To count, it must be at least {minimum:f}%" if minimum else None
        field = forms.DecimalField(label="Percentage", required=False, max_digits=5, decimal_places=2, help_text=hint)
        field.error_messages["invalid"] = "Enter the percentage as a number, like 96"
        return {"answer": field}

    def clean_answer(self, value):
        if value is not None and not (Decimal(0) <= value <= Decimal(100)):
            raise forms.ValidationError("A percentage must be between 0 and 100")
        return value

    def describe(self, value, rules, files):
        return f"{value['number']}%" if value.get("number") not in (None, "") else ""

    def rule_problems(self, rules, thresholds):
        minimum = rules.get("minimum")
        if isinstance(minimum, str) and minimum.startswith("@"):
            minimum = thresholds.get(minimum[1:])
        if is_number(minimum) and not 0 <= minimum <= 100:
            return [("minimum", f"{minimum} is not a percentage (0-100)")]
        return []


class IcoNumber(AnswerType):
    key, label = ICO_NUMBER, "ICO registration number"
    missing_message = "Enter your ICO registration number"
    render = {"answer": {"classes": SHORT_INPUT}}

    def fields(self, rules, thresholds):
        return {
            "answer": forms.CharField(
                label="ICO registration number", required=False, max_length=20, help_text="For example, ZA123456"
            )
        }

    def clean_answer(self, value):
        if value:
            value = ico.normalise(value)
            if not ico.is_valid(value):
                raise forms.ValidationError(ico.ICO_FORMAT_MESSAGE)
        return value

    def store(self, cleaned, draft):
        answer = cleaned.get("answer")
        return {"ico": answer} if answer else {}

    def initial(self, value):
        return {"answer": value.get("ico")}

    def has_content(self, value, file_count):
        return bool(value.get("ico"))

    def check(self, value, rules, thresholds, today):
        if ico.is_valid(value.get("ico") or ""):
            return Verdict(True)
        return Verdict(False, "The ICO number is not in the right format", "Enter a number like ZA123456")

    def describe(self, value, rules, files):
        return value.get("ico", "")

    def demo_value(self, rules, today):
        return {"ico": "ZA123456"}
