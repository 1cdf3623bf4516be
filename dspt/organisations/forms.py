"""Forms for registering an organisation, its profile, and managing its people."""

from django import forms

from dspt.lib import ico, ods
from dspt.organisations.models import Membership, OdsEntry, Profile
from dspt.ui.forms import DateField

EMAIL_HELP = "Use a work address that more than one person can read, like office@yourcarehome.co.uk"


class RegisterForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text=EMAIL_HELP,
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    ods_code = forms.CharField(
        label="ODS code",
        max_length=20,
        error_messages={"required": "Enter your organisation's ODS code"},
    )

    def __init__(self, *args, check_directory: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_directory = check_directory
        self.kind = None
        self.directory_entry = None

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_ods_code(self):
        """The directory first, the shape second: a code the loaded ODS directory lists is judged by the directory
        (open: accepted whatever its shape; closed: refused as closed). Only a code it does not list gets the shape
        messages, and then, with a directory loaded, "we cannot find it" (check_directory is True when one is).
        Asking to join (check_directory False) also accepts a listed code whatever its shape, open or closed."""
        check = ods.check_format(self.cleaned_data["ods_code"])
        entry = OdsEntry.objects.imported().filter(code=check.code).first() if ods.looks_like_code(check.code) else None
        if entry is not None:
            if self.check_directory and not entry.is_open:
                raise forms.ValidationError(
                    f"The ODS directory shows {check.code} ({entry.name}) as closed. If your service is still "
                    "running, check you have the current code"
                )
            self.kind, self.directory_entry = check.kind, entry
            return check.code
        if check.error:
            raise forms.ValidationError(check.error)
        self.kind = check.kind
        if self.check_directory:
            raise forms.ValidationError(
                f"We cannot find {check.code} in the NHS ODS directory. Check the code: "
                "you can search for it by postcode on the ODS 'Data Search and Export' website"
            )
        return check.code


class AboutForm(forms.ModelForm):
    name = forms.CharField(
        label="Organisation name",
        max_length=200,
        help_text="As it appears on your CQC registration",
        error_messages={"required": "Enter your organisation's name"},
    )

    class Meta:
        model = Profile
        fields = ["organisation_type", "services", "size"]
        widgets = {"organisation_type": forms.RadioSelect, "services": forms.RadioSelect, "size": forms.RadioSelect}
        labels = {
            "organisation_type": "What kind of organisation is it?",
            "services": "What kind of care do you provide?",
            "size": "How many staff do you have?",
        }
        help_texts = {
            "organisation_type": "Care homes, home care, supported living and other adult social care services are "
            "social care providers",
            "services": "The guidance shows examples for your kind of care first",
            "size": "Count everyone who works for you, including part-time staff, bank staff and volunteers",
        }
        error_messages = {
            "organisation_type": {"required": "Select what kind of organisation it is"},
            "services": {"required": "Select what kind of care you provide"},
            "size": {"required": "Select how many staff you have"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["size"].required = True
        self.fields["size"].choices = Profile.SIZES
        self.fields["services"].required = True
        self.fields["services"].choices = Profile.SERVICES
        self.fields["organisation_type"].choices = Profile.ORGANISATION_TYPES
        self.initial.setdefault("name", self.instance.organisation.name)
        self.order_fields(["name", "organisation_type", "size"])

    def save(self, commit=True):
        organisation = self.instance.organisation
        organisation.name = self.cleaned_data["name"]
        organisation.save(update_fields=["name"])
        return super().save(commit)


class RolesForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = [
            "caldicott_name",
            "caldicott_title",
            "siro_name",
            "siro_title",
            "ig_lead_name",
            "ig_lead_title",
            "dpo_name",
            "dpo_title",
        ]
        labels = {f: "Name" if f.endswith("_name") else "Job title" for f in fields}


class EmailForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["nhsmail_only"]
        widgets = {"nhsmail_only": forms.RadioSelect}
        labels = {"nhsmail_only": "Is NHSmail the only email system your organisation uses?"}
        help_texts = {
            "nhsmail_only": "NHSmail addresses end in nhs.net. Answer no if anyone uses another email service for "
            "work, such as Gmail, Outlook.com or an address from your website company"
        }
        error_messages = {"nhsmail_only": {"required": "Select yes, no or not sure"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nhsmail_only"].required = True
        self.fields["nhsmail_only"].choices = self.fields["nhsmail_only"].choices[1:]


class CyberEssentialsForm(forms.ModelForm):
    cyber_essentials_plus_date = DateField(
        label="Date on the certificate",
        required=False,
        allow_future=False,
    )

    class Meta:
        model = Profile
        fields = ["cyber_essentials_plus", "cyber_essentials_plus_date"]
        widgets = {"cyber_essentials_plus": forms.RadioSelect}
        labels = {"cyber_essentials_plus": "Does your organisation hold a Cyber Essentials Plus certificate?"}
        help_texts = {
            "cyber_essentials_plus": "Cyber Essentials Plus is a certificate from an independent assessor who has "
            "tested your IT. The basic Cyber Essentials certificate does not count here"
        }
        error_messages = {"cyber_essentials_plus": {"required": "Select yes, no or not sure"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cyber_essentials_plus"].required = True
        self.fields["cyber_essentials_plus"].choices = self.fields["cyber_essentials_plus"].choices[1:]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cyber_essentials_plus") == "yes":
            if not cleaned.get("cyber_essentials_plus_date") and "cyber_essentials_plus_date" not in self.errors:
                self.add_error("cyber_essentials_plus_date", "Enter the date on your Cyber Essentials Plus certificate")
        else:
            cleaned["cyber_essentials_plus_date"] = None
        return cleaned


class IcoForm(forms.ModelForm):
    # Longer than the stored 8 characters so "za 123456" is tidied up rather than refused.
    ico_number = forms.CharField(
        label="ICO registration number (optional)",
        max_length=20,
        required=False,
        help_text="Every organisation that handles personal information pays the ICO a data protection fee. "
        "The number is on the certificate, like ZA123456",
    )

    class Meta:
        model = Profile
        fields = ["ico_number"]

    def clean_ico_number(self):
        value = ico.normalise(self.cleaned_data.get("ico_number", ""))
        if value and not ico.is_valid(value):
            raise forms.ValidationError(ico.ICO_FORMAT_MESSAGE)
        return value


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label="What can they do?",
        choices=Membership.ROLES,
        initial=Membership.MEMBER,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what they can do"},
    )


class RoleForm(forms.Form):
    role = InviteForm.base_fields["role"]


class TwoFactorRuleForm(forms.Form):
    require_two_factor = forms.BooleanField(
        label="Everyone in this organisation must use two-factor sign-in",
        required=False,
        help_text="People without it will be asked to set it up the next time they sign in",
    )
