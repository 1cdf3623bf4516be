import pytest

from dspt.history.models import ChangeRecord

pytestmark = pytest.mark.django_db

ROLES = {
    "caldicott_name": "Cal Dicott",
    "caldicott_title": "Registered manager",
    "siro_name": "",
    "siro_title": "",
    "ig_lead_name": "",
    "ig_lead_title": "",
    "dpo_name": "",
    "dpo_title": "",
}


def test_the_wizard_walks_every_step_then_asks_to_check(client_for, owner, org):
    client = client_for(owner)
    assert client.get("/o/VX101/profile/")["Location"] == "/o/VX101/profile/about/"
    steps = [
        (
            "about",
            {
                "name": "Fictional Meadowbrook",
                "organisation_type": "social_care",
                "services": "care_home",
                "size": "10-49",
            },
            "roles",
        ),
        ("roles", ROLES, "email"),
        ("email", {"nhsmail_only": "no"}, "cyber-essentials"),
        ("cyber-essentials", {"cyber_essentials_plus": "no"}, "ico"),
    ]
    for slug, data, following in steps:
        response = client.post(f"/o/VX101/profile/{slug}/", data)
        assert response["Location"] == f"/o/VX101/profile/{following}/", slug
    response = client.post("/o/VX101/profile/ico/", {"ico_number": "za 123456"})
    assert response["Location"] == "/o/VX101/profile/check/"
    page = client.get("/o/VX101/profile/check/").content.decode()
    for text in (
        "Fictional Meadowbrook",
        "10 to 49 staff",
        "Cal Dicott, Registered manager",
        "ZA123456",
        "Accept and save",
    ):
        assert text in page
    assert client.post("/o/VX101/profile/confirm/")["Location"] == "/o/VX101/"
    org.refresh_from_db()
    org.profile.refresh_from_db()
    assert org.name == "Fictional Meadowbrook"
    assert org.profile.completed_at is not None
    assert org.profile.ico_number == "ZA123456"
    home = client.get("/o/VX101/").content.decode()
    assert "Completed" in home


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        ("about", {"name": "", "organisation_type": "social_care"}, "Enter your organisation&#39;s name"),
        ("about", {"name": "X", "organisation_type": "social_care"}, "Select how many staff you have"),
        (
            "about",
            {"name": "X", "organisation_type": "social_care", "size": "1-9"},
            "Select what kind of care you provide",
        ),
        ("email", {}, "Select yes, no or not sure"),
        ("cyber-essentials", {"cyber_essentials_plus": "yes"}, "Enter the date on your Cyber Essentials Plus"),
        (
            "cyber-essentials",
            {
                "cyber_essentials_plus": "yes",
                "cyber_essentials_plus_date[day]": "1",
                "cyber_essentials_plus_date[month]": "1",
                "cyber_essentials_plus_date[year]": "2999",
            },
            "Date on the certificate must be today or in the past",
        ),
        (
            "cyber-essentials",
            {
                "cyber_essentials_plus": "yes",
                "cyber_essentials_plus_date[day]": "31",
                "cyber_essentials_plus_date[month]": "2",
                "cyber_essentials_plus_date[year]": "2025",
            },
            "Date on the certificate must be a real date",
        ),
        ("ico", {"ico_number": "12345"}, "An ICO registration number is 8 characters"),
    ],
)
def test_each_step_explains_what_is_wrong_and_keeps_what_was_typed(client_for, owner, org, slug, data, message):
    response = client_for(owner).post(f"/o/VX101/profile/{slug}/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "<title>Error:" in page
    for key, value in data.items():
        if value and key not in ("organisation_type", "cyber_essentials_plus", "nhsmail_only"):
            assert f'value="{value}"' in page, key


def test_a_certificate_date_is_kept_only_with_yes(client_for, owner, org):
    client = client_for(owner)
    date = {
        "cyber_essentials_plus_date[day]": "3",
        "cyber_essentials_plus_date[month]": "Mar",
        "cyber_essentials_plus_date[year]": "2026",
    }
    client.post("/o/VX101/profile/cyber-essentials/", {"cyber_essentials_plus": "yes", **date})
    org.profile.refresh_from_db()
    assert str(org.profile.cyber_essentials_plus_date) == "2026-03-03"
    client.post("/o/VX101/profile/cyber-essentials/", {"cyber_essentials_plus": "no", **date})
    org.profile.refresh_from_db()
    assert org.profile.cyber_essentials_plus_date is None


def test_changes_are_recorded_with_who_when_old_and_new(client_for, owner, org):
    client = client_for(owner)
    client.post("/o/VX101/profile/email/", {"nhsmail_only": "yes"})
    client.post("/o/VX101/profile/email/", {"nhsmail_only": "no"})
    client.post("/o/VX101/profile/email/", {"nhsmail_only": "no"})  # no change: nothing recorded
    records = list(ChangeRecord.objects.filter(area="Organisation profile").order_by("id"))
    assert [r.changes for r in records] == [
        {"NHSmail is the only email system": ["", "Yes"]},
        {"NHSmail is the only email system": ["Yes", "No"]},
    ]
    assert {r.actor_label for r in records} == {"owner@care.example"}
    page = client.get("/o/VX101/history/").content.decode()
    assert "Yes → No" in page


def test_members_read_the_profile_but_cannot_change_it(client_for, member, org):
    client = client_for(member)
    assert client.get("/o/VX101/profile/").status_code == 200
    assert client.get("/o/VX101/profile/about/").status_code == 403
    assert client.post("/o/VX101/profile/email/", {"nhsmail_only": "yes"}).status_code == 403
    assert client.get("/o/VX101/history/").status_code == 403


def test_an_unknown_step_is_not_found(client_for, owner, org):
    assert client_for(owner).get("/o/VX101/profile/nonsense/").status_code == 404
