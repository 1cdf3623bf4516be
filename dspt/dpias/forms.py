"""The DPIA's own forms: screening, a risk, and the sign-off."""

from django import forms
from django.utils import timezone

from dspt.dpias import scoring, screening
from dspt.dpias.models import Dpia
from dspt.registers.forms import YesNoField
from dspt.registers.messages import TEXT_MAX_LENGTH
from dspt.ui.forms import DateField

NOTES_TOO_LONG = f"Notes must be {TEXT_MAX_LENGTH:,} characters or fewer"


class ScreeningForm(forms.Form):
    answers = forms.MultipleChoiceField(
        label="Which of these does the project do?",
        help_text="Select all that apply",
        choices=[(code, label) for code, label, _hint in screening.QUESTIONS] + [(screening.NONE, "None of these")],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the statements that apply to the project, or select 'None of these'",
            "invalid_choice": "Select only statements from the list",
        },
    )
    notes = forms.CharField(
        label="Anything else about this decision (optional)",
        help_text="For example, why a statement does or does not apply",
        widget=forms.Textarea,
        required=False,
        max_length=TEXT_MAX_LENGTH,
        error_messages={"max_length": NOTES_TOO_LONG},
    )

    def clean_answers(self):
        answers = self.cleaned_data["answers"]
        if screening.NONE in answers and len(answers) > 1:
            raise forms.ValidationError(
                "Select 'None of these' only when no statement applies, or unselect it", code="none_and_others"
            )
        return [code for code in answers if code != screening.NONE]


def choice_hints() -> dict:
    hints = {code: hint for code, _label, hint in screening.QUESTIONS if hint}
    return {"answers": hints}


class RiskForm(forms.Form):
    description = forms.CharField(
        label="What is the risk?",
        help_text="What could happen to people's information, and how it would affect them",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX_LENGTH,
        error_messages={
            "required": "Describe the risk",
            "max_length": f"The risk must be {TEXT_MAX_LENGTH:,} characters or fewer",
        },
    )
    likelihood = forms.ChoiceField(
        label="How likely is it to happen?",
        choices=scoring.LIKELIHOODS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how likely it is", "invalid_choice": "Select how likely it is"},
    )
    severity = forms.ChoiceField(
        label="How severe would the harm be?",
        choices=scoring.SEVERITIES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how severe it would be", "invalid_choice": "Select how severe it would be"},
    )
    mitigation = forms.CharField(
        label="What will you do to reduce the risk?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX_LENGTH,
        error_messages={
            "required": "Describe what you will do to reduce the risk",
            "max_length": f"What you will do must be {TEXT_MAX_LENGTH:,} characters or fewer",
        },
    )
    residual_likelihood = forms.ChoiceField(
        label="Once that is done, how likely is it?",
        choices=scoring.LIKELIHOODS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how likely it is once the measures are in place",
            "invalid_choice": "Select how likely it is once the measures are in place",
        },
    )
    residual_severity = forms.ChoiceField(
        label="Once that is done, how severe would the harm be?",
        choices=scoring.SEVERITIES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how severe it would be once the measures are in place",
            "invalid_choice": "Select how severe it would be once the measures are in place",
        },
    )
    measure_approved = YesNoField(
        label="Are these measures approved?",
        help_text="By whoever decides: the registered manager, the owner or the DPO",
        error_messages={
            "required": "Select yes if the measures are approved",
            "invalid_choice": "Select yes if the measures are approved",
        },
    )


RISK_HINTS = {
    "likelihood": scoring.LIKELIHOOD_HINTS,
    "residual_likelihood": scoring.LIKELIHOOD_HINTS,
    "severity": scoring.SEVERITY_HINTS,
    "residual_severity": scoring.SEVERITY_HINTS,
}


class SignOffForm(forms.Form):
    name = forms.CharField(
        label="Name of the person signing off",
        max_length=150,
        error_messages={
            "required": "Enter the name of the person signing off",
            "max_length": "Enter up to 150 characters",
        },
    )
    role = forms.CharField(
        label="Their role",
        help_text="For example, Data Protection Officer or information governance lead",
        max_length=150,
        error_messages={"required": "Enter their role", "max_length": "The role must be 150 characters or fewer"},
    )
    signed_on = DateField(label="Date signed off", allow_future=False)
    outcome = forms.ChoiceField(
        label="What did they decide?",
        choices=Dpia.OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what they decided", "invalid_choice": "Select what they decided"},
    )
    comments = forms.CharField(
        label="Their comments or conditions (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        error_messages={"max_length": f"Comments must be {TEXT_MAX_LENGTH:,} characters or fewer"},
    )
    ico_consulted = forms.BooleanField(
        label="We have consulted the ICO about the high risks that remain, and followed its advice",
        required=False,
    )

    def __init__(self, *args, high_risk: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not high_risk:
            del self.fields["ico_consulted"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Dpia.CONDITIONS and not (cleaned.get("comments") or "").strip():
            self.add_error("comments", "Enter the conditions they set")
        return cleaned


def today():
    return timezone.localdate()
