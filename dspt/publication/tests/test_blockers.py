"""What stops publishing now (publication/rules.blockers): one row per situation, in journey order."""

import pytest

from dspt.publication import rules

BASE = {
    "status": "met",
    "published_before": False,
    "profile_checked": True,
    "profile_complete": True,
    "is_head_office": False,
    "branches_chosen": False,
    "plan_needed_refs": set(),
    "plan_complete_refs": set(),
    "plan_has_document": False,
}

CASES = [
    # (what is different from BASE, the steps that block, words in the first message)
    ({}, [], ""),
    ({"status": "exceeded", "published_before": True}, [], ""),
    ({"status": "met", "published_before": True}, [], ""),
    ({"status": "not_met"}, ["answers"], "do not reach Approaching Standards"),
    ({"status": "approaching", "plan_needed_refs": {"1.1.1"}}, ["action_plan"], "1 item still need"),
    (
        {"status": "approaching", "plan_needed_refs": {"1.1.1", "2.1.1"}, "plan_complete_refs": {"1.1.1"}},
        ["action_plan"],
        "1 item still need",
    ),
    ({"status": "approaching", "plan_needed_refs": {"1.1.1", "2.1.1"}}, ["action_plan"], "2 items still need"),
    ({"status": "approaching", "plan_needed_refs": {"1.1.1"}, "plan_complete_refs": {"1.1.1"}}, [], ""),
    ({"status": "approaching", "plan_needed_refs": {"1.1.1"}, "plan_has_document": True}, [], ""),
    ({"status": "approaching", "published_before": True}, ["rule"], "must reach Standards Met"),
    ({"status": "met", "plan_needed_refs": {"1.1.1"}}, [], ""),  # no plan at Standards Met
    ({"profile_checked": False}, ["profile"], "Check your organisation profile"),
    ({"profile_complete": False, "profile_checked": False}, ["profile"], "Finish your organisation profile"),
    ({"is_head_office": True}, ["branches"], "Choose which of your services"),
    ({"is_head_office": True, "branches_chosen": True}, [], ""),
    (
        {"status": "not_met", "profile_checked": False, "is_head_office": True},
        ["answers", "profile", "branches"],
        "do not reach",
    ),
    (
        {"status": "approaching", "published_before": True, "profile_complete": False, "plan_needed_refs": {"1.1.1"}},
        ["rule", "profile", "action_plan"],
        "must reach Standards Met",
    ),
]


@pytest.mark.parametrize(("change", "steps", "words"), CASES)
def test_blockers(change, steps, words):
    found = rules.blockers(**(BASE | change))
    assert [blocker.step for blocker in found] == steps
    if words:
        assert words in found[0].message


@pytest.mark.parametrize(
    ("status", "label"),
    [
        ("not_met", ""),
        ("approaching", "Approaching Standards"),
        ("met", "Standards Met"),
        ("exceeded", "Standards Exceeded"),
    ],
)
def test_what_can_be_published(status, label):
    assert rules.publishable_label(status) == label
