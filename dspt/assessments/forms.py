"""The answer form for a question, built from its answer type and rules in the question set."""

import datetime
from decimal import Decimal

from django import forms
from django.conf import settings

from dspt.assessments.rules import NOT_APPLICABLE, resolve_minimum
from dspt.lib import ico, uploads
from dspt.ui.forms import DateField

YES_NO = [("yes", "Yes"), ("no", "No")]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        checked = []
        for uploaded in files:
            try:
                checked.append((uploaded, uploads.check(uploaded)))
            except uploads.Refused as refused:
                raise forms.ValidationError(str(refused)) from refused
        return checked


class AnswerForm(forms.Form):
    """Fields depend on the question; `value()` turns cleaned data into the stored answer value."""

    comment = forms.CharField(
        label="Comments (optional)",
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text="Notes for your team or for whoever reviews this next year",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, question, thresholds, has_files=False, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.question, self.thresholds, self.has_files, self.draft = question, thresholds, has_files, draft
        self.rules = question.rules or {}
        kind = question.answer_type
        builder = getattr(self, f"_build_{kind}")
        builder()
        self.order_fields(["answer", "explanation", "link", "location", "uploads", "not_applicable", "comment"])

    # -- fields per answer type -----------------------------------------------------------------------
    def _build_confirm(self):
        self.fields["answer"] = forms.BooleanField(label="I confirm this is true for our organisation", required=False)

    def _build_yes_no(self):
        choices = list(YES_NO)
        if self.rules.get("not_applicable_allowed"):
            choices.append((NOT_APPLICABLE, "Not applicable to us"))
        self.fields["answer"] = forms.ChoiceField(
            label="Your answer", choices=choices, widget=forms.RadioSelect, required=False
        )
        self.fields["explanation"] = forms.CharField(
            label="Explain why, and what you plan to do"
            if self.rules.get("explanation_required_on_no")
            else "Explain (optional)",
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def _build_choice(self):
        choices = [(c["value"], c["label"]) for c in self.rules.get("choices", [])]
        if self.rules.get("not_applicable_allowed"):
            choices.append((NOT_APPLICABLE, "Not applicable to us"))
        self.fields["answer"] = forms.ChoiceField(
            label="Your answer", choices=choices, widget=forms.RadioSelect, required=False
        )

    def _build_text(self):
        self.fields["answer"] = forms.CharField(
            label="Your answer", required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
        )
        self._not_applicable_box()

    def _build_date(self):
        self.fields["answer"] = DateField(
            label="Date", required=False, allow_future=False, help_text="For example, 27 3 2026"
        )
        self._not_applicable_box()

    def _build_number(self):
        self.fields["answer"] = forms.DecimalField(
            label="Number", required=False, min_value=0, max_digits=12, decimal_places=2, localize=False
        )
        self.fields["answer"].error_messages["invalid"] = "Enter a number, like 12"
        self._not_applicable_box()

    def _build_percentage(self):
        minimum = resolve_minimum(self.rules.get("minimum"), self.thresholds)
        hint = f"Enter a number from 0 to 100. To count, it must be at least {minimum:f}%" if minimum else None
        self.fields["answer"] = forms.DecimalField(
            label="Percentage", required=False, max_digits=5, decimal_places=2, help_text=hint
        )
        self.fields["answer"].error_messages["invalid"] = "Enter the percentage as a number, like 96"
        self._not_applicable_box()

    def _build_ico_number(self):
        self.fields["answer"] = forms.CharField(
            label="ICO registration number", required=False, max_length=20, help_text="For example, ZA123456"
        )

    def _build_document(self):
        self.fields["location"] = forms.CharField(
            label="Where is the document kept?",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text="For example, 'Policies folder on the office computer' or 'Blue binder in the manager's office'",
        )
        self.fields["link"] = forms.URLField(
            label="Link to the document (optional)",
            required=False,
            max_length=500,
            assume_scheme="https",
            help_text="If it is kept online, for example in SharePoint or Google Drive",
        )
        self.fields["uploads"] = MultipleFileField(
            label="Upload the document (optional)",
            required=False,
            help_text=f"PDF, Word, Excel, OpenDocument, PNG or JPEG, up to {settings.UPLOAD_MAX_BYTES // 2**20} MB "
            "each. You can choose more than one",
        )
        self._not_applicable_box()

    def _not_applicable_box(self):
        if self.rules.get("not_applicable_allowed"):
            self.fields["not_applicable"] = forms.BooleanField(label="This does not apply to us", required=False)

    # -- validation -------------------------------------------------------------------------------------
    def clean_answer(self):
        value = self.cleaned_data.get("answer")
        kind = self.question.answer_type
        if kind == "percentage" and value is not None and not (Decimal(0) <= value <= Decimal(100)):
            raise forms.ValidationError("A percentage must be between 0 and 100")
        if kind == "ico_number" and value:
            value = ico.normalise(value)
            if not ico.is_valid(value):
                raise forms.ValidationError(ico.ICO_FORMAT_MESSAGE)
        return value

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        not_applicable = cleaned.get("not_applicable") or cleaned.get("answer") == NOT_APPLICABLE
        kind = self.question.answer_type
        explanation = (cleaned.get("explanation") or "").strip()
        must_explain = self.rules.get("explanation_required_on_no") and not self.draft
        if kind == "yes_no" and cleaned.get("answer") == "no" and must_explain and not explanation:
            self.add_error("explanation", "Explain why the answer is no, and what you plan to do")
        if self.draft or not_applicable:
            return cleaned
        has_document = (cleaned.get("location") or "").strip() or cleaned.get("link") or cleaned.get("uploads")
        if kind == "document" and not (has_document or self.has_files):
            self.add_error("location", "Say where the document is kept, give a link, or upload it")
        elif kind == "confirm" and not cleaned.get("answer"):
            self.add_error("answer", "Tick the box to confirm, or save as a draft if you are not ready")
        elif kind in ("document", "confirm"):
            pass
        elif cleaned.get("answer") in (None, "", []):
            self.add_error("answer", self._missing_message(kind))
        return cleaned

    @staticmethod
    def _missing_message(kind: str) -> str:
        return {
            "yes_no": "Select yes or no",
            "choice": "Select an answer",
            "text": "Enter your answer",
            "date": "Enter the date",
            "number": "Enter a number",
            "percentage": "Enter the percentage",
            "ico_number": "Enter your ICO registration number",
        }.get(kind, "Enter your answer")

    # -- stored value -----------------------------------------------------------------------------------
    def value(self) -> dict:
        data, kind = self.cleaned_data, self.question.answer_type
        answer = data.get("answer")
        if data.get("not_applicable") or answer == NOT_APPLICABLE:
            return {NOT_APPLICABLE: True}
        if kind == "confirm":
            return {"confirmed": bool(answer)} if answer or not self.draft else {}
        if kind in ("yes_no", "choice"):
            value = {"choice": answer} if answer else {}
            if (data.get("explanation") or "").strip():
                value["explanation"] = data["explanation"].strip()
            return value
        if kind == "text":
            return {"text": answer.strip()} if answer else {}
        if kind == "date":
            return {"date": answer.isoformat()} if isinstance(answer, datetime.date) else {}
        if kind in ("number", "percentage"):
            return {"number": f"{answer.normalize():f}"} if answer is not None else {}
        if kind == "ico_number":
            return {"ico": answer} if answer else {}
        if kind == "document":
            value = {}
            if (data.get("location") or "").strip():
                value["location"] = data["location"].strip()
            if data.get("link"):
                value["link"] = data["link"]
            return value
        return {}

    @classmethod
    def initial_from(cls, answer) -> dict:
        if answer is None:
            return {"version": 0}
        value = answer.value or {}
        initial = {"version": answer.version, "comment": answer.comment}
        if value.get(NOT_APPLICABLE):
            initial.update(answer=NOT_APPLICABLE, not_applicable=True)
        initial.setdefault(
            "answer", value.get("choice") or value.get("text") or value.get("number") or value.get("ico")
        )
        if "confirmed" in value:
            initial["answer"] = value["confirmed"]
        if value.get("date"):
            initial["answer"] = datetime.date.fromisoformat(value["date"])
        initial.update(
            explanation=value.get("explanation", ""), location=value.get("location", ""), link=value.get("link", "")
        )
        return initial
