"""The lint that keeps views behind the organisation door (scripts/lint_scoped_queries.py)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "lint_scoped_queries.py"


@pytest.fixture(scope="module")
def lint():
    spec = importlib.util.spec_from_file_location("lint_scoped_queries", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_covers_models_that_reach_an_organisation_through_another_model(lint):
    models = lint.tenant_models()
    assert {"Organisation", "Membership", "Assessment", "Evidence"} <= models  # a direct foreign key
    assert {"Answer", "AnswerVersion", "ActionPlan", "ActionPlanLine", "PublicationDraft"} <= models  # through one
    assert not {"User", "FrameworkVersion", "Question", "OdsEntry"} & models  # shared, not an organisation's


def test_it_flags_a_view_line_and_honours_the_opt_out(lint, tmp_path):
    view = tmp_path / "views.py"
    view.write_text(
        "answers = AnswerVersion.objects.filter(pk=1)\n"
        "ok = AnswerVersion.objects.filter(pk=1)  # scoped-ok: a test of the opt-out\n"
        "questions = Question.objects.all()\n"
    )
    found = lint.problems(lint.tenant_models(), [view])
    assert len(found) == 1
    assert found[0].endswith(":1: answers = AnswerVersion.objects.filter(pk=1)")


def test_the_views_pass(lint):
    assert lint.problems(lint.tenant_models(), lint.view_files()) == []
