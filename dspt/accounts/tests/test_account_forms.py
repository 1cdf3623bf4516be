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


def error_summary_of(page: str) -> str:
    start = page.index("nhsuk-error-summary")
    return page[start : page.index("</ul>", start)]


def test_every_problem_with_a_new_password_is_listed_at_once_saying_what_to_do(client_for, owner):
    """Too short, too common, and the second copy different: all three, each saying what to do instead."""
    response = client_for(owner).post(
        "/account/password/",
        {"current-password": PASSWORD, "new-password1": "password", "new-password2": "passw0rd"},
    )
    summary = error_summary_of(response.content.decode())
    assert "Use at least 12 characters" in summary
    assert "This password is one of the most common. Choose one that is harder to guess" in summary
    assert "The two passwords are different. Type the same password twice" in summary
    # Not Django's wording, which says what is wrong but not what to do
    assert "This password is too short" not in summary and "This password is too common" not in summary
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678901234", "Use letters as well as numbers"),
        ("owner@care.example", "Choose a password that is not like your email address"),
        ("Olive Owner 1", "Choose a password that is not like your full name"),
    ],
)
def test_each_password_rule_says_what_to_do(client_for, owner, password, message):
    response = client_for(owner).post(
        "/account/password/",
        {"current-password": PASSWORD, "new-password1": password, "new-password2": password},
    )
    assert message in error_summary_of(response.content.decode())
