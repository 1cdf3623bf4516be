"""The forms of a register, built from its spec and model: an entry's form, the list's search, and an import."""

from functools import partial

from django import forms
from django.db import models

from dspt.lib import uploads
from dspt.registers import entries, listing, messages
from dspt.registers.models.base import not_in_future
from dspt.ui.forms import DateField


class YesNoField(forms.TypedChoiceField):
    """Yes or No as radios, for a model's BooleanField (None until answered)."""

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(
            choices=[("yes", "Yes"), ("no", "No")], coerce=lambda value: value == "yes", empty_value=None, **kwargs
        )
        self.widget = forms.RadioSelect(choices=self.choices)

    def prepare_value(self, value):
        return {True: "yes", False: "no"}.get(value, value)


class LinksField(forms.ModelMultipleChoiceField):
    """Entries of another register, as checkboxes labelled with their titles."""

    def label_from_instance(self, obj):
        return obj.title


def _field_for(spec, organisation, instance, model_field, **_kwargs):
    name = model_field.name
    common = {
        "label": spec.labels.get(name, messages.heading(model_field)),
        "help_text": str(model_field.help_text) or None,
        "required": not model_field.blank,
    }
    required_message = {"required": messages.missing(model_field)}
    if model_field.many_to_many:
        choices = entries.link_choices(model_field, organisation, instance)
        target = model_field.related_model._meta
        field = LinksField(
            queryset=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages=required_message
            | {
                "invalid_choice": f"Choose only {target.verbose_name_plural} from the list",
                "invalid_pk_value": f"Choose only {target.verbose_name_plural} from the list",
                "invalid_list": f"Choose only {target.verbose_name_plural} from the list",
            },
            **common,
        )
        if not choices.exists():
            field.help_text = f"There are no current {target.verbose_name_plural} to choose from yet"
        return field
    if model_field.choices:
        return forms.TypedChoiceField(
            choices=[(value, label) for value, label in model_field.flatchoices if value != ""],
            widget=forms.RadioSelect,
            error_messages=required_message | {"invalid_choice": messages.missing(model_field)},
            **common,
        )
    if isinstance(model_field, models.BooleanField):
        return YesNoField(error_messages=required_message | {"invalid_choice": messages.missing(model_field)}, **common)
    if isinstance(model_field, models.DateField):
        return DateField(allow_future=not_in_future not in model_field.validators, **common)
    if isinstance(model_field, models.TextField):
        return forms.CharField(
            widget=forms.Textarea,
            max_length=messages.TEXT_MAX_LENGTH,
            error_messages=required_message | {"max_length": messages.too_long(model_field, messages.TEXT_MAX_LENGTH)},
            **common,
        )
    return forms.CharField(
        max_length=model_field.max_length,
        error_messages=required_message | {"max_length": messages.too_long(model_field, model_field.max_length)},
        **common,
    )


MODEL_CODES = {"blank", "null", "max_length", "future"}  # errors of the model's own checks, in Django's words


class EntryForm(forms.ModelForm):
    """Base of every register's entry form (built by entry_form)."""

    def _post_clean(self):
        # The model's rules (full_clean) run here as for any ModelForm; their messages are put in our words.
        super()._post_clean()
        for name, errors in list(self.errors.items()):
            if name in self.fields:
                model_field = self._meta.model._meta.get_field(name)
                self.errors[name] = self.error_class(
                    [
                        messages.for_error(model_field, error) if error.code in MODEL_CODES else error
                        for error in errors.as_data()
                    ]
                )


def entry_form(spec, organisation, data=None, instance=None, initial=None):
    """The form for adding (instance None) or changing an entry of the register; `initial` starts an added entry
    with some answers given (choices_from_query)."""
    form_class = forms.modelform_factory(
        spec.model,
        form=EntryForm,
        fields=list(spec.fields),
        formfield_callback=partial(_field_for, spec, organisation, instance),
    )
    if instance is None:
        instance = spec.model(organisation=organisation)
    return form_class(data, instance=instance, initial=initial)


def choices_from_query(spec, query) -> dict:
    """?kind=scam_email on an add page starts the form with that choice made (the scam email sheet links so): only
    fields with choices, only values they allow; anything else is ignored."""
    chosen = {}
    for name in spec.fields:
        model_field = spec.field(name)
        value = query.get(name)
        if model_field.choices and value in {str(choice) for choice, _label in model_field.flatchoices if choice != ""}:
            chosen[name] = value
    return chosen


def filter_form(spec, filters: listing.Filters) -> forms.Form:
    """The list's search box and filters, filled in with what is being shown (never bound: nothing to correct)."""
    fields = {
        "q": forms.CharField(
            label=f"Search the {spec.name}",
            required=False,
            max_length=listing.SEARCH_MAX_LENGTH,
            widget=forms.TextInput(attrs={"type": "search"}),
        )
    }
    for name in spec.filters:
        fields[name] = forms.ChoiceField(
            label=messages.heading(spec.field(name)),
            choices=[("", "Any"), *listing.filter_choices(spec, name)],
            required=False,
        )
    fields["status"] = forms.ChoiceField(label="Show", choices=listing.STATUSES, required=False)
    form_class = type("FilterForm", (forms.Form,), fields)
    return form_class(initial={"q": filters.q, "status": filters.status, **filters.choices})


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Choose the file",
        help_text="An Excel workbook (.xlsx) or a CSV file, with this register's column headings in its first row",
        error_messages={"required": "Choose the Excel or CSV file to import", "empty": "The file is empty"},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            uploads.check_table(uploaded)  # at once, beside the field; importing.prepare checks it again
        except uploads.Refused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return uploaded


def result_form(check, data=None) -> forms.Form:
    """Recording a spot check's result: when and who, each checklist item's outcome as radios, findings, actions.
    The form checks each value's shape; spot_checks.record_result checks the rules (actions when something needs
    action) and its errors go back onto this form."""
    from dspt.registers import spot_checks  # it builds on the registers' specs, which the forms serve
    from dspt.registers.models import SpotCheckResult

    fields = {
        "checked_on": DateField(label="Date of the check", allow_future=False),
        "checked_by": forms.CharField(
            label="Who did the check?",
            max_length=200,
            error_messages={
                "required": "Enter who did the check",
                "max_length": "Who did the check must be 200 characters or fewer",
            },
        ),
    }
    for index, words in enumerate(check.items):
        fields[spot_checks.item_field(index)] = forms.ChoiceField(
            label=words,
            choices=SpotCheckResult.OUTCOMES,
            widget=forms.RadioSelect,
            error_messages={
                "required": f"Select fine, needs action or not applicable for: {words}",
                "invalid_choice": f"Select fine, needs action or not applicable for: {words}",
            },
        )
    for name, label, hint in (
        ("findings", "What did you find?", "Needed when an item needs action. Say where and what, without names"),
        ("actions", "What will be done, by whom and by when?", "Needed when an item needs action"),
    ):
        fields[name] = forms.CharField(
            label=label,
            help_text=hint,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=messages.TEXT_MAX_LENGTH,
            error_messages={
                "max_length": f"{name.capitalize()} must be {messages.TEXT_MAX_LENGTH:,} characters or fewer"
            },
        )
    form_class = type("ResultForm", (forms.Form,), fields)
    return form_class(data, initial={"checked_on": None})
