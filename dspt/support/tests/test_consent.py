"""A provider's consent: given and withdrawn by the provider, kept in its history, never given twice."""

import pytest

from dspt.history.models import ChangeRecord
from dspt.support import consent
from dspt.support.tests.factories import make_support_organisation

pytestmark = pytest.mark.django_db


def test_consent_is_given_once_withdrawn_at_once_and_kept_in_history(org, owner):
    association = make_support_organisation()
    assert not consent.has_consent(org, association)
    first = consent.grant(org, association, owner)
    assert consent.grant(org, association, owner) == first  # twice changes nothing
    assert consent.has_consent(org, association)
    assert consent.consenting_organisation_ids(association) == {org.pk}
    assert consent.withdraw(org, association, owner) is True
    assert not consent.has_consent(org, association) and consent.consenting_organisation_ids(association) == set()
    assert consent.withdraw(org, association, owner) is False
    changes = [r.changes for r in ChangeRecord.objects.filter(organisation=org, area="Support").order_by("pk")]
    key = "Fictional County Care Association may see our progress"
    assert changes == [{key: ["No", "Yes"]}, {key: ["Yes", "No"]}]
    consent.grant(org, association, owner)  # and it can be given again
    assert consent.has_consent(org, association)
