"""Every register's spec fits its model, its pages exist, and it evidences the questions that name it."""

import pytest
from django.db import models
from django.urls import reverse

from dspt.frameworks import helps
from dspt.history.models import ChangeRecord
from dspt.registers.models import Entry
from dspt.registers.spec import RegisterSpec
from dspt.registers.specs import ALL, BY_SLUG, INFORMATION_ASSETS

SPECS = pytest.mark.parametrize("spec", ALL, ids=[spec.slug for spec in ALL])
PAGES = ["list", "add", "export_xlsx", "export_csv", "template", "import"]
ENTRY_PAGES = ["entry", "edit", "archive", "restore", "history"]


def test_slugs_are_unique():
    assert len(BY_SLUG) == len(ALL)


@SPECS
def test_the_spec_fits_its_model(spec):
    assert issubclass(spec.model, Entry)
    assert spec.title_field in spec.fields
    assert len(spec.name) <= ChangeRecord._meta.get_field("area").max_length
    # Columns and filters may show what only the register's own pages set (a DPIA's status), never what is unknown
    names = {model_field.name for model_field in spec.model._meta.get_fields()}
    assert set(spec.list_columns) <= names and set(spec.filters) <= names
    for name in spec.search_fields:
        assert isinstance(spec.field(name), models.CharField | models.TextField), name
    for name in spec.filters:
        assert spec.field(name).choices or isinstance(spec.field(name), models.BooleanField), name
    for name, hints in spec.choice_hints.items():
        assert set(hints) <= {value for value, _label in spec.field(name).flatchoices}, name
    assert set(spec.labels) | set(spec.examples) | set(spec.choice_hints) <= set(spec.fields)
    headings = [spec.heading(name) for name in spec.fields]
    assert len(set(headings)) == len(headings) and "Reference" not in headings


def test_a_spec_naming_a_field_its_model_lacks_is_refused():
    with pytest.raises(ValueError, match="has no field colour"):
        RegisterSpec(
            slug="x",
            name="X",
            entry_name="x",
            purpose="",
            help_text="",
            model=INFORMATION_ASSETS.model,
            fields=("name", "colour"),
            list_columns=(),
            search_fields=(),
        )


@SPECS
def test_every_page_of_the_register_has_an_address(spec):
    for page in PAGES:
        assert reverse(f"registers:{spec.slug}:{page}", args=["VX101"]).startswith(f"/o/VX101/registers/{spec.slug}/")
    for page in ENTRY_PAGES:
        assert reverse(f"registers:{spec.slug}:{page}", args=["VX101", 7]).startswith(
            f"/o/VX101/registers/{spec.slug}/7/"
        )


@SPECS
def test_it_evidences_every_question_whose_guidance_names_it(spec, frameworks):
    questions = frameworks["2025-26"].questions.all()
    refs = {question.ref for question in questions}
    naming = {q.ref for q in questions if spec.helps_key in helps.keys_of((q.guidance or {}).get("helps", ""))}
    assert set(spec.evidences) <= refs
    assert naming <= set(spec.evidences)
    assert naming, f"no question names the {spec.name}"
    assert reverse(helps.HELPS[spec.helps_key].url_name, args=["VX101"]) == f"/o/VX101/registers/{spec.slug}/"


def test_only_registers_that_exist_are_linked_from_the_guidance():
    linked = {key for key, item in helps.HELPS.items() if item.url_name.startswith("registers:")}
    assert linked == {spec.helps_key for spec in ALL}
