"""Builders for the tests of operators, registration checks and head office cover."""

import datetime

import pytest

from dspt.status_search.tests.conftest import directory, framework, publish_rows
from dspt.verification.models import RegistrationReview
from tests.factories import make_organisation, make_user


def set_review(organisation, state: str) -> RegistrationReview:
    """Put the organisation's registration check in `state` (as if decided), whatever the setting was."""
    review, _ = RegistrationReview.objects.update_or_create(organisation=organisation, defaults={"state": state})
    return review


@pytest.fixture
def operator(db):
    from dspt.verification import operators

    user = make_user("operator@service.example", full_name="Opal Operator")
    operators.add_operator(user.email)
    return user


@pytest.fixture
def group(db):
    """Head office AX1Y (administered by the director) which published Standards Met for 2025-26, for itself and
    for its branch VX111 (not registered here)."""
    directory("AX1Y", "Fictional Care Group", postcode="ZZ5 5AA")
    directory("VX111", "Fictional House One", postcode="ZZ5 5AB", parent="AX1Y")
    directory("VX112", "Fictional House Two", postcode="ZZ5 5AC", parent="AX1Y")
    framework("2025-26")
    director = make_user("director@group.example", full_name="Dee Director")
    head_office = make_organisation("AX1Y", director, name="Fictional Care Group")
    publish_rows(head_office, "met", "2025-26", datetime.date(2025, 7, 1), site_codes=["AX1Y", "VX111"], user=director)
    return head_office
