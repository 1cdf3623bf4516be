"""Documents: where one is kept, a link to it, and/or uploaded files (files are evidence, not in the value)."""

from django import forms
from django.conf import settings

from dspt.frameworks.answer_types.base import AnswerType, Verdict
from dspt.lib import uploads

DOCUMENT = "document"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files, each checked by content (uploads.check); cleans to [(file, kind), ...]."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            if self.required:  # FileField.clean would check this; this method replaces it
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        files = data if isinstance(data, list | tuple) else [data]
        checked = []
        for uploaded in files:
            try:
                checked.append((uploaded, uploads.check(uploaded)))
            except uploads.Refused as refused:
                raise forms.ValidationError(str(refused)) from refused
        return checked


class Document(AnswerType):
    """Where the document is kept, a link to it, and/or uploaded files (stored as evidence, not in the value)."""

    key, label = DOCUMENT, "Document"
    not_applicable_box = True
    missing_field = "location"
    missing_message = "Say where the document is kept, give a link, or upload it"

    def fields(self, rules, thresholds):
        return {
            "location": forms.CharField(
                label="Where is the document kept?",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="For example, 'Policies folder on the office computer' or 'Blue binder in the manager's "
                "office'",
            ),
            "link": forms.URLField(
                label="Link to the document (optional)",
                required=False,
                max_length=500,
                assume_scheme="https",
                help_text="If it is kept online, for example in SharePoint or Google Drive",
            ),
            "uploads": MultipleFileField(
                label="Upload the document (optional)",
                required=False,
                help_text=f"PDF, Word, Excel, OpenDocument, PNG or JPEG, up to {settings.UPLOAD_MAX_BYTES // 2**20} "
                "MB each. You can choose more than one",
            ),
        }

    def is_missing(self, cleaned, has_files):
        given = (cleaned.get("location") or "").strip() or cleaned.get("link") or cleaned.get("uploads")
        return not (given or has_files)

    def store(self, cleaned, draft):
        value = {}
        if (cleaned.get("location") or "").strip():
            value["location"] = cleaned["location"].strip()
        if cleaned.get("link"):
            value["link"] = cleaned["link"]
        return value

    def initial(self, value):
        return {"location": value.get("location", ""), "link": value.get("link", "")}

    def has_content(self, value, file_count):
        return file_count > 0 or bool(value.get("link")) or bool((value.get("location") or "").strip())

    def check(self, value, rules, thresholds, today):
        return Verdict(True)  # has_content already found a file, a link or a location

    def describe(self, value, rules, files):
        parts = []
        if value.get("location"):
            parts.append(f"Kept at: {value['location']}")
        if value.get("link"):
            parts.append(f"Link: {value['link']}")
        if files:
            parts.append("Files: " + ", ".join(files))
        return ". ".join(parts)

    def demo_value(self, rules, today):
        return {"location": "Policies folder on the office computer"}
