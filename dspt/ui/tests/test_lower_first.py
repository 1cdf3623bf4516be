"""Text put in the middle of a sentence keeps its acronyms and names: "Change ICO registration number", not "ico"."""

import pytest

from dspt.ui.presenters import lower_first


@pytest.mark.parametrize(
    ("label", "mid_sentence"),
    [
        # ordinary first words lose their capital
        ("Organisation name", "organisation name"),
        ("Type of organisation", "type of organisation"),
        ("Number of staff", "number of staff"),
        ("Information governance lead", "information governance lead"),
        ("Enter a number like ZA123456", "enter a number like ZA123456"),
        ("Finish the answer and select 'Save and continue'", "finish the answer and select 'Save and continue'"),
        ("After the deadline", "after the deadline"),
        ("A care home", "a care home"),
        # acronyms and other words in capitals stay as they are, wherever they are
        ("ICO registration number", "ICO registration number"),
        ("SIRO's job title", "SIRO's job title"),
        ("DPO's name", "DPO's name"),
        ("IG lead", "IG lead"),
        ("ODS code", "ODS code"),
        ("NHS number", "NHS number"),
        ("NHSmail is the only email system", "NHSmail is the only email system"),
        ("DSPT year", "DSPT year"),
        ("CQC registration", "CQC registration"),
        ("MFA for remote access", "MFA for remote access"),
        ("IT systems and devices", "IT systems and devices"),
        ("UK GDPR rights", "UK GDPR rights"),
        ("Your ODS code", "your ODS code"),
        ("I confirm this", "I confirm this"),
        # names of several capitalised words stay too
        ("Cyber Essentials Plus", "Cyber Essentials Plus"),
        ("Cyber Essentials Plus certificate date", "Cyber Essentials Plus certificate date"),
        ("Caldicott Guardian", "Caldicott Guardian"),
        ("Caldicott Guardian's name", "Caldicott Guardian's name"),
        ("Senior Information Risk Owner (SIRO)", "Senior Information Risk Owner (SIRO)"),
        ("Data Protection Officer (DPO)", "Data Protection Officer (DPO)"),
        ("Data Security and Protection Toolkit", "Data Security and Protection Toolkit"),
        # nothing to lower
        ("60 days before", "60 days before"),
        ("already lower", "already lower"),
        ("", ""),
    ],
)
def test_lower_first_lowers_only_an_ordinary_first_word(label, mid_sentence):
    assert lower_first(label) == mid_sentence


def test_it_is_a_template_filter():
    from django.template import engines

    template = engines["jinja2"].from_string("Change {{ label | lower_first }}")
    assert template.render({"label": "ICO registration number"}) == "Change ICO registration number"
