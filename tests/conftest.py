"""Fixtures for the walks over every organisation page (tests/org_pages.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture
def walk_data(org, owner, member, assessment):
    """Organisation A with something behind every page: a finished profile, answers that reach Approaching
    Standards, an answer with a file, a publication whose frozen copy has an uploaded action plan (and that plan on
    the current assessment), a pending invitation, and an entry in each register (the processing activity linked
    to the information asset). Returns the objects whose ids the URLs need."""
    from dspt.assessments import answering
    from dspt.lib import uploads
    from dspt.organisations import joining
    from dspt.organisations.models import JoinLink, Membership
    from dspt.publication import action_plans
    from tests.factories import answer_all, complete_profile, make_publication

    complete_profile(org)
    answer_all(assessment, owner, levels=["approaching"])
    question = assessment.framework.questions.get(ref="1.1.2")
    upload = SimpleUploadedFile("register.pdf", b"%PDF-1.7 register")
    answering.save_answer(
        assessment,
        question,
        value={"location": "Office"},
        comment="",
        is_draft=False,
        user=owner,
        expected_version=question.answers.get().version,
        files=[(upload, uploads.check(upload))],
    )
    plan_file = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")
    plan = action_plans.attach_document(assessment, plan_file, uploads.check(plan_file), owner)
    frozen_plan = {
        "document": plan.document_name,
        "document_stored_name": plan.document_stored_name,
        "document_content_type": plan.document_content_type,
        "lines": [],
    }
    invitation, _ = joining.issue(JoinLink.INVITE, "new@care.example", organisation=org, role="member", sent_by=owner)
    made, placeholders = register_entries(org, owner)
    return {
        "register_entries": made,
        "placeholders": placeholders,
        "membership": Membership.objects.get(user=member),
        "evidence": question.answers.get().evidence.get(),
        "publication": make_publication(assessment, owner, "approaching", action_plan=frozen_plan),
        "invitation": invitation,
    }


def register_entries(org, owner) -> tuple[dict, dict]:
    """An entry in every register, keyed by the register's slug (tests/org_pages.py fills <int:entry_id> with it),
    made by the EXAMPLES of the register's app's tests/factories.py; and the walk's placeholders: whatever else an
    app's own pages need in their URLs ({"<int:risk_id>": "12"}), from walk_placeholders(org, owner, made) in any
    app's tests/factories.py."""
    from importlib import import_module

    from django.apps import apps

    from dspt.registers import specs

    def factories_of(app_name):
        try:
            return import_module(f"{app_name}.tests.factories")
        except ModuleNotFoundError as missing:
            if missing.name not in (f"{app_name}.tests", f"{app_name}.tests.factories"):
                raise
            return None

    made, placeholders = {}, {}
    for spec in specs.ALL:
        examples = getattr(factories_of(spec.model._meta.app_config.name), "EXAMPLES", {})
        assert spec.slug in examples, f"add {spec.slug} to EXAMPLES in its app's tests/factories.py"
        made[spec.slug] = examples[spec.slug](org, owner, made)
    for app in apps.get_app_configs():
        if app.name.startswith("dspt."):
            more = getattr(factories_of(app.name), "walk_placeholders", None)
            if more:
                placeholders.update({key: str(value) for key, value in more(org, owner, made).items()})
    return made, placeholders
