"""The registers' pages make the same number of queries with 10 entries as with 1,000."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dspt.registers.models import (
    InformationAsset,
    ProcessingActivity,
    SpotCheck,
    Supplier,
    UnsupportedItem,
)
from dspt.registers.specs import ALL
from dspt.registers.tests.factories import certifications

pytestmark = pytest.mark.django_db


def fill_registers(org, owner, count: int) -> None:
    """`count` assets and `count` activities, each activity linked to two assets (made in bulk: only the counts
    matter here, the rules are tested elsewhere)."""
    start = InformationAsset.objects.count()
    now = timezone.now()
    InformationAsset.objects.bulk_create(
        InformationAsset(
            organisation=org,
            name=f"Asset {start + n:05}",
            asset_type="paper",
            owner="Manager",
            special_category=bool(n % 2),
            created_by=owner,
            updated_by=owner,
            updated_at=now,
        )
        for n in range(count)
    )
    activities = ProcessingActivity.objects.bulk_create(
        ProcessingActivity(
            organisation=org,
            purpose=f"Purpose {start + n:05}",
            people_categories="People",
            data_categories="Data",
            lawful_basis="b",
            special_category_condition="h",
            transfers_outside_uk="no",
            created_by=owner,
            updated_by=owner,
        )
        for n in range(count)
    )
    assets = list(InformationAsset.objects.filter(organisation=org).order_by("-pk")[: 2 * count])
    links = ProcessingActivity.assets.through
    links.objects.bulk_create(
        links(processingactivity_id=activity.pk, informationasset_id=asset.pk)
        for index, activity in enumerate(activities)
        for asset in assets[2 * index : 2 * index + 2]
    )
    fill_more_registers(org, owner, start, count)


def fill_more_registers(org, owner, start: int, count: int) -> None:
    """`count` unsupported items, suppliers (each with two certifications) and spot checks, half of them overdue."""
    today = timezone.localdate()
    made = {"organisation": org, "created_by": owner, "updated_by": owner}
    UnsupportedItem.objects.bulk_create(
        UnsupportedItem(item=f"Item {start + n:05}", kind="os", risk="high", supported_until=today, **made)
        for n in range(count)
    )
    suppliers = Supplier.objects.bulk_create(
        Supplier(supplier=f"Supplier {start + n:05}", service="IT", contract_clauses="yes", **made)
        for n in range(count)
    )
    certificates = certifications("cyber_essentials", "iso_27001")  # put back if a flush removed them
    links = Supplier.certifications.through
    links.objects.bulk_create(
        links(supplier_id=supplier.pk, certification_id=certificate.pk)
        for supplier in suppliers
        for certificate in certificates
    )
    SpotCheck.objects.bulk_create(
        SpotCheck(
            title=f"Check {start + n:05}",
            checklist="clear_desk",
            frequency=3,
            next_due=today + datetime.timedelta(days=1 if n % 2 else -1),
            **made,
        )
        for n in range(count)
    )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = [
    "/o/VX101/registers/",
    "/o/VX101/",
    *(f"/o/VX101/registers/{spec.slug}/" for spec in ALL),
    *(f"/o/VX101/registers/{spec.slug}/?q=0&status=current" for spec in ALL),
    *(f"/o/VX101/registers/{spec.slug}/export.xlsx" for spec in ALL),
]


def test_the_list_pages_keep_their_query_count_from_10_to_1000_entries(client_for, owner, org):
    client = client_for(owner)
    fill_registers(org, owner, 10)
    with_ten = {url: queries_for(client, url) for url in PAGES}

    fill_registers(org, owner, 990)
    assert InformationAsset.objects.filter(organisation=org).count() == 1000

    with_thousand = {url: queries_for(client, url) for url in PAGES}
    assert with_thousand == with_ten


def test_a_list_needs_two_or_three_queries_of_its_own(client_for, owner, org):
    """What every page costs (session, sign-in, the door, the navigation) is what the index costs less its one query
    for every register's summary; a list adds a count and a page, and one query for the links it shows."""
    fill_registers(org, owner, 30)
    client = client_for(owner)
    client.get("/o/VX101/")
    overhead = queries_for(client, "/o/VX101/registers/") - 1
    assert queries_for(client, "/o/VX101/registers/information-assets/") == overhead + 2
    assert queries_for(client, "/o/VX101/registers/processing-activities/") == overhead + 3
    assert queries_for(client, "/o/VX101/registers/unsupported-software/") == overhead + 2
    assert queries_for(client, "/o/VX101/registers/suppliers/") == overhead + 3
    assert queries_for(client, "/o/VX101/registers/spot-checks/") == overhead + 2
