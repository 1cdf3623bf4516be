"""Turn Django bound fields into parameters for the NHS.UK frontend macros.

Templates call ``formField(form.x, {...})`` (forms/field.jinja), which asks ``field_params`` what to render.
No component HTML is written by hand: the NHS.UK macros do it.
"""

import datetime

from django import forms

from dspt.ui.widgets import NhsDateWidget


def _choice_items(bf, checked_values, opts):
    conditional = opts.get("conditional", {})
    hints = opts.get("choice_hints", {})
    items = []
    for value, label in bf.field.choices:
        if value == "" or value is None:
            continue
        item = {"value": value, "text": str(label), "checked": str(value) in checked_values}
        if str(value) in conditional:
            item["conditional"] = {"html": conditional[str(value)]}
        if str(value) in hints:
            item["hint"] = {"text": hints[str(value)]}
        items.append(item)
    dividers = opts.get("divider_before")
    if dividers:
        for index, item in enumerate(items):
            if item["value"] == dividers:
                items.insert(index, {"divider": "or"})
                break
    return items


def _current_values(bf) -> set[str]:
    value = bf.value()
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return {str(value)}


def field_params(bf, opts=None) -> dict:
    """Return {"component": name of the NHS.UK macro, "params": its parameters} for a bound field."""
    opts = dict(opts or {})
    field, widget = bf.field, bf.field.widget
    is_heading = opts.get("isPageHeading", False)
    label_text = opts.get("label", str(bf.label) if bf.label else "")
    label_classes = opts.get("labelClasses", "nhsuk-label--l" if is_heading else "")
    legend_classes = opts.get(
        "legendClasses", "nhsuk-fieldset__legend--l" if is_heading else "nhsuk-fieldset__legend--s"
    )
    hint_text = opts.get("hint", str(field.help_text) if field.help_text else None)
    hint = {"html": opts["hint_html"]} if opts.get("hint_html") else ({"text": hint_text} if hint_text else None)
    error = {"text": bf.errors[0]} if bf.errors else None
    fieldset = {"legend": {"text": label_text, "isPageHeading": is_heading, "classes": legend_classes}}
    common = {"hint": hint, "errorMessage": error, "attributes": opts.get("attributes", {})}

    if isinstance(widget, NhsDateWidget):
        day, month, year = _date_parts(bf)
        error_class = " nhsuk-input--error" if bf.errors else ""
        return {
            "component": "dateInput",
            "params": common
            | {
                "id": bf.auto_id,
                "namePrefix": bf.html_name,
                "fieldset": fieldset,
                "items": [
                    {
                        "name": "day",
                        "value": day,
                        "width": 2,
                        "classes": "nhsuk-input--width-2" + error_class,
                    },
                    {
                        "name": "month",
                        "value": month,
                        "width": 2,
                        "classes": "nhsuk-input--width-2" + error_class,
                    },
                    {
                        "name": "year",
                        "value": year,
                        "width": 4,
                        "classes": "nhsuk-input--width-4" + error_class,
                    },
                ],
            },
        }
    # CheckboxSelectMultiple is a subclass of RadioSelect: it must be tested first, or it renders as radios.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return {
            "component": "checkboxes",
            "params": common
            | {
                "idPrefix": bf.auto_id,
                "name": bf.html_name,
                "fieldset": fieldset,
                "items": _choice_items(bf, _current_values(bf), opts),
            },
        }
    if isinstance(widget, forms.RadioSelect):
        return {
            "component": "radios",
            "params": common
            | {
                "idPrefix": bf.auto_id,
                "name": bf.html_name,
                "fieldset": fieldset,
                "classes": opts.get("classes", ""),
                "items": _choice_items(bf, _current_values(bf), opts),
            },
        }
    if isinstance(widget, forms.CheckboxInput):
        legend = opts.get("legend")
        return {
            "component": "checkboxes",
            "params": common
            | {
                "idPrefix": bf.auto_id,
                "name": bf.html_name,
                "fieldset": {"legend": {"text": legend, "classes": legend_classes}} if legend else None,
                "items": [{"value": "on", "text": label_text, "checked": bool(bf.value())}],
            },
        }
    if isinstance(widget, forms.Select):
        current = _current_values(bf)
        return {
            "component": "select",
            "params": common
            | {
                "id": bf.auto_id,
                "name": bf.html_name,
                "label": {"text": label_text, "isPageHeading": is_heading, "classes": label_classes},
                "items": [
                    {"value": value, "text": str(label), "selected": str(value) in current}
                    for value, label in field.choices
                ],
            },
        }
    value = bf.value()
    base = common | {
        "id": bf.auto_id,
        "name": bf.html_name,
        "label": {"text": label_text, "isPageHeading": is_heading, "classes": label_classes},
        "classes": opts.get("classes", ""),
        "autocomplete": opts.get("autocomplete", widget.attrs.get("autocomplete")),
    }
    if isinstance(widget, forms.Textarea):
        return {"component": "textarea", "params": base | {"value": value or "", "rows": opts.get("rows", 5)}}
    if isinstance(widget, forms.PasswordInput):
        return {"component": "passwordInput", "params": base}
    if isinstance(widget, forms.FileInput):
        return {
            "component": "fileUpload",
            "params": base | {"multiple": getattr(widget, "allow_multiple_selected", False)},
        }
    input_type = getattr(widget, "input_type", "text")
    params = base | {
        "type": input_type if input_type in {"email", "number", "tel", "url", "search"} else "text",
        "value": "" if value is None else value,
        "spellcheck": opts.get("spellcheck", False if input_type in {"email", "url"} else None),
        "inputmode": opts.get("inputmode", widget.attrs.get("inputmode")),
        "prefix": opts.get("prefix"),
        "suffix": opts.get("suffix"),
    }
    if input_type == "number":
        params["type"] = "text"
        params["inputmode"] = params["inputmode"] or "decimal"
    return {"component": "input", "params": params}


def _date_parts(bf):
    value = bf.value()
    if isinstance(value, datetime.date):
        return str(value.day), str(value.month), str(value.year)
    if isinstance(value, list | tuple) and len(value) == 3:
        return tuple("" if part is None else str(part) for part in value)
    return "", "", ""


def error_target(bf) -> str:
    if isinstance(bf.field.widget, NhsDateWidget):
        return f"{bf.auto_id}-day"
    return bf.auto_id


def error_summary(*forms_) -> list[dict]:
    """Items for the NHS.UK error summary: every error of the given forms, each linking to its field."""
    items = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for error in form.non_field_errors():
            items.append({"text": error, "href": f"#{form.prefix or 'form'}-errors"})
        for bf in form:
            for error in bf.errors:
                items.append({"text": error, "href": f"#{error_target(bf)}"})
    return items
