"""The forms of the confirmation pages: making a link (manager) and confirming (member of staff, no account)."""

from django import forms
from django.utils import timezone

from dspt.training import confirmations
from dspt.ui.forms import DateField


class LinkForm(forms.Form):
    how = forms.ChoiceField(
        label="How will you give them the link?",
        choices=[
            (confirmations.SHOWN, "Show it on this screen, with a QR code to scan"),
            (confirmations.EMAILED, "Email it to them"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how you will give them the link",
            "invalid_choice": "Select how you will give them the link",
        },
    )
    email = forms.EmailField(
        label="Their email address",
        required=False,
        max_length=254,
        help_text="Only if you are emailing it",
        error_messages={
            "invalid": "Enter an email address in the right format, like name@example.com",
            "max_length": "The email address must be 254 characters or fewer",
        },
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("how") == confirmations.EMAILED and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", "Enter their email address, or choose to show the link on this screen")
        return cleaned


CONFIDENTIALITY, POLICY, TRAINING = "confidentiality", "policy", "training"


class ConfirmForm(forms.Form):
    confirming = forms.MultipleChoiceField(
        label="What are you confirming?",
        help_text="Tick everything that is true",
        choices=[
            (CONFIDENTIALITY, "I have read the confidentiality clause"),
            (POLICY, "I have read the data protection policy"),
            (TRAINING, "I have completed data security training"),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least one thing you are confirming",
            "invalid_choice": "Tick only the things listed",
            "invalid_list": "Tick only the things listed",
        },
    )
    training_on = DateField(label="When did you complete the training?", required=False, allow_future=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["training_on"] = timezone.localdate()
        self.fields[
            "training_on"
        ].help_text = "Only if you ticked training. It starts as today: change it if you finished the training earlier"

    def clean(self):
        cleaned = super().clean()
        ticked = cleaned.get("confirming") or []
        if TRAINING in ticked and not cleaned.get("training_on") and "training_on" not in self.errors:
            self.add_error("training_on", "Enter the date you completed the training")
        return cleaned

    def confirmation(self) -> confirmations.Confirmation:
        ticked = self.cleaned_data.get("confirming") or []
        return confirmations.Confirmation(
            confidentiality=CONFIDENTIALITY in ticked,
            policy=POLICY in ticked,
            training_on=self.cleaned_data.get("training_on") if TRAINING in ticked else None,
        )
