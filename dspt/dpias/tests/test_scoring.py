"""The ICO's matrix, cell by cell."""

import pytest

from dspt.dpias import scoring


@pytest.mark.parametrize(
    ("likelihood", "severity", "expected"),
    [
        ("remote", "minimal", "low"),
        ("remote", "significant", "low"),
        ("remote", "severe", "low"),
        ("possible", "minimal", "low"),
        ("possible", "significant", "medium"),
        ("possible", "severe", "high"),
        ("probable", "minimal", "low"),
        ("probable", "significant", "high"),
        ("probable", "severe", "high"),
    ],
)
def test_each_cell_of_the_matrix(likelihood, severity, expected):
    assert scoring.score(likelihood, severity) == expected


def test_nothing_until_both_halves_are_chosen():
    assert scoring.score("", "severe") == "" and scoring.score("possible", "") == ""
    assert scoring.score("likely", "severe") == ""
