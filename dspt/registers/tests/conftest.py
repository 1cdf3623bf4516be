import pytest

from dspt.registers.tests.factories import add_activity, add_asset


@pytest.fixture
def asset(org, owner):
    return add_asset(org, owner)


@pytest.fixture
def activity(org, owner, asset):
    return add_activity(org, owner, assets=[asset])
