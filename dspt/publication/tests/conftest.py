import pytest

from tests.factories import complete_profile


@pytest.fixture(autouse=True)
def _finished_profile(request):
    """Publishing needs a finished organisation profile; give organisation A one when it is in the test."""
    if "org" in request.fixturenames:
        complete_profile(request.getfixturevalue("org"))
