"""A register's pages, as members, viewers and outsiders use them (the same views serve every register)."""

import html
import re

import pytest

from dspt.history.models import ChangeRecord
from dspt.registers import entries
from dspt.registers.specs import INFORMATION_ASSETS, PROCESSING_ACTIVITIES
from dspt.registers.tests.factories import add_asset

pytestmark = pytest.mark.django_db
IAR, ROPA = INFORMATION_ASSETS, PROCESSING_ACTIVITIES
ASSETS, ACTIVITIES = "/o/VX101/registers/information-assets/", "/o/VX101/registers/processing-activities/"


def text_of(response) -> str:
    page = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    main = page[page.find("<main") : page.find("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", title + " " + main)).split())


def listed(response) -> list[str]:
    """The titles in the list's table."""
    page = response.content.decode()
    table = page[page.find("<table") : page.find("</table>")]
    return [html.unescape(title) for title in re.findall(r'<a href="/o/VX101/registers/[\w-]+/\d+/">(.*?)</a>', table)]


ASSET_FORM = {
    "name": "Staff files",
    "asset_type": "paper",
    "owner": "Office manager",
    "location": "Office",
    "special_category": "yes",
    "last_reviewed[day]": "3",
    "last_reviewed[month]": "March",
    "last_reviewed[year]": "2026",
}


def test_adding_with_a_mistake_keeps_what_was_typed_and_says_what_to_do(client_for, member, org):
    client = client_for(member)
    mistaken = ASSET_FORM | {"owner": "", "last_reviewed[day]": "31", "last_reviewed[month]": "2"}

    response = client.post(f"{ASSETS}add/", mistaken)

    page = text_of(response)
    assert response.status_code == 200 and page.startswith("Error: Add an information asset")
    assert "Enter who owns the asset: a name or a role" in page
    assert "Last reviewed must be a real date" in page
    form = response.content.decode()
    assert 'value="Staff files"' in form and 'value="Office"' in form and 'value="31"' in form
    assert re.search(r'value="paper"\s+checked', form) and re.search(r'value="yes"\s+checked', form)
    assert not IAR.entries(org).exists()

    response = client.post(f"{ASSETS}add/", ASSET_FORM)

    added = IAR.entries(org).get()
    assert response.status_code == 302 and response["Location"] == f"{ASSETS}{added.pk}/"
    assert (added.owner, str(added.last_reviewed), added.special_category) == ("Office manager", "2026-03-03", True)
    page = text_of(client.get(response["Location"]))
    assert "Added 'Staff files' to the Information Asset Register" in page
    assert "Last reviewed 3 March 2026" in page and "Special category data Yes" in page


def test_an_activity_links_several_assets_by_ticking_them_and_archived_ones_are_not_offered(
    client_for, member, owner, org
):
    plans, laptop = add_asset(org, owner), add_asset(org, owner, name="Office laptop", asset_type="device")
    old = add_asset(org, owner, name="Old rota book")
    entries.archive(IAR, old, owner)
    client = client_for(member)

    form = client.get(f"{ACTIVITIES}add/").content.decode()

    assert form.count('name="assets" type="checkbox"') == 2 and "Old rota book" not in form
    assert 'name="lawful_basis" type="radio"' in form and "6(1)(f) Legitimate interests" in form
    assert "9(2)(h) Health or social care" in form
    values = {
        "purpose": "Delivering care",
        "people_categories": "People we support",
        "data_categories": "Care needs",
        "lawful_basis": "e",
        "special_category_condition": "h",
        "transfers_outside_uk": "no",
        "assets": [plans.pk, laptop.pk],
    }
    response = client.post(f"{ACTIVITIES}add/", values)

    activity = ROPA.entries(org).get()
    assert response.status_code == 302
    assert sorted(a.name for a in activity.assets.all()) == ["Care plans", "Office laptop"]
    page = text_of(client.get(f"{ACTIVITIES}{activity.pk}/"))
    assert "Lawful basis 6(1)(e) Public task" in page and "Systems and assets used Care plans Office laptop" in page
    entry_page = client.get(f"{ACTIVITIES}{activity.pk}/").content.decode()
    assert f'<a href="{ASSETS}{plans.pk}/">Care plans</a>' in entry_page
    assert "Systems and assets used in: Delivering care" in text_of(client.get(f"{ASSETS}{plans.pk}/"))
    refused = client.post(f"{ACTIVITIES}add/", values | {"purpose": "Other", "assets": [old.pk]})
    assert "Choose only information assets from the list" in text_of(refused)


def test_transfers_outside_the_uk_need_where_and_the_safeguard(client_for, member, org):
    client = client_for(member)
    form = text_of(client.get(f"{ACTIVITIES}add/"))
    assert "If it does, where does it go and what safeguard protects it there?" in form
    response = client.post(
        f"{ACTIVITIES}add/",
        {
            "purpose": "Payroll",
            "people_categories": "Staff",
            "data_categories": "Pay",
            "lawful_basis": "c",
            "special_category_condition": "none",
            "transfers_outside_uk": "yes",
        },
    )
    assert "Say where the data goes and what safeguard protects it there" in text_of(response)


def test_editing_shows_the_entry_and_records_what_changed(client_for, member, owner, org):
    asset = add_asset(org, owner)
    client = client_for(member)
    form = client.get(f"{ASSETS}{asset.pk}/edit/").content.decode()
    assert 'value="Care plans"' in form and 'value="Registered manager"' in form

    data = {"name": "Care plans", "asset_type": "digital", "owner": "Deputy manager", "special_category": "yes"}
    response = client.post(f"{ASSETS}{asset.pk}/edit/", data)

    assert response.status_code == 302
    asset.refresh_from_db()
    assert (asset.asset_type, asset.owner, asset.location) == ("digital", "Deputy manager", "")
    history = text_of(client.get(f"{ASSETS}{asset.pk}/history/"))
    assert "member@care.example" in history and "Type : Paper → Digital files" in history
    assert "Owner : Registered manager → Deputy manager" in history and "Added" in history
    assert ChangeRecord.objects.filter(area=IAR.name, object_id=str(asset.pk)).count() == 2


def test_archiving_hides_an_entry_until_it_is_shown_or_restored(client_for, member, owner, org):
    asset = add_asset(org, owner)
    client = client_for(member)
    assert "Archive 'Care plans'?" in text_of(client.get(f"{ASSETS}{asset.pk}/archive/"))

    response = client.post(f"{ASSETS}{asset.pk}/archive/")

    assert response.status_code == 302 and response["Location"] == ASSETS
    assert listed(client.get(ASSETS)) == []
    assert listed(client.get(ASSETS, {"status": "archived"})) == ["Care plans"]
    page = text_of(client.get(f"{ASSETS}{asset.pk}/"))
    assert "Archived" in page and "Restore" in page and "Change asset name" not in page
    assert client.get(f"{ASSETS}{asset.pk}/edit/").status_code == 302

    assert client.post(f"{ASSETS}{asset.pk}/restore/").status_code == 302
    assert listed(client.get(ASSETS)) == ["Care plans"]
    history = text_of(client.get(f"{ASSETS}{asset.pk}/history/"))
    assert "Status : Current → Archived" in history and "Status : Archived → Current" in history


def test_restoring_when_the_name_is_taken_says_why(client_for, member, owner, org):
    asset = add_asset(org, owner)
    entries.archive(IAR, asset, owner)
    add_asset(org, owner)
    page = text_of(client_for(member).post(f"{ASSETS}{asset.pk}/restore/"))
    assert page.startswith("Error:") and "'Care plans' is already in this register" in page


def test_search_and_filters_narrow_the_list(client_for, viewer, owner, org):
    add_asset(org, owner)
    add_asset(org, owner, name="Office laptop", asset_type="device", special_category=False, location="Office desk")
    add_asset(org, owner, name="Rota", asset_type="paper", special_category=False, owner="Deputy Manager")
    client = client_for(viewer)

    assert listed(client.get(ASSETS)) == ["Care plans", "Office laptop", "Rota"]
    assert listed(client.get(ASSETS, {"q": "office desk"})) == ["Office laptop"]  # every word, in any field
    assert listed(client.get(ASSETS, {"q": "deputy MANAGER"})) == ["Rota"]
    assert listed(client.get(ASSETS, {"asset_type": "paper"})) == ["Care plans", "Rota"]
    assert listed(client.get(ASSETS, {"asset_type": "paper", "special_category": "no"})) == ["Rota"]
    assert listed(client.get(ASSETS, {"asset_type": "spaceship", "special_category": "maybe"})) == [
        "Care plans",
        "Office laptop",
        "Rota",
    ]
    empty = text_of(client.get(ASSETS, {"q": "nothing like this"}))
    assert "No entries matching 'nothing like this'" in empty


def test_the_list_pages_through_many_entries_keeping_the_search(client_for, viewer, owner, org):
    for number in range(30):
        add_asset(org, owner, name=f"Box {number:02}", owner="Archivist")
    client = client_for(viewer)
    first = client.get(ASSETS, {"q": "archivist"})
    assert len(listed(first)) == 25 and "Information Asset Register: 30 information assets" in text_of(first)
    assert "?q=archivist&amp;page=2" in first.content.decode()
    assert listed(client.get(ASSETS, {"q": "archivist", "page": "2"})) == [f"Box {n}" for n in range(25, 30)]


def test_viewers_read_but_change_nothing(client_for, viewer, owner, org):
    asset = add_asset(org, owner)
    client = client_for(viewer)

    page = text_of(client.get(ASSETS))
    entry_page = text_of(client.get(f"{ASSETS}{asset.pk}/"))

    assert "Care plans" in page and "Add an information asset" not in page
    assert "Change" not in entry_page.replace("See the history of changes", "") and "Archive" not in entry_page
    for url in (f"{ASSETS}add/", f"{ASSETS}{asset.pk}/edit/", f"{ASSETS}{asset.pk}/archive/"):
        assert client.post(url, ASSET_FORM).status_code == 403, url
    assert client.get(f"{ASSETS}{asset.pk}/history/").status_code == 200


def test_outsiders_get_404_for_the_entries_of_another_organisation(client_for, outsider, owner, org):
    asset = add_asset(org, owner)
    client = client_for(outsider)
    assert client.get(f"{ASSETS}{asset.pk}/").status_code == 404
    for url in (
        f"/o/VX201/registers/information-assets/{asset.pk}/",
        f"/o/VX201/registers/information-assets/{asset.pk}/archive/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    asset.refresh_from_db()
    assert not asset.is_archived
    assert listed(client.get("/o/VX201/registers/information-assets/")) == []


def test_the_index_lists_every_register_with_its_count_and_last_update(client_for, viewer, owner, org):
    add_asset(org, owner)
    page = text_of(client_for(viewer).get("/o/VX101/registers/"))
    assert "Information Asset Register What information you hold" in page
    assert "Entries 1 Last updated" in page and "Entries 0 Last updated Not yet" in page


def test_the_home_page_and_navigation_lead_to_the_registers(client_for, viewer, owner, org):
    client = client_for(viewer)
    home = client.get("/o/VX101/").content.decode()
    assert '<a class="nhsuk-header__navigation-link" href="/o/VX101/registers/">Registers</a>' in home
    assert "Keep your registers" in home and "Not started" in text_of(client.get("/o/VX101/"))
    add_asset(org, owner)
    assert "1 entry, last updated" in text_of(client.get("/o/VX101/"))
    nav = re.findall(r'navigation-link" href="([^"]+)"', client.get("/o/VX101/registers/").content.decode())
    assert nav == [
        "/o/VX101/",
        "/o/VX101/assessment/",
        "/o/VX101/registers/",
        "/o/VX101/documents/",
        "/o/VX101/publish/",
        "/o/VX101/profile/",
        "/o/VX101/support/",
        "/o/VX101/people/",
    ]


def test_question_guidance_links_the_registers_it_names(client_for, owner, assessment):
    page = client_for(owner).get("/o/VX101/assessment/2025-26/q/1.1.2/").content.decode()
    assert 'href="/o/VX101/registers/information-assets/"' in page
    assert 'href="/o/VX101/registers/processing-activities/"' in page
