"""A person's own account: changing their name and their password through the pages."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "purple elephants dance quietly"


def test_changing_the_name(client_for, owner):
    client = client_for(owner)
    assert 'value="Olive Owner"' in client.get("/account/name/").content.decode()
    response = client.post("/account/name/", {"full_name": "  Olive Owner-Smith "})
    assert response.status_code == 302 and response["Location"] == "/account/"
    owner.refresh_from_db()
    assert owner.full_name == "Olive Owner-Smith"


def test_an_empty_name_is_refused_and_the_name_is_kept(client_for, owner):
    page = client_for(owner).post("/account/name/", {"full_name": "   "}).content.decode()
    assert "Error: Change your name" in page
    assert "Enter your full name" in page
    owner.refresh_from_db()
    assert owner.full_name == "Olive Owner"


def test_changing_the_password_keeps_the_person_signed_in(client_for, owner):
    client = client_for(owner)
    response = client.post(
        "/account/password/",
        {"current-password": PASSWORD, "new-password1": NEW_PASSWORD, "new-password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert client.get("/account/").status_code == 200  # the session survived the change
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD) and not owner.check_password(PASSWORD)


def test_a_wrong_current_password_and_a_mismatch_are_both_shown_and_nothing_changes(client_for, owner):
    page = (
        client_for(owner)
        .post(
            "/account/password/",
            {"current-password": "not it", "new-password1": NEW_PASSWORD, "new-password2": NEW_PASSWORD + "x"},
        )
        .content.decode()
    )
    assert "Error: Change your password" in page
    assert "The password is not right" in page
    summary = page[page.index("nhsuk-error-summary") : page.index("</ul>", page.index("nhsuk-error-summary"))]
    assert "The password is not right" in summary
    assert "The two passwords are different" in summary  # the second problem is listed too, not only the first
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_a_weak_new_password_is_refused(client_for, owner):
    page = (
        client_for(owner)
        .post("/account/password/", {"current-password": PASSWORD, "new-password1": "short", "new-password2": "short"})
        .content.decode()
    )
    assert "Error: Change your password" in page
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_signed_out_people_are_sent_to_sign_in(client):
    for url in ("/account/name/", "/account/password/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
