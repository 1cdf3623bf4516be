import pytest

from dspt.demo import support as demo_support
from dspt.demo.people import DEMO_PASSWORD
from dspt.support import consent
from tests.factories import make_directory_entry

pytestmark = pytest.mark.django_db


def test_the_demo_support_programme(org, owner):
    for code in ("VX601", "VX602"):
        make_directory_entry(code)
    association, lead = demo_support.fill(org, owner)
    assert association.slug == "fcca" and lead.email == "lead@fcca.example" and lead.check_password(DEMO_PASSWORD)
    assert association.memberships.count() == 2
    assert set(association.cohort.values_list("ods_code", flat=True)) == {"VX101", "VX601", "VX602"}
    assert consent.has_consent(org, association)
    assert demo_support.fill(org, owner) == (association, lead)  # twice changes nothing
