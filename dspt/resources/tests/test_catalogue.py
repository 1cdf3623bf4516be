"""The rules: https-only links, one link or one file, changes kept in history, what the public page lists."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.history.models import ChangeRecord
from dspt.resources import catalogue, files
from dspt.resources.models import Resource, split_areas
from dspt.resources.tests.factories import make_file_resource, make_link_resource, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("http://example.org/guide", "must start with https://"),
        ("HTTP://example.org/guide", "must start with https://"),
        ("javascript:alert(1)", "starting https://"),
        ("ftp://example.org/file", "starting https://"),
        ("example.org/guide", "starting https://"),
        ("https://", "starting https://"),
    ],
)
def test_only_https_links_are_accepted(link, message):
    with pytest.raises(catalogue.RuleBroken, match=message):
        catalogue.check_link(link)


def test_an_https_link_is_kept_trimmed():
    assert catalogue.check_link("  https://example.org/guide?a=1  ") == "https://example.org/guide?a=1"


def test_areas_are_split_trimmed_and_not_repeated():
    assert split_areas(" Luton,, stevenage ;Luton\nWatford ") == ["Luton", "stevenage", "Watford"]


def test_a_resource_needs_a_link_or_a_file_not_both(association, lead):
    values = catalogue.Values(title="Guide", kind=Resource.GUIDE)
    with pytest.raises(catalogue.RuleBroken, match="Give a link starting https:// or upload a file"):
        catalogue.add(association, values, user=lead)
    upload = pdf_upload()
    values.link = "https://example.org/guide"
    with pytest.raises(catalogue.RuleBroken, match="not both"):
        catalogue.add(association, values, user=lead, upload=(upload, files.check(upload)))
    assert not Resource.objects.exists()


def test_adding_changing_and_removing_are_kept_in_history(association, lead, private_files):
    resource = make_file_resource(association, lead, areas=["Luton"])
    stored = Path(private_files) / resource.stored_name
    assert stored.read_bytes().startswith(b"%PDF")
    area = "Resources: Fictional County Care Association"
    catalogue.change(
        resource,
        catalogue.Values(title=resource.title, kind=Resource.TEMPLATE, link="https://example.org/t.docx"),
        user=lead,
    )
    resource.refresh_from_db()
    assert resource.link == "https://example.org/t.docx" and not resource.has_file and resource.areas == ""
    catalogue.remove(resource, lead)
    records = list(ChangeRecord.objects.filter(area=area).order_by("pk"))
    assert [r.action for r in records] == ["created", "updated", "deleted"]
    assert all(r.organisation_id is None and r.actor == lead for r in records)
    assert records[0].changes["File"] == "template.pdf"
    assert records[1].changes["Link"] == ["", "https://example.org/t.docx"]
    assert records[1].changes["Areas it serves"] == ["Luton", ""]
    assert not Resource.objects.exists()


def test_a_replaced_file_is_deleted_after_the_change(
    association, lead, private_files, django_capture_on_commit_callbacks
):
    resource = make_file_resource(association, lead)
    old = Path(private_files) / resource.stored_name
    upload = pdf_upload("new-template.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        catalogue.change(
            resource,
            catalogue.Values(title=resource.title, kind=resource.kind),
            user=lead,
            upload=(upload, files.check(upload)),
        )
    resource.refresh_from_db()
    assert resource.file_name == "new-template.pdf" and (Path(private_files) / resource.stored_name).exists()
    assert not old.exists()


def test_changing_nothing_records_nothing(association, lead):
    resource = make_link_resource(association, lead)
    values = catalogue.Values(title=resource.title, kind=resource.kind, link=resource.link)
    catalogue.change(resource, values, user=lead)
    assert ChangeRecord.objects.filter(action="updated").count() == 0


def test_the_public_listing_shows_only_published_resources_grouped_and_filtered_by_area(association, lead):
    from dspt.support.tests.factories import make_support_organisation

    make_link_resource(association, lead, title="Everywhere guide")
    make_link_resource(association, lead, title="Luton guide", areas=["Luton"])
    make_file_resource(association, lead, title="Stevenage template", areas=["Stevenage"])
    make_link_resource(association, lead, title="Draft slides", kind=Resource.SLIDES, published=False)
    other = make_support_organisation(name="Other Care Association", slug="oca")
    make_link_resource(other, lead, title="Someone else's guide")

    listing = catalogue.public_listing(association)
    assert [(g.label, [r.title for r in g.resources]) for g in listing.groups] == [
        ("Template", ["Stevenage template"]),
        ("Guide", ["Everywhere guide", "Luton guide"]),
    ]
    assert listing.areas == ["Fictional County", "Luton", "Stevenage"]
    luton = catalogue.public_listing(association, "luton")
    assert luton.area == "Luton"
    assert [r.title for g in luton.groups for r in g.resources] == ["Everywhere guide", "Luton guide"]
    assert catalogue.public_listing(association, "Atlantis").area == ""


def test_the_public_listing_takes_one_query_however_many_resources(association, lead):
    make_link_resource(association, lead)
    with CaptureQueriesContext(connection) as few:
        catalogue.public_listing(association, "Luton")
    for number in range(10):
        make_link_resource(association, lead, title=f"Guide {number}", areas=[f"Town {number}"])
    with CaptureQueriesContext(connection) as many:
        catalogue.public_listing(association, "Luton")
    assert len(few) == len(many) == 1


def test_only_published_files_can_be_downloaded_publicly(association, lead):
    shown = make_file_resource(association, lead)
    hidden = make_file_resource(association, lead, title="Draft", published=False)
    link = make_link_resource(association, lead)
    assert catalogue.published_file(association, shown.pk) == shown
    assert catalogue.published_file(association, hidden.pk) is None
    assert catalogue.published_file(association, link.pk) is None
