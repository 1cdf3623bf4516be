import io

import pytest
from django.core.management import CommandError, call_command

from dspt.organisations.models import OdsEntry

pytestmark = pytest.mark.django_db

GOOD = """code,name,postcode,parent_code,status,type
AX1Y,Fictional Group,ZZ1 1AA,,open,Head office
vx101,Fictional House,zz1 1ab,AX1Y,Active,Care home
VX104,Fictional Closed,ZZ1 1AE,AX1Y,closed,Care home
"""


def run(tmp_path, text, name="ods.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_ods", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_and_normalises_rows(tmp_path):
    out, err = run(tmp_path, GOOD)
    assert "Imported 3 of 3 rows" in out
    assert err == ""
    house = OdsEntry.objects.get(code="VX101")
    assert (house.name, house.postcode, house.parent_code, house.is_open, house.kind) == (
        "Fictional House",
        "ZZ1 1AB",
        "AX1Y",
        True,
        "Care home",
    )
    assert OdsEntry.objects.get(code="VX104").is_open is False


def test_importing_twice_changes_nothing_and_updates_in_place(tmp_path):
    run(tmp_path, GOOD)
    run(tmp_path, GOOD)
    assert OdsEntry.objects.count() == 3
    run(tmp_path, GOOD.replace("Fictional House", "Fictional House Renamed").replace("Active", "closed"))
    house = OdsEntry.objects.get(code="VX101")
    assert (OdsEntry.objects.count(), house.name, house.is_open) == (3, "Fictional House Renamed", False)


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_kept(tmp_path):
    text = (
        "code,name,status\n"
        "VX101,Fine,open\n"
        ",No code,open\n"
        "VX1!2,Bad code,open\n"
        "VX103,,open\n"
        "VX105,Odd status,maybe\n"
        "VX106,Also fine,\n"
    )
    out, err = run(tmp_path, text)
    assert "Imported 2 of 6 rows" in out
    assert "4 rows skipped" in out
    lines = err.strip().splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["line 3", "line 4", "line 5", "line 6"]
    assert "status 'maybe'" in lines[3]
    assert sorted(OdsEntry.objects.values_list("code", flat=True)) == ["VX101", "VX106"]


def test_a_repeated_code_keeps_the_last_row(tmp_path):
    run(tmp_path, "code,name\nVX101,First\nVX101,Second\n")
    assert OdsEntry.objects.get().name == "Second"


def test_a_file_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("ods,title\nVX101,Thing\n")
    with pytest.raises(CommandError, match="must include the columns: code, name"):
        call_command("import_ods", str(path))
    assert not OdsEntry.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_ods", str(tmp_path / "absent.csv"))


def test_the_demo_sample_loads(tmp_path, settings):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_ods", str(settings.BASE_DIR / "demo" / "ods-sample.csv"), stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert OdsEntry.objects.filter(parent_code="AX1Y").count() == 4
    assert all(name.startswith("Fictional") for name in OdsEntry.objects.values_list("name", flat=True))
