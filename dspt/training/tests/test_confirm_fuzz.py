"""The public confirmation page survives odd input with a real link (the project's fuzz of public pages opens it
with an accounts token, which is not one of ours, so it would only see the "not recognised" page)."""

import pytest
from django.test import Client

from dspt.training import confirmations, public_limits
from dspt.training.tests.factories import add_staff
from tests.test_form_fuzz import fuzz_page, postgresql_rules  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_confirmation_page_survives_odd_input(org, owner, postgresql_rules, monkeypatch):  # noqa: F811
    monkeypatch.setattr(public_limits, "REQUESTS_PER_HOUR", 10**6)
    _link, token = confirmations.create_link(add_staff(org, owner), owner)
    assert fuzz_page(Client, "confirm-training/<str:token>/", f"/confirm-training/{token}/") == 1
