"""What the form fuzz (tests/test_form_fuzz.py) found, each as the person met it, through the page."""

import pytest

pytestmark = pytest.mark.django_db


def test_uploading_an_action_plan_without_choosing_a_file_says_so(client_for, owner, walk_data):
    """Pressing Upload on the action plan page without choosing a file answered 500 (IndexError): the file field
    was required, but a field for several files let an empty choice through as an empty list."""
    client = client_for(owner)
    page = client.get("/o/VX101/publish/action-plan/").content.decode()
    assert 'action="/o/VX101/publish/action-plan/upload/"' in page
    response = client.post("/o/VX101/publish/action-plan/upload/", {})
    assert response.status_code == 200
    assert "Choose your action plan file" in response.content.decode()
