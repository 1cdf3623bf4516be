"""What advisers and providers type: slots to publish, a booking, notes, contact log entries, requests and replies."""

import datetime
import re

from django import forms

from dspt.advice import surgeries
from dspt.advice.models import Contact
from dspt.ui.forms import DateField

TIME = re.compile(r"\s*([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(am|pm)?\s*", re.IGNORECASE)
DATE = re.compile(r"([0-9]{1,2})\s*[/.\- ]\s*([0-9]{1,2})\s*[/.\- ]\s*([0-9]{4})")


def parse_time(text: str) -> datetime.time | None:
    """10:00, 10.30, 2pm, 2:30pm, 14:30; None when it is none of these."""
    match = TIME.fullmatch(text or "")
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def parse_dates(text: str) -> tuple[list[datetime.date], list[str]]:
    """The dates in `text` (one per line or separated by commas, like 27/3/2027 or 27 3 2027), and the parts that
    are not dates."""
    dates, wrong = [], []
    for part in re.split(r"[,;\n]+", text or ""):
        part = part.strip()
        if not part:
            continue
        match = DATE.fullmatch(part)
        try:
            dates.append(datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
        except (AttributeError, ValueError):
            wrong.append(part)
    return dates, wrong


class TimeField(forms.Field):
    """A time typed as people write it (10:00, 2:30pm)."""

    widget = forms.TextInput

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        parsed = parse_time(value) if len(value) <= 10 else None
        if parsed is None:
            raise forms.ValidationError(
                f"{self.label.removesuffix(' (optional)')} must be a time, like 10:00 or 2:30pm"
            )
        return parsed


LENGTHS = [("15", "15 minutes"), ("30", "30 minutes"), ("45", "45 minutes"), ("60", "1 hour")]
ONLINE, IN_PERSON = "online", "place"


class PublishForm(forms.Form):
    adviser = forms.ChoiceField(
        label="Who will run the surgeries?", error_messages={"required": "Select who will run the surgeries"}
    )
    dates = forms.CharField(
        label="Dates",
        help_text="One date on each line, or separated by commas, like 27/3/2027",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Enter at least one date, like 27/3/2027"},
    )
    first_start = TimeField(
        label="Start time of the first slot",
        help_text="For example, 10:00 or 2:30pm",
        error_messages={"required": "Enter the start time of the first slot, like 10:00"},
    )
    finish = TimeField(
        label="Finish time (optional)",
        required=False,
        help_text="Slots follow one another until this time. Leave it empty for one slot on each date",
    )
    minutes = forms.ChoiceField(
        label="How long is each slot?",
        choices=LENGTHS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how long each slot is", "invalid_choice": "Select how long each slot is"},
    )
    how = forms.ChoiceField(
        label="Where are the surgeries?",
        choices=[(ONLINE, "Online"), (IN_PERSON, "In person")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the surgeries are online or in person",
            "invalid_choice": "Select whether the surgeries are online or in person",
        },
    )
    online_link = forms.URLField(
        label="Joining link",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Only for online surgeries. Only the provider who books a slot sees it",
        error_messages={"invalid": "Enter the joining link as a web address, like https://meet.example/abc"},
    )
    place = forms.CharField(label="Address", required=False, max_length=300, help_text="Only for surgeries in person")

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].choices = [(str(user.pk), str(user)) for user in staff]
        if len(self.fields["adviser"].choices) > 1:
            self.fields["adviser"].widget = forms.RadioSelect(choices=self.fields["adviser"].choices)

    def clean_dates(self):
        dates, wrong = parse_dates(self.cleaned_data["dates"])
        if wrong:
            raise forms.ValidationError(f"“{wrong[0]}” is not a date: write dates like 27/3/2027")
        if not dates:
            raise forms.ValidationError("Enter at least one date, like 27/3/2027")
        return dates

    def clean(self):
        cleaned = super().clean()
        how = cleaned.get("how")
        if how == ONLINE and not cleaned.get("online_link") and "online_link" not in self.errors:
            self.add_error("online_link", "Enter the joining link for the online surgeries")
        if how == IN_PERSON and not cleaned.get("place"):
            self.add_error("place", "Enter the address where the surgeries take place")
        return cleaned

    def plan(self) -> surgeries.Plan:
        data = self.cleaned_data
        return surgeries.Plan(
            dates=tuple(data["dates"]),
            first_start=data["first_start"],
            finish=data["finish"],
            minutes=int(data["minutes"]),
        )

    def where(self) -> dict:
        if self.cleaned_data["how"] == ONLINE:
            return {"online_link": self.cleaned_data["online_link"]}
        return {"place": self.cleaned_data["place"]}


class BookForm(forms.Form):
    question_refs = forms.CharField(
        label="Which questions do you need help with? (optional)",
        required=False,
        max_length=200,
        help_text="Their references, like 1.1.2, 3.2.1",
    )
    needs = forms.CharField(
        label="What do you need help with?",
        widget=forms.Textarea,
        max_length=2000,
        help_text="So the adviser can prepare",
        error_messages={"required": "Say what you need help with", "max_length": "Use 2000 characters or fewer"},
    )

    def clean_question_refs(self):
        refs = [ref for ref in re.split(r"[\s,;]+", self.cleaned_data["question_refs"]) if ref]
        wrong = [ref for ref in refs if not re.fullmatch(r"[0-9]{1,2}(\.[0-9]{1,2}){1,3}", ref)]
        if wrong:
            raise forms.ValidationError(f"“{wrong[0]}” is not a question reference: write them like 1.1.2")
        return ", ".join(refs)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label="Notes",
        widget=forms.Textarea,
        max_length=4000,
        help_text="What you talked about and agreed",
        error_messages={"required": "Enter your notes of the surgery"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=Contact.OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome", "invalid_choice": "Select the outcome"},
    )
    follow_up_on = DateField(label="Follow-up date (optional)", required=False, allow_past=False)


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of contact?",
        choices=[choice for choice in Contact.KINDS if choice[0] != Contact.HELP_REQUEST],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of contact", "invalid_choice": "Select the kind of contact"},
    )
    happened_on = DateField(label="Date", allow_future=False, error_messages={"required": "Enter the date"})
    with_whom = forms.CharField(label="Who did you speak to? (optional)", required=False, max_length=200)
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea,
        max_length=4000,
        error_messages={"required": "Enter a summary of the contact"},
    )
    follow_up_on = DateField(label="Follow-up date (optional)", required=False, allow_past=False)


class HelpRequestForm(forms.Form):
    support_organisation = forms.ChoiceField(
        label="Who would you like help from?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select who you would like help from",
            "invalid_choice": "Select who you would like help from",
        },
    )
    question_ref = forms.CharField(
        label="Question (optional)", required=False, max_length=20, help_text="Its reference, like 1.1.2"
    )
    note = forms.CharField(
        label="What do you need help with?",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Say what you need help with", "max_length": "Use 2000 characters or fewer"},
    )

    def __init__(self, *args, supporters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.supporters = {str(s.pk): s for s in supporters}
        self.fields["support_organisation"].choices = [(key, s.name) for key, s in self.supporters.items()]
        if len(self.supporters) == 1:
            self.fields["support_organisation"].initial = next(iter(self.supporters))
            self.fields["support_organisation"].widget = forms.HiddenInput()

    def clean_support_organisation(self):
        return self.supporters[self.cleaned_data["support_organisation"]]


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label="Your reply",
        widget=forms.Textarea,
        max_length=4000,
        help_text="The provider sees it in the service and gets an email saying there is a reply",
        error_messages={"required": "Enter your reply"},
    )
