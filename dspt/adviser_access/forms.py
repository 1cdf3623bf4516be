"""The form a provider's administrator lets an adviser in with."""

from django import forms

from dspt.adviser_access import grants
from dspt.adviser_access.models import SECTIONS, Grant

ALL, CHOSEN = "all", "chosen"


class GrantForm(forms.Form):
    adviser = forms.TypedChoiceField(
        label="Who do you want to let in?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the adviser you want to let in"},
    )
    role = forms.ChoiceField(
        label="What can they do?",
        choices=Grant.ROLES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether they can only see, or see and change"},
    )
    scope = forms.ChoiceField(
        label="Which parts of your workspace?",
        choices=[(ALL, "Every section"), (CHOSEN, "Only the sections I choose")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select every section, or only the sections you choose"},
    )
    sections = forms.MultipleChoiceField(
        label="Sections they can open",
        help_text="Only if you chose 'Only the sections I choose'. They never see your people, history or settings",
        choices=SECTIONS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Choose sections from the list"},
    )
    days = forms.IntegerField(
        label="For how many days?",
        help_text=f"From {grants.MIN_DAYS} to {grants.MAX_DAYS} days. You can end it sooner at any time",
        min_value=grants.MIN_DAYS,
        max_value=grants.MAX_DAYS,
        error_messages={
            "required": "Enter the number of days, from 1 to 30",
            "invalid": "Enter the number of days as a whole number, like 3",
            "min_value": f"The number of days must be between {grants.MIN_DAYS} and {grants.MAX_DAYS}",
            "max_value": f"The number of days must be between {grants.MIN_DAYS} and {grants.MAX_DAYS}",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, advisers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.advisers = {staff.pk: staff for staff in advisers}
        self.fields["adviser"].choices = [
            (staff.pk, f"{staff.user} of {staff.support_organisation}") for staff in self.advisers.values()
        ]
        self.fields["adviser"].error_messages["invalid_choice"] = "Select the adviser you want to let in"

    def clean(self):
        data = super().clean()
        if data.get("scope") == CHOSEN and not data.get("sections") and "sections" not in self.errors:
            self.add_error("sections", "Select at least one section, or choose every section")
        return data

    @property
    def chosen_sections(self) -> list[str]:
        return self.cleaned_data["sections"] if self.cleaned_data["scope"] == CHOSEN else []
