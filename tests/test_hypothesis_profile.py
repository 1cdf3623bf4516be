"""Property-based tests must not fail because a busy machine ran one example slowly: the suite's Hypothesis
profile (loaded by the root conftest.py) has no deadline."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st


def test_the_loaded_profile_has_no_deadline():
    assert settings.default.deadline is None


@settings(max_examples=2)
@given(st.integers())
def test_a_slow_example_is_not_a_failure(number):
    time.sleep(0.3)  # longer than Hypothesis's default 200 ms deadline, as on a loaded 2-core machine
    assert isinstance(number, int)
