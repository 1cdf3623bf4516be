"""Downloading registers and importing them back: the Excel and CSV round trips, the preview, all or nothing."""

import csv
import datetime
import html
import io
import re
import zipfile
from importlib import import_module

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from dspt.history.models import ChangeRecord
from dspt.lib import uploads
from dspt.registers import entries, importing
from dspt.registers.models import PendingImport
from dspt.registers.specs import ALL, INFORMATION_ASSETS, PROCESSING_ACTIVITIES
from dspt.registers.tests.factories import (
    add_activity,
    add_asset,
    add_spot_check,
    add_supplier,
    add_unsupported,
    certifications,
)

pytestmark = pytest.mark.django_db
IAR, ROPA = INFORMATION_ASSETS, PROCESSING_ACTIVITIES
BASE = "/o/VX101/registers"


@pytest.fixture
def registers(org, owner):
    """Entries with awkward values: text that looks like a formula or starts with an apostrophe, line breaks,
    accents, a name with a semicolon, a date, Yes and No, an archived asset still linked, several links."""
    plans = add_asset(org, owner, last_reviewed=datetime.date(2026, 3, 27))
    laptop = add_asset(
        org,
        owner,
        name="Office laptop; spare",
        asset_type="device",
        special_category=False,
        risks='=HYPERLINK("http://evil.example")\n+44 phone\n-minus\n@at',
        access="'quoted' staff\nRégine Müller",
        volume="2000",
    )
    old = add_asset(org, owner, name="Old rota book", asset_type="paper", special_category=False)
    add_activity(org, owner, assets=[plans, laptop, old])
    add_activity(
        org,
        owner,
        purpose="Paying staff",
        lawful_basis="c",
        special_category_condition="none",
        transfers_outside_uk="yes",
        transfer_details="USA: standard contract clauses",
        assets=[laptop],
    )
    entries.archive(IAR, old, owner)
    add_unsupported(org, owner, plan_by=datetime.date(2027, 1, 31), mitigation="=1+1\nkept offline")
    add_unsupported(org, owner, item="Reception tablet", kind="device", supported_until=None, risk="high", plan="")
    add_supplier(org, owner, certifications=certifications("cyber_essentials_plus", "dspt"))
    add_supplier(
        org, owner, supplier="Shred; It", contract_clauses="not_sure", contract_review=datetime.date(2027, 3, 1)
    )
    add_spot_check(org, owner, next_due=datetime.date(2026, 3, 31))
    add_spot_check(org, owner, title="Bins", checklist="confidential_waste", frequency=12, responsible="")
    _an_example_in_every_other_register(org, owner)
    return plans, laptop, old


def _an_example_in_every_other_register(org, owner):
    """Registers added by other apps get their app's example entry (tests/factories.py EXAMPLES)."""
    made = {}
    for spec in ALL:
        current = spec.entries(org).filter(archived_at=None).first()
        if current is None:
            examples = import_module(f"{spec.model._meta.app_config.name}.tests.factories").EXAMPLES
            current = examples[spec.slug](org, owner, made)
            current = current[0] if isinstance(current, tuple) else current
        made[spec.slug] = current


def upload(client, spec, name, content):
    return client.post(f"{BASE}/{spec.slug}/import/", {"file": SimpleUploadedFile(name, content)})


def text_of(response) -> str:
    """The page's title and the text of its <main>, tags removed, spaces collapsed: short messages on failure."""
    page = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    main = page[page.find("<main") : page.find("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", title + " " + main)).split())


def snapshot(org):
    """Everything about the registers' entries that an import could change, and the history's length."""
    rows = []
    for spec in ALL:
        for entry in spec.entries(org).order_by("pk"):
            rows.append((spec.slug, entry.pk, entries.history_values(spec, entry), entry.updated_at, entry.archived_at))
    return rows, ChangeRecord.objects.count()


@pytest.mark.parametrize(("extension", "path"), [("xlsx", "export.xlsx"), ("csv", "export.csv")])
def test_an_export_imports_back_without_changing_anything(client_for, member, org, registers, extension, path):
    client = client_for(member)
    before = snapshot(org)
    for spec in ALL:
        assert spec.entries(org).filter(archived_at=None).exists(), f"add {spec.slug} entries to `registers` above"
        exported = client.get(f"{BASE}/{spec.slug}/{path}")
        assert exported.status_code == 200
        assert exported["Content-Disposition"].startswith(f'attachment; filename="VX101-{spec.slug}-')

        page = text_of(upload(client, spec, f"export.{extension}", exported.content))

        assert "Every row of the file matches the register already" in page, page
        table = importing.spreadsheets.read(SimpleUploadedFile(f"x.{extension}", exported.content), _kind(extension))
        outcome = importing.run(spec, org, member, table, dry_run=False)
        assert (outcome.problems, outcome.added, outcome.changed) == ([], [], [])
    assert snapshot(org) == before
    assert not PendingImport.objects.exists()


def _kind(extension):
    return uploads.CSV if extension == "csv" else uploads.XLSX


def test_exported_cells_are_text_never_formulas(client_for, viewer, registers):
    workbook = load_workbook(io.BytesIO(client_for(viewer).get(f"{BASE}/information-assets/export.xlsx").content))
    sheet = workbook.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    assert headings[:3] == ["Reference", "Asset name", "Type"]
    laptop = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "Office laptop; spare")
    risks = laptop[headings.index("Risks")]
    assert risks.data_type == "s" and risks.value.startswith("'=HYPERLINK")
    assert laptop[headings.index("Who can access it")].value == "''quoted' staff\nRégine Müller"
    reviewed = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "Care plans")
    assert reviewed[headings.index("Last reviewed")].value == datetime.datetime(2026, 3, 27)
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == ["Care plans", "Office laptop; spare"]  # current
    assert workbook.sheetnames == ["Information Asset Register", "How to fill this in", "Allowed values"]


def test_csv_export_is_utf8_for_excel_with_dates_written_plainly(client_for, viewer, registers):
    content = client_for(viewer).get(f"{BASE}/information-assets/export.csv").content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[1][1] == "Care plans" and rows[1][-1] == "2026-03-27"


def make_xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_changed_export_shows_what_will_change_then_imports_it_with_history(client_for, member, org, registers):
    plans, laptop, _old = registers
    client = client_for(member)
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/information-assets/export.xlsx").content))
    sheet = workbook.worksheets[0]
    sheet.cell(row=2, column=4, value="Deputy manager")  # Care plans' owner
    sheet.append(["", "Medication records", "system", "Deputy manager", "", "", "", "yes"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    preview = text_of(upload(client, IAR, "assets.xlsx", buffer.getvalue()))

    assert "Check what will change" in preview
    assert "add 1 entry" in preview and "change 1 entry" in preview and "leave 1 row as it is" in preview
    assert "Registered manager → Deputy manager" in preview
    plans.refresh_from_db()
    assert plans.owner == "Registered manager"  # nothing yet
    pending = PendingImport.objects.get()

    done = client.post(f"{BASE}/information-assets/import/", {"import_id": pending.pk})

    assert done.status_code == 302 and done["Location"] == f"{BASE}/information-assets/"
    plans.refresh_from_db()
    assert plans.owner == "Deputy manager"
    added = IAR.entries(org).get(name="Medication records")
    assert (added.asset_type, added.special_category, added.created_by) == ("system", True, member)
    change = ChangeRecord.objects.get(object_id=str(plans.pk), area=IAR.name, action=ChangeRecord.UPDATED)
    assert (change.changes, change.actor) == ({"Owner": ["Registered manager", "Deputy manager"]}, member)
    assert ChangeRecord.objects.get(object_id=str(added.pk), area=IAR.name).changes["Type"] == [None, "System or app"]
    assert not PendingImport.objects.exists()
    laptop.refresh_from_db()
    assert laptop.risks.startswith("=HYPERLINK")


def test_bad_rows_are_listed_by_row_and_column_and_nothing_is_imported(client_for, member, org, registers):
    before = snapshot(org)
    content = make_xlsx(
        [
            ["Asset name", "Type", "Owner", "Special category data", "Last reviewed", "Reference"],
            ["Rota", "Paper", "Manager", "No", "1/2/2026", ""],
            [],
            ["Spaceship", "Rocket", "Manager", "Maybe", "", ""],
            ["", "Paper", "", "No", "31/02/2026", ""],
            ["Care plans", "Paper", "Manager", "Yes", "", ""],
            ["Strange", "Paper", "Manager", "No", "", "99999"],
        ]
    )

    page = text_of(upload(client_for(member), IAR, "bad.xlsx", content))

    assert "Nothing has been imported" in page
    problems = [
        ("Row 4", "Type", "Type must be one of: Paper, Digital files, System or app, Device"),
        ("Row 4", "Special category data", "Special category data must be Yes or No"),
        ("Row 5", "Asset name", "Enter the asset's name"),
        ("Row 5", "Owner", "Enter who owns the asset: a name or a role"),
        ("Row 5", "Last reviewed", "Last reviewed must be a date, like 27/03/2026"),
        ("Row 6", "Asset name", "'Care plans' is already in this register"),
        ("Row 7", "Reference", "There is no entry 99999 in this register"),
    ]
    for where, column, message in problems:
        assert where in page and column in page and message in page, (where, column, message)
    assert "Row 2" not in page
    assert snapshot(org) == before
    assert not PendingImport.objects.exists()
    assert page.startswith("Error:")


def test_a_bad_row_stops_the_real_import_too(org, member, registers):
    table = importing.Table(
        ["Asset name", "Type", "Owner", "Special category data"],
        [(2, ["Rota", "Paper", "Manager", "No"]), (3, ["Fax", "Machine", "Manager", "No"])],
    )
    before = snapshot(org)

    outcome = importing.run(IAR, org, member, table, dry_run=False)

    message = "Type must be one of: Paper, Digital files, System or app, Device"
    assert [(p.row, p.column, p.message) for p in outcome.problems] == [(3, "Type", message)]
    assert snapshot(org) == before


def test_an_import_confirmed_after_the_register_changed_imports_nothing(client_for, member, owner, org, registers):
    client = client_for(member)
    upload(
        client,
        IAR,
        "new.xlsx",
        make_xlsx(
            [
                ["Asset name", "Type", "Owner", "Special category data"],
                ["Payroll", "System", "Office", "No"],
                ["Rota", "Paper", "Office", "No"],
            ]
        ),
    )
    pending = PendingImport.objects.get()
    add_asset(org, owner, name="Payroll", asset_type="system")  # someone else, meanwhile
    before = snapshot(org)

    page = text_of(client.post(f"{BASE}/information-assets/import/", {"import_id": pending.pk}))

    assert "Nothing has been imported" in page and "Row 2" in page and "already in this register" in page
    assert snapshot(org) == before


def test_activities_name_their_assets_and_unknown_or_archived_ones_are_refused(client_for, member, org, registers):
    heading = [
        "Purpose",
        "Whose data",
        "What data",
        "Lawful basis",
        "Special category condition",
        "Transferred outside the UK",
        "Systems and assets used",
    ]
    content = make_xlsx(
        [
            heading,
            ["Rostering", "Staff", "Names", "6(1)(b) contract", "none", "no", "care PLANS\nOffice laptop; spare"],
            ["Billing", "Clients", "Addresses", "f", "9(2)(h) Health or social care", "No", "Care plans; Typewriter"],
            ["Archive", "Clients", "Notes", "b", "h", "No", "Old rota book"],
        ]
    )
    page = text_of(upload(client_for(member), ROPA, "ropa.xlsx", content))
    assert "Row 3" in page and "'Typewriter': not among your current information assets" in page
    assert "'Old rota book': not among your current information assets" in page

    table = importing.Table(
        heading,
        [
            (2, content_row)
            for content_row in [
                ["Rostering", "Staff", "Names", "6(1)(b) contract", "none", "no", "care PLANS\nOffice laptop; spare"]
            ]
        ],
    )
    outcome = importing.run(ROPA, org, member, table, dry_run=False)
    assert outcome.problems == []
    rostering = ROPA.entries(org).get(purpose="Rostering")
    assert sorted(a.name for a in rostering.assets.all()) == ["Care plans", "Office laptop; spare"]
    assert (rostering.lawful_basis, rostering.special_category_condition) == ("b", "none")


def test_another_organisations_reference_is_no_entry_here(client_for, outsider, org, registers):
    plans = registers[0]
    content = make_xlsx(
        [
            ["Reference", "Asset name", "Type", "Owner", "Special category data"],
            [plans.pk, "Taken over", "Paper", "Me", "No"],
        ]
    )
    page = text_of(
        upload(client_for(outsider), IAR, "x.xlsx", content).__class__
        and client_for(outsider).post(
            "/o/VX201/registers/information-assets/import/", {"file": SimpleUploadedFile("x.xlsx", content)}
        )
    )
    assert f"There is no entry {plans.pk} in this register" in page
    plans.refresh_from_db()
    assert plans.name == "Care plans"


def test_headings_that_are_not_the_registers_are_named(client_for, member, registers):
    page = text_of(upload(client_for(member), IAR, "x.xlsx", make_xlsx([["Patient", "Bed"], ["A", "1"]])))
    assert "The first row must hold the column headings of the Information Asset Register" in page

    page = text_of(upload(client_for(member), IAR, "x.xlsx", make_xlsx([["Asset name", "Colour"], ["A", "red"]])))
    assert "Colour" in page and "This is not a column of this register" in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("assets.xlsx", b"%PDF-1.7 not a workbook", "named like a .xlsx but contains a PDF document"),
        ("assets.pdf", b"%PDF-1.7", "must be an Excel workbook (.xlsx) or a CSV file (.csv)"),
        ("assets.csv", b"%PDF-1.7 pretending", "is not a CSV file"),
        ("assets.csv", b"Asset name\x00,Type\n", "holds characters a CSV file cannot"),
        ("assets.csv", b"", "The file is empty"),
        ("assets.xlsx", b"PK\x03\x04 not a zip", "must be an Excel workbook"),
    ],
)
def test_uploads_are_checked_by_content(client_for, member, registers, name, content, message):
    page = text_of(upload(client_for(member), IAR, name, content))
    assert message in page, page
    assert not PendingImport.objects.exists()


def test_a_zip_bomb_named_xlsx_is_refused_unopened(client_for, member, registers):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (70 * 1024 * 1024) + b"</a>")
    page = text_of(upload(client_for(member), IAR, "huge.xlsx", buffer.getvalue()))
    assert "huge.xlsx cannot be checked safely" in page


def test_a_workbook_that_would_unpack_to_more_than_an_import_reads_is_refused(
    client_for, member, registers, monkeypatch
):
    content = make_xlsx([["Asset name"], *[[f"Asset {n}"] for n in range(200)]])
    monkeypatch.setattr(uploads, "TABLE_MAX_UNPACKED_BYTES", 2000)
    page = text_of(upload(client_for(member), IAR, "big.xlsx", content))
    assert "big.xlsx is too large to import" in page


def test_csv_from_excel_on_windows_and_with_semicolons_is_read(client_for, member, org, registers):
    content = "Asset name;Type;Owner;Special category data\r\nRésumés;Paper;Office;No\r\n".encode("cp1252")
    upload(client_for(member), IAR, "old-excel.csv", content)
    pending = PendingImport.objects.get()
    assert pending.rows == [[2, ["Résumés", "Paper", "Office", "No"]]]


def test_the_template_is_blank_with_guidance_and_drop_down_lists(client_for, viewer, member, org, registers):
    response = client_for(viewer).get(f"{BASE}/processing-activities/template.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet, how_to, allowed = workbook.worksheets

    assert [cell.value for cell in sheet[1]][:3] == ["Reference", "Purpose", "Whose data"]
    assert sheet.max_row == 1
    guidance = {row[0]: row for row in how_to.iter_rows(min_row=2, values_only=True)}
    assert guidance["Lawful basis"][2] == "Yes" and "6(1)(b) Contract" in guidance["Lawful basis"][4]
    assert guidance["Special category condition"][3] == "9(2)(h) Health or social care"
    assert "9(2)(j) Archiving, research or statistics" in [c.value for c in allowed["B"]]
    assert len(sheet.data_validations.dataValidation) == 3  # lawful basis, condition, transfers
    page = text_of(upload(client_for(member), ROPA, "template.xlsx", response.content))
    assert "Every row of the file matches the register already" in page


def test_viewers_download_but_do_not_import(client_for, viewer, registers):
    client = client_for(viewer)
    assert client.get(f"{BASE}/information-assets/export.xlsx").status_code == 200
    assert client.get(f"{BASE}/information-assets/import/").status_code == 403
    assert "Import from a spreadsheet" not in text_of(client.get(f"{BASE}/information-assets/"))


def test_only_the_person_who_uploaded_can_confirm_and_only_in_their_register(client_for, member, owner, registers):
    upload(
        client_for(member),
        IAR,
        "new.xlsx",
        make_xlsx([["Asset name", "Type", "Owner", "Special category data"], ["Payroll", "System", "Office", "No"]]),
    )
    pending = PendingImport.objects.get()
    assert client_for(owner).post(f"{BASE}/information-assets/import/", {"import_id": pending.pk}).status_code == 404
    wrong_register = client_for(member).post(f"{BASE}/processing-activities/import/", {"import_id": pending.pk})
    assert wrong_register.status_code == 404
    assert client_for(member).post(f"{BASE}/information-assets/import/", {"import_id": "x"}).status_code == 404
    assert PendingImport.objects.filter(pk=pending.pk).exists()


def test_preparing_an_import_checks_the_file_whoever_calls_it(org, member):
    with pytest.raises(uploads.Refused, match="must be an Excel workbook"):
        importing.prepare(IAR, org, member, SimpleUploadedFile("x.pdf", b"%PDF-1.7"))


def test_an_archived_entry_is_not_changed_by_an_import(client_for, member, org, owner, registers):
    plans = registers[0]
    entries.archive(IAR, plans, owner)
    content = make_xlsx(
        [
            ["Reference", "Asset name", "Type", "Owner", "Special category data"],
            [plans.pk, "Renamed", "Paper", "Me", "No"],
        ]
    )
    page = text_of(upload(client_for(member), IAR, "x.xlsx", content))
    assert f"Entry {plans.pk} ('Care plans') is archived: restore it in the register first" in page
    plans.refresh_from_db()
    assert plans.name == "Care plans" and not PendingImport.objects.exists()


def test_a_file_far_wider_than_any_register_is_refused_before_it_is_spread_out(client_for, member, registers):
    wide = b"Asset name" + b"," * 100_000 + b"\nx\n" * 300
    page = text_of(upload(client_for(member), IAR, "wide.csv", wide))
    assert "more than 100 columns in row 1" in page
    # A workbook 16,384 columns wide is read only as far as a register's columns could go
    from dspt.registers import spreadsheets

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Asset name", "Type", "Owner", "Special category data"])
    sheet.append(["Rota", "Paper", "Office", "No"])
    sheet.cell(row=2, column=16384, value="far away")
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = spreadsheets.read(SimpleUploadedFile("x.xlsx", buffer.getvalue()), uploads.XLSX)
    assert len(table.headings) == spreadsheets.MAX_COLUMNS
    assert table.rows[0][1][:4] == ["Rota", "Paper", "Office", "No"]


def test_imports_waiting_longer_than_a_day_are_forgotten(client_for, member, org, registers):
    from django.core.management import call_command
    from django.utils import timezone

    content = make_xlsx([["Asset name", "Type", "Owner", "Special category data"], ["Rota", "Paper", "Office", "No"]])
    upload(client_for(member), IAR, "x.xlsx", content)
    pending = PendingImport.objects.get()
    call_command("clear_pending_imports", verbosity=0)
    assert PendingImport.objects.filter(pk=pending.pk).exists()  # still within its day
    PendingImport.objects.filter(pk=pending.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    call_command("clear_pending_imports", verbosity=0)
    assert not PendingImport.objects.exists()
