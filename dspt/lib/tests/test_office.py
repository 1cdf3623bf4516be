import io

import pytest
from openpyxl import load_workbook

from dspt.assessments import answering
from dspt.lib import office


def test_text_drops_characters_xml_cannot_hold():
    assert office.text("a\x0bb\x00c\td\ne") == "abc\td\ne"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44", "'+44"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain", "plain"),
        ("a=b", "a=b"),
    ],
)
def test_cells_never_start_like_a_formula_in_spreadsheets_and_csv(value, expected):
    assert office.cell(value) == expected
    assert office.csv_cell(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(None, ""), (True, "true"), (False, "false"), (3, "3")])
def test_csv_cells_write_plain_values(value, expected):
    assert office.csv_cell(value) == expected


@pytest.mark.django_db
def test_exports_survive_text_pasted_from_word(client_for, owner, assessment):
    question = assessment.framework.questions.get(ref="1.3.13")
    answering.save_answer(
        assessment,
        question,
        value={"text": '=HYPERLINK("x")'},
        comment="line\x0bbreak",
        is_draft=False,
        user=owner,
        expected_version=0,
    )
    client = client_for(owner)
    xlsx = client.get("/o/VX101/assessment/2025-26/answers.xlsx")
    assert xlsx.status_code == 200
    rows = {row[0]: row for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True)}
    assert rows["1.3.13"][5] == '\'=HYPERLINK("x")'
    assert rows["1.3.13"][6] == "linebreak"
    assert client.get("/o/VX101/assessment/2025-26/answers.docx").status_code == 200
