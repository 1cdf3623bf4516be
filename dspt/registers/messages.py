"""What a register says when a value breaks a rule, in the same words on its form and in an import's preview."""

from django.db import models

from dspt.ui.presenters import lower_first

TEXT_MAX_LENGTH = 5000  # longer text would not fit comfortably in a spreadsheet cell (Excel's limit is 32,767)


def heading(field) -> str:
    text = str(field.verbose_name)
    return text[:1].upper() + text[1:]


def missing(field) -> str:
    """The message for a required value that was not given: the field's own, or a plain one."""
    for code in ("blank", "null"):
        own = field.error_messages.get(code)
        if own and own != models.Field.default_error_messages.get(code):
            return str(own)
    if field.choices or isinstance(field, models.BooleanField):
        return f"Select {lower_first(str(field.verbose_name))}"
    return f"Enter {lower_first(str(field.verbose_name))}"


def too_long(field, limit: int) -> str:
    return f"{heading(field)} must be {limit:,} characters or fewer"


def in_future(field) -> str:
    return f"{heading(field)} must be today or in the past"


def for_error(field, error) -> str:
    """One model validation error (from full_clean) in our words; errors we raised ourselves keep their message."""
    code = getattr(error, "code", None)
    if code in ("blank", "null", "required"):
        return missing(field)
    if code == "max_length":
        params = getattr(error, "params", None) or {}
        return too_long(field, params.get("limit_value", getattr(field, "max_length", None) or TEXT_MAX_LENGTH))
    if code == "future":
        return in_future(field)
    if code == "invalid_choice":
        labels = ", ".join(str(label) for _value, label in field.flatchoices if _value != "")
        return f"{heading(field)} must be one of: {labels}"
    return " ".join(str(message) for message in error.messages)
