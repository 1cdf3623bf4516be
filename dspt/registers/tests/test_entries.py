"""The rules of keeping a register (entries.py), called directly."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.registers import entries
from dspt.registers.specs import INFORMATION_ASSETS, PROCESSING_ACTIVITIES
from dspt.registers.tests.factories import ASSET, add_activity, add_asset
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db
IAR, ROPA = INFORMATION_ASSETS, PROCESSING_ACTIVITIES


def records_of(entry):
    return list(ChangeRecord.objects.filter(object_id=str(entry.pk), area__in=[IAR.name, ROPA.name]))


def test_it_adds_an_entry_and_records_every_value_given_by_its_label(org, owner):
    asset = add_asset(org, owner, last_reviewed=datetime.date(2026, 1, 5))

    (record,) = records_of(asset)
    assert (record.action, record.area, record.object_label) == (ChangeRecord.CREATED, IAR.name, "Care plans")
    assert record.actor == owner
    assert record.changes["Type"] == [None, "Paper"]
    assert record.changes["Special category data"] == [None, "Yes"]
    assert record.changes["Last reviewed"] == [None, "5 January 2026"]
    assert "Rough volume" not in record.changes  # not given
    assert asset.created_by == owner and asset.organisation == org


def test_it_records_each_change_old_to_new_in_labels_and_nothing_when_nothing_changed(org, owner, member, asset):
    entries.change(IAR, asset, member, {"asset_type": "system", "owner": "Registered manager"})

    record = records_of(asset)[0]
    assert record.action == ChangeRecord.UPDATED and record.actor == member
    assert record.changes == {"Type": ["Paper", "System or app"]}
    before = asset.updated_at
    assert entries.change(IAR, asset, member, {"owner": "  Registered manager "}).updated_at != before
    unchanged = entries.change(IAR, asset, owner, {"asset_type": "system"})
    assert len(records_of(asset)) == 2
    assert unchanged.updated_by == member


def test_text_is_tidied_the_same_way_for_every_caller(org, owner):
    asset = add_asset(org, owner, name="  Staff files ", risks="Lost\r\nor stolen\x0b", volume="\t ")

    assert (asset.name, asset.risks, asset.volume) == ("Staff files", "Lost\nor stolen", "")


def test_required_values_and_limits_are_refused_with_our_words(org, owner):
    with pytest.raises(ValidationError) as refused:
        entries.add(IAR, org, owner, {"name": "", "asset_type": "", "owner": "x" * 201, "risks": "r" * 5001})

    errors = refused.value.message_dict
    assert set(errors) >= {"name", "asset_type", "owner", "risks", "special_category"}
    assert ChangeRecord.objects.filter(area=IAR.name).count() == 0


def test_no_two_current_assets_share_a_name_but_archived_ones_may(org, owner, asset):
    with pytest.raises(ValidationError, match="already in this register"):
        add_asset(org, owner, name="CARE PLANS")

    entries.archive(IAR, asset, owner)
    again = add_asset(org, owner, name="Care plans")

    with pytest.raises(ValidationError, match="already in this register"):
        entries.restore(IAR, asset, owner)
    entries.change(IAR, again, owner, {"name": "Care plans (new)"})
    assert entries.restore(IAR, asset, owner).archived_at is None


def test_archiving_and_restoring_are_recorded_and_happen_once(org, owner, asset):
    entries.archive(IAR, asset, owner)
    entries.archive(IAR, asset, owner)
    asset.refresh_from_db()
    assert asset.is_archived

    entries.restore(IAR, asset, owner)

    changes = [record.changes for record in records_of(asset)]
    assert changes[:2] == [{"Status": ["Archived", "Current"]}, {"Status": ["Current", "Archived"]}]


def test_a_date_reviewed_cannot_be_in_the_future(org, owner):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="today or in the past"):
        add_asset(org, owner, name="Rota", last_reviewed=tomorrow)


def test_an_activity_links_current_assets_of_its_own_organisation(org, owner, outsider, asset):
    other_org = outsider.memberships.get().organisation
    theirs = add_asset(other_org, outsider, name="Their files")
    laptop = add_asset(org, owner, name="Office laptop", asset_type="device")
    old = add_asset(org, owner, name="Old computer", asset_type="device")
    entries.archive(IAR, old, owner)

    activity = add_activity(org, owner, assets=[asset, laptop])
    assert {a.name for a in activity.assets.all()} == {"Care plans", "Office laptop"}
    assert records_of(activity)[0].changes["Systems and assets used"] == [None, "Care plans; Office laptop"]

    for forbidden in (theirs, old):
        with pytest.raises(ValidationError, match="Choose only current information assets"):
            entries.change(ROPA, activity, owner, {"assets": [asset, forbidden]})


def test_an_asset_archived_after_linking_stays_linked_and_can_be_kept(org, owner, asset, activity):
    entries.archive(IAR, asset, owner)

    assert list(entries.link_choices(ROPA.field("assets"), org, activity)) == [asset]
    entries.change(ROPA, activity, owner, {"assets": [asset], "purpose": "Delivering care"})
    assert list(activity.assets.all()) == [asset]
    assert list(entries.link_choices(ROPA.field("assets"), org)) == []


def test_transfers_outside_the_uk_need_where_and_the_safeguard(org, owner):
    with pytest.raises(ValidationError, match="where the data goes"):
        add_activity(org, owner, transfers_outside_uk="yes", transfer_details="")

    kept_in_uk = add_activity(org, owner, transfers_outside_uk="no", transfer_details="USA")
    assert kept_in_uk.transfer_details == ""


def test_another_organisations_entry_cannot_be_changed_through_the_rules(org, owner, asset):
    intruder = make_user("intruder@else.example")
    make_organisation("VX301", intruder)
    asset.organisation = intruder.memberships.get().organisation  # a forged object pointing elsewhere
    with pytest.raises(IAR.model.DoesNotExist):
        entries.change(IAR, asset, intruder, {"name": "Mine now"})
    assert ASSET["name"] == IAR.model.objects.get(pk=asset.pk).name
