"""Forms of the publish journey."""

from django import forms

from dspt.assessments.forms import MultipleFileField
from dspt.publication import national
from dspt.ui.forms import DateField


class BranchesForm(forms.Form):
    branches = forms.MultipleChoiceField(
        label="Which services does this assessment cover?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose the services that share the policies and systems you described. Services you leave out "
        "can be added later by publishing again",
    )

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branches"].choices = [(b.code, f"{b.name} ({b.code})") for b in branches]


class PlanLineForm(forms.Form):
    action = forms.CharField(
        label="What you will do", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.CharField(label="Who will do it", required=False, max_length=150)
    target_date = DateField(label="By when", required=False, allow_past=False)


class PlanDocumentForm(forms.Form):
    document = MultipleFileField(
        label="Upload your own action plan",
        required=True,
        help_text="A PDF, Word or Excel file that covers every item listed on this page",
        error_messages={"required": "Choose your action plan file"},
    )


class ConfirmForm(forms.Form):
    confirmer_name = forms.CharField(
        label="Full name of the senior person confirming",
        max_length=150,
        error_messages={"required": "Enter the full name of the person confirming"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    confirmer_job_title = forms.CharField(
        label="Their job title",
        max_length=150,
        error_messages={"required": "Enter their job title"},
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    authority = forms.BooleanField(
        label="I confirm I have the authority to publish this assessment for the organisation, and the answers are "
        "true to the best of my knowledge",
        error_messages={"required": "Confirm you have the authority to publish"},
    )


class NationalDateForm(forms.Form):
    published_on = DateField(
        label=national.DATE_LABEL,
        allow_future=False,
        error_messages={"required": "Enter the date you published in the national toolkit"},
    )
