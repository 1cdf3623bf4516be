"""What support staff type: searches of the ODS directory, codes, uploaded lists, new staff."""

from django import forms

from dspt.lib import uploads
from dspt.support.models import SupportMembership
from dspt.support.staff import ROLE_DESCRIPTIONS


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the ODS directory",
        help_text="A provider's name, its ODS code, or the start of a postcode (for example SG1 or AL)",
        max_length=100,
        error_messages={"required": "Enter a name, an ODS code or the start of a postcode"},
    )


class ChooseForm(forms.Form):
    """The providers ticked among a search's results."""

    codes = forms.MultipleChoiceField(
        label="Choose the providers to add",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one provider to add", "invalid_choice": "Search again"},
    )

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = [(e.code, f"{e.name} ({e.code})") for e in entries]
        self.hints = {e.code: ", ".join(p for p in (e.postcode, e.kind) if p) for e in entries}


class CodeForm(forms.Form):
    code = forms.CharField(
        label="ODS code",
        help_text="For example, VX101 or 1-123456789",
        max_length=20,
        error_messages={"required": "Enter an ODS code"},
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Choose the file",
        help_text="An Excel workbook (.xlsx) or a CSV file with one ODS code on each line of the first column",
        error_messages={"required": "Choose the Excel or CSV file of ODS codes", "empty": "The file is empty"},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            uploads.check_table(uploaded)
        except uploads.Refused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return uploaded


class StaffForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    full_name = forms.CharField(
        label="Their full name", required=False, max_length=150, help_text="Used only if they have no account yet"
    )
    role = forms.ChoiceField(
        label="What can they do?",
        choices=SupportMembership.ROLES,
        initial=SupportMembership.ADVISER,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what they can do"},
    )

    role_descriptions = ROLE_DESCRIPTIONS
