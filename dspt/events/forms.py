"""What people type on the events pages: an event's details (staff), a booking (anyone), attendance (staff) and
the public listing's filters."""

import datetime
import re
from zoneinfo import ZoneInfo

from django import forms

from dspt.events.models import Topic
from dspt.events.scheduling import FIELDS
from dspt.lib import ods
from dspt.ui.forms import DateField

LONDON = ZoneInfo("Europe/London")
_TIME = re.compile(r"^([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(am|pm)?$")
ONLINE, VENUE = "online", "venue"


def parse_time(raw: str) -> datetime.time | None:
    """10:00, 14.30, 2pm, 2:30pm: a time of day, or None."""
    found = _TIME.match((raw or "").strip().lower())
    if not found:
        return None
    hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def _url(label: str) -> forms.URLField:
    return forms.URLField(
        label=label,
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": f"Enter the {label.lower()} as a web address, like https://example.com/meeting",
            "max_length": f"The {label.lower()} must be 500 characters or fewer",
        },
    )


class EventForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"},
    )
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text="What the event covers and who it is for",
        error_messages={"max_length": "The description must be 5,000 characters or fewer"},
    )
    topic = forms.ChoiceField(
        label="Topic",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        help_text="Providers who book can work along on this topic's questions",
        error_messages={"required": "Select a topic", "invalid_choice": "Select a topic from the list"},
    )
    date = DateField(label="Date")
    start_time = forms.CharField(
        label="Start time",
        max_length=10,
        help_text="UK time, for example 10:00 or 2pm",
        error_messages={"required": "Enter a start time", "max_length": "Enter a start time like 10:00 or 2pm"},
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=15,
        max_value=600,
        help_text="For example, 60",
        error_messages={
            "required": "Enter how long the event lasts, in minutes",
            "invalid": "Enter the length as a number of minutes, like 60",
            "min_value": "The event must last at least 15 minutes",
            "max_value": "The event must last 600 minutes (10 hours) or less",
        },
    )
    tutor = forms.CharField(
        label="Tutor",
        max_length=150,
        error_messages={"required": "Enter the tutor's name", "max_length": "The name must be 150 characters or fewer"},
    )
    where = forms.ChoiceField(
        label="Where is it?",
        choices=[(ONLINE, "Online"), (VENUE, "At a venue")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select online or at a venue", "invalid_choice": "Select online or at a venue"},
    )
    joining_link = _url("Joining link")
    venue_address = forms.CharField(
        label="Venue address",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The address must be 500 characters or fewer"},
    )
    capacity = forms.IntegerField(
        label="Number of places",
        min_value=1,
        max_value=1000,
        error_messages={
            "required": "Enter the number of places",
            "invalid": "Enter the number of places as a number, like 20",
            "min_value": "The event needs at least 1 place",
            "max_value": "The event can have at most 1,000 places",
        },
    )
    area = forms.CharField(
        label="Area it serves",
        required=False,
        max_length=200,
        help_text="For example, Hertfordshire",
        error_messages={"max_length": "The area must be 200 characters or fewer"},
    )
    recording_link = _url("Recording link")
    slides_link = _url("Slides link")

    def __init__(self, *args, event=None, **kwargs):
        if event is not None and "initial" not in kwargs:
            local = event.starts_at.astimezone(LONDON)
            kwargs["initial"] = {name: getattr(event, name) for name in FIELDS if name != "starts_at"} | {
                "date": local.date(),
                "start_time": local.strftime("%H:%M"),
                "where": ONLINE if event.online else VENUE,
            }
        super().__init__(*args, **kwargs)
        if event is None:  # links to a recording and slides come after the event
            del self.fields["recording_link"], self.fields["slides_link"]

    def clean_start_time(self):
        value = parse_time(self.cleaned_data["start_time"])
        if value is None:
            raise forms.ValidationError("Enter a start time like 10:00 or 2pm")
        return value

    def clean(self):
        cleaned = super().clean()
        no_address = not (cleaned.get("venue_address") or "").strip()
        if cleaned.get("where") == VENUE and no_address and "venue_address" not in self.errors:
            self.add_error("venue_address", "Enter the venue's address, or choose online")
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        starts = datetime.datetime.combine(data["date"], data["start_time"], tzinfo=LONDON)
        values = {name: data[name] for name in FIELDS if name in data}
        values |= {"starts_at": starts, "online": data["where"] == ONLINE}
        return values


class BookingForm(forms.Form):
    name = forms.CharField(
        label="Your full name",
        max_length=150,
        error_messages={"required": "Enter your full name", "max_length": "Your name must be 150 characters or fewer"},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will send your booking details here",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the right format, like name@example.com",
            "max_length": "The email address must be 254 characters or fewer",
        },
    )
    organisation_name = forms.CharField(
        label="Organisation name",
        max_length=200,
        help_text="The care service or company you work for",
        error_messages={
            "required": "Enter your organisation's name",
            "max_length": "The organisation name must be 200 characters or fewer",
        },
    )
    ods_code = forms.CharField(
        label="ODS code",
        max_length=14,
        help_text="Your site's code starts with V, like VM195; a head office code starts with A or C, like AG0Y",
        error_messages={
            "required": "Enter your organisation's ODS code",
            "max_length": "An ODS code has at most 10 letters and numbers, like VM195",
        },
    )

    def clean_ods_code(self):
        check = ods.check_format(self.cleaned_data["ods_code"])
        if check.error:
            raise forms.ValidationError(check.error)
        return check.code


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who came?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick everyone who attended. Anyone not ticked is marked as not attending",
        error_messages={
            "invalid_choice": "Tick only the people listed",
            "invalid_list": "Tick only the people listed",
        },
    )

    def __init__(self, *args, bookings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(booking.pk), f"{booking.name}, {booking.organisation_name}") for booking in bookings
        ]
        if not self.is_bound:
            self.initial["attended"] = [str(booking.pk) for booking in bookings if booking.attended]

    def attended_ids(self) -> set[int]:
        return {int(value) for value in self.cleaned_data.get("attended") or []}


class FilterForm(forms.Form):
    area = forms.ChoiceField(label="Area", required=False)
    topic = forms.ChoiceField(label="Topic", required=False, choices=[("", "Any topic"), *Topic.choices])

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "Any area")] + [(area, area) for area in areas]
