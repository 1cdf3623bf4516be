"""The answer form for a question: its fields, checks and stored value come from the question's answer type
(frameworks/answer_types) and its rules in the question set."""

from django import forms

from dspt.frameworks import answer_types
from dspt.frameworks.answer_types import NOT_APPLICABLE, MultipleFileField

__all__ = ["AnswerForm", "MultipleFileField"]  # MultipleFileField also serves publication/forms.py


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
        self.kind = answer_types.get(question.answer_type)
        self.fields.update(self.kind.form_fields(self.rules, thresholds))
        self.answer_field_names = [name for name in self.fields if name not in ("comment", "version")]
        self.order_fields([*self.answer_field_names, "comment"])

    def answer_fields(self) -> list[tuple[str, dict]]:
        """(field name, formField options) of the answer's own fields, in page order (comment and version aside)."""
        return [(name, self.kind.render.get(name, {})) for name in self.answer_field_names]

    # -- validation -------------------------------------------------------------------------------------
    def clean_answer(self):
        return self.kind.clean_answer(self.cleaned_data.get("answer"))

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        for name, message in self.kind.problems(cleaned, self.rules, self.draft):
            self.add_error(name, message)
        not_applicable = cleaned.get(NOT_APPLICABLE) or cleaned.get("answer") == NOT_APPLICABLE
        if self.draft or not_applicable:
            return cleaned
        if self.kind.is_missing(cleaned, self.has_files):
            self.add_error(self.kind.missing_field, self.kind.missing_message)
        return cleaned

    # -- stored value -----------------------------------------------------------------------------------
    def value(self) -> dict:
        data = self.cleaned_data
        if data.get(NOT_APPLICABLE) or data.get("answer") == NOT_APPLICABLE:
            return {NOT_APPLICABLE: True}
        return self.kind.store(data, self.draft)

    @classmethod
    def initial_from(cls, answer, question) -> dict:
        if answer is None:
            return {"version": 0}
        value = answer.value or {}
        initial = {"version": answer.version, "comment": answer.comment}
        if value.get(NOT_APPLICABLE):
            return initial | {"answer": NOT_APPLICABLE, NOT_APPLICABLE: True}
        return initial | answer_types.get(question.answer_type).initial(value)
