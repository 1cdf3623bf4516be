import pytest

from dspt.lib import ods


@pytest.mark.parametrize(
    ("raw", "code", "kind"),
    [
        ("VM195", "VM195", ods.SITE),
        (" vm 195 ", "VM195", ods.SITE),
        ("AG0Y", "AG0Y", ods.HEAD_OFFICE),
        ("ag0y", "AG0Y", ods.HEAD_OFFICE),
        ("AG0Y1", "AG0Y1", ods.HEAD_OFFICE),
        ("C1AB", "C1AB", ods.HEAD_OFFICE),
    ],
)
def test_it_accepts_site_and_head_office_codes(raw, code, kind):
    check = ods.check_format(raw)
    assert (check.code, check.kind, check.error) == (code, kind, None)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("", "Enter your organisation's ODS code"),
        ("VM19", "V followed by 4"),
        ("VM1955", "V followed by 4"),
        ("AG0", "A or C followed by 3"),
        ("C1A", "A or C followed by 3"),
        ("8HX12", "head office code (starts with A or C)"),
        ("RX1", "a head office code (starts with A or C, like AG0Y)"),
        ("VM19!", "only letters and numbers"),
        ("<script>", "only letters and numbers"),
    ],
)
def test_it_explains_malformed_codes(raw, words):
    check = ods.check_format(raw)
    assert check.kind is None
    assert words in check.error


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("VM195", "VM195"),
        ("vm-195", "VM195"),
        ("ag0y", "AG0Y"),
        ("8HX12", "8HX12"),
        ("AB", None),
        ("VM1951234567", None),
    ],
)
def test_one_rule_says_what_could_be_a_code_in_a_web_address(raw, expected):
    assert ods.code_from_url(raw) == expected
    assert ods.looks_like_code(ods.normalise(raw)) == (expected is not None)


def test_a_web_address_too_long_to_be_typed_is_not_a_code():
    assert ods.code_from_url("V M 1 9 5 - - - -") is None
