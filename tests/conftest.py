"""Fixtures for the walks over every organisation page (tests/org_pages.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture
def walk_data(org, owner, member, assessment):
    """Organisation A with something behind every page: a finished profile, answers that reach Approaching
    Standards, an answer with a file, a publication whose frozen copy has an uploaded action plan (and that plan on
    the current assessment), and a pending invitation. Returns the objects whose ids the URLs need."""
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
    return {
        "membership": Membership.objects.get(user=member),
        "evidence": question.answers.get().evidence.get(),
        "publication": make_publication(assessment, owner, "approaching", action_plan=frozen_plan),
        "invitation": invitation,
    }
