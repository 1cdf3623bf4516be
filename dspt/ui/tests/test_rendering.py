"""Form fields render themselves as NHS.UK components; emails escape HTML only where it is HTML."""

import pytest
from django import forms
from django.template.loader import render_to_string

from dspt.ui.field_rendering import error_summary
from dspt.ui.forms import DateField


class ExampleForm(forms.Form):
    name = forms.CharField(label="Your name", help_text="As on your badge")
    colour = forms.ChoiceField(label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect)
    when = DateField(label="Date of the check", allow_future=False)
    agree = forms.BooleanField(label="I agree")


def render_field(form, name):
    from django.template import engines

    env = engines["jinja2"].env
    template = env.from_string('{% from "forms/field.jinja" import formField %}{{ formField(form[name]) }}')
    return template.render(form=form, name=name)


def test_each_kind_of_field_uses_its_nhs_component():
    form = ExampleForm()
    assert 'class="nhsuk-input' in render_field(form, "name")
    assert "As on your badge" in render_field(form, "name")
    assert 'class="nhsuk-radios__input"' in render_field(form, "colour")
    assert 'name="when[day]"' in render_field(form, "when")
    assert 'class="nhsuk-checkboxes__input"' in render_field(form, "agree")


def test_errors_show_inline_and_in_the_summary_linking_to_the_field():
    form = ExampleForm({"name": "", "colour": "", "when[day]": "31", "when[month]": "2", "when[year]": "2024"})
    assert not form.is_valid()
    html = render_field(form, "when")
    assert "nhsuk-form-group--error" in html
    assert 'value="31"' in html
    hrefs = [item["href"] for item in error_summary(form)]
    assert hrefs == ["#id_name", "#id_colour", "#id_when-day", "#id_agree"]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "3", "2025"), "Date of the check must include a day"),
        (("1", "", ""), "must include a month and year"),
        (("1", "13", "2025"), "must be a real date"),
        (("1", "3", "25"), "must have 4 numbers"),
        (("1", "3", "2999"), "must be today or in the past"),
    ],
)
def test_dates_explain_what_is_wrong(parts, message):
    data = dict(zip(["when[day]", "when[month]", "when[year]"], parts, strict=True))
    form = ExampleForm(data)
    form.is_valid()
    assert message in form.errors["when"][0]


def test_dates_accept_month_names():
    form = ExampleForm(
        {"name": "x", "colour": "red", "agree": "on", "when[day]": "3", "when[month]": "June", "when[year]": "2024"}
    )
    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["when"]) == "2024-06-03"


def test_plain_text_emails_are_not_html_escaped_but_html_ones_are():
    context = {"organisation_name": "O'Brien & <Sons>", "ods_code": "VX101", "url": "https://x", "valid_hours": 24}
    assert "O'Brien & <Sons>" in render_to_string("emails/register-body.txt", context)  # subjects name no one
    assert "O&#39;Brien &amp; &lt;Sons&gt;" in render_to_string("emails/register-body.html", context)


def test_several_choices_render_as_checkboxes_not_radios():
    """CheckboxSelectMultiple is a subclass of RadioSelect; the renderer must not mistake it for radios."""
    from dspt.ui.field_rendering import field_params

    class Services(forms.Form):
        services = forms.MultipleChoiceField(
            choices=[("a", "One"), ("b", "Two")], widget=forms.CheckboxSelectMultiple, required=False
        )
        one = forms.ChoiceField(choices=[("a", "One"), ("b", "Two")], widget=forms.RadioSelect)

    form = Services({"services": ["a", "b"]})
    several = field_params(form["services"])
    assert several["component"] == "checkboxes"
    assert [item["checked"] for item in several["params"]["items"]] == [True, True]
    assert field_params(form["one"])["component"] == "radios"
