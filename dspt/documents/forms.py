"""What people type into a document's draft, and which question and file a version is used as evidence for."""

from django import forms

from dspt.documents import drafting, evidence
from dspt.documents.models import TITLE_MAX_LENGTH

SECTION_PREFIX = "section_"


class DraftForm(forms.Form):
    """The title and a text box per section, in the draft's order."""

    title = forms.CharField(
        label="Title",
        max_length=TITLE_MAX_LENGTH,
        error_messages={"required": drafting.TITLE_BLANK, "max_length": drafting.TITLE_TOO_LONG},
    )

    def __init__(self, *args, sections: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.section_keys = []
        for section in sections:
            name = SECTION_PREFIX + section["key"]
            self.section_keys.append(section["key"])
            self.fields[name] = forms.CharField(
                label=section["heading"],
                required=False,
                max_length=drafting.SECTION_MAX_LENGTH,
                widget=forms.Textarea,
                help_text="Start a line with a dash and a space ('- ') to make it a bullet point",
                error_messages={
                    "max_length": f"{section['heading']} must be {drafting.SECTION_MAX_LENGTH:,} characters or fewer"
                },
            )
            self.initial.setdefault(name, section["text"])

    def texts(self) -> dict:
        return {key: self.cleaned_data.get(SECTION_PREFIX + key, "") for key in self.section_keys}


class EvidenceForm(forms.Form):
    ref = forms.ChoiceField(
        label="Which question is it evidence for?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the question it is evidence for",
            "invalid_choice": "Select one of the questions listed",
        },
    )
    fmt = forms.ChoiceField(
        label="Which file should be attached?",
        choices=evidence.FORMATS,
        initial=evidence.PDF,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to attach a PDF or a Word document",
            "invalid_choice": "Select whether to attach a PDF or a Word document",
        },
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ref"].choices = [(q.ref, f"{q.ref}: {q.text}") for q in questions]
