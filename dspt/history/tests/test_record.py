import pytest

from dspt.history.models import ChangeRecord
from dspt.history.record import diff, record_change

pytestmark = pytest.mark.django_db


def test_an_update_that_changes_nothing_records_nothing(owner, org):
    assert record_change(actor=owner, organisation=org, area="X", action=ChangeRecord.UPDATED, changes={}) is None


def test_records_keep_who_even_after_the_person_is_deleted(owner, org):
    record = record_change(
        actor=owner, organisation=org, area="X", action=ChangeRecord.UPDATED, changes=diff({"A": 1}, {"A": 2})
    )
    assert record.changes == {"A": [1, 2]}
    owner.memberships.all().delete()
    owner.delete()
    record.refresh_from_db()
    assert (record.actor, record.actor_label) == (None, "owner@care.example")


def test_records_are_never_edited(owner, org):
    record = ChangeRecord.objects.filter(organisation=org).first()
    record.area = "tampered"
    with pytest.raises(ValueError, match="never edited"):
        record.save()
