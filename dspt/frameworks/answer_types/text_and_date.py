"""A text answer with an optional date: how something is tested, and when it was last tested.

Used by 7.2.1 (how the data and cyber security parts of the business continuity plan are tested). The text counts
when it is long enough (`min_length`, default 1); the date is optional and only ever in the past. Stored as
{"text": ..., "date": "YYYY-MM-DD"}, either part left out when not given.

7.2.1 was a date question before (stored as {"date": ...}). Such a value still reads sensibly ("Last tested 3 May
2025") and is not missing, but it does not count until someone describes how the plan is tested, and the reason
says so. For another wording ("last reviewed"), subclass this with its own key, labels and phrase.
"""

import datetime

from django import forms

from dspt.frameworks.answer_types.base import AnswerType, Verdict, as_date
from dspt.ui.forms import DateField
from dspt.ui.presenters import long_date

TEXT_AND_DATE = "text_date"  # Question.answer_type holds at most 12 characters


class TextAndDate(AnswerType):
    key, label = TEXT_AND_DATE, "Text, with the date last tested"
    may_have_rules = ("min_length",)
    not_applicable_box = True
    missing_message = "Describe how you test it"
    text_label = "How do you test it?"
    date_label = "Date of the last test"
    date_hint = "If you have tested it, give the date of the last test"
    date_phrase = "last tested"

    def fields(self, rules, thresholds):
        text = forms.CharField(
            label=self.text_label, required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
        )
        date = DateField(label=self.date_label, required=False, allow_future=False)
        date.help_text = f"{self.date_hint}. For example, {date.example()}"
        return {"answer": text, "date": date}

    def is_missing(self, cleaned, has_files):
        return not (cleaned.get("answer") or "").strip()

    def store(self, cleaned, draft):
        value = {}
        if (cleaned.get("answer") or "").strip():
            value["text"] = cleaned["answer"].strip()
        if isinstance(cleaned.get("date"), datetime.date):
            value["date"] = cleaned["date"].isoformat()
        return value

    def initial(self, value):
        day = as_date(value.get("date")) if value.get("date") else None
        return {"answer": value.get("text", ""), "date": day}

    def has_content(self, value, file_count):
        return bool(str(value.get("text") or "").strip() or value.get("date"))

    def check(self, value, rules, thresholds, today):
        text = str(value.get("text") or "").strip()
        min_length = int(rules.get("min_length") or 1)
        if not text:
            return Verdict(
                False,
                f"The answer gives only the date it was {self.date_phrase}, not how it is tested",
                "Describe how you test it, then save",
            )
        if len(text) < min_length:
            return Verdict(False, "The answer is too short", f"Write at least {min_length} characters")
        if not value.get("date"):
            return Verdict(True)
        day = as_date(value["date"])
        if day is None:
            return Verdict(False, f"The {self.date_label.lower()} is not a real date", "Enter the date again")
        if day > today:
            return Verdict(False, f"The {self.date_label.lower()} is in the future", "Enter a date that has passed")
        return Verdict(True)

    def describe(self, value, rules, files):
        text = str(value.get("text") or "").strip()
        raw = value.get("date")
        if not raw:
            return text
        day = as_date(raw)
        when = long_date(day) if day else str(raw)
        return f"{text} ({self.date_phrase} {when})" if text else f"{self.date_phrase.capitalize()} {when}"

    def demo_value(self, rules, today):
        return {
            "text": "Once a year the manager runs a short exercise with the team: the care system is down for a "
            "shift. We note what went wrong and update the plan.",
            "date": today.isoformat(),
        }
