"""The operators' pages: only operators see them (404 for everyone else), reading writes nothing, the queue shows
the directory beside what was typed, and approving or refusing records who and when (refusing emails the reason)."""

import pytest
from django.core import mail
from django.test import Client

from dspt.history.models import ChangeRecord
from dspt.verification import review
from dspt.verification.models import RegistrationReview
from dspt.verification.tests.conftest import set_review
from tests.factories import add_member, make_directory_entry, make_organisation, make_user
from tests.test_get_writes_nothing import changed, fingerprint

PAGES = ["/operator/", "/operator/refused/", "/operator/registrations/VX501/"]
WAITING_TEXT = "Your registration is waiting for a check by whoever runs this service"


@pytest.fixture
def waiting(settings, db):
    """Two registrations waiting for a check (VX501 first), made with review on; VX501 has two administrators."""
    settings.REGISTRATION_REVIEW = True
    make_directory_entry("AX5Z", "Fictional Lakeside Group")
    make_directory_entry("VX501", "Fictional Lakeside Lodge", parent="AX5Z", postcode="ZZ7 7AA", kind="Care home")
    first = make_organisation("VX501", make_user("manager@lakeside-lodge.example"), name="Lakeside Lodge Care")
    add_member(first, make_user("deputy@lakeside-lodge.example"), "admin")
    add_member(first, make_user("carer@lakeside-lodge.example"), "member")
    second = make_organisation("VX502", make_user("someone@webmail.example"))
    return first, second


def test_operator_pages_are_not_found_for_everyone_else(client_for, waiting, owner):
    manager = waiting[0].memberships.get(role="admin", user__email="manager@lakeside-lodge.example").user
    visitors = {"nobody signed in": Client(), "an organisation's administrator": client_for(manager)}
    visitors["an administrator of another organisation"] = client_for(owner)
    for who, client in visitors.items():
        for url in PAGES:
            assert client.get(url).status_code == 404, (who, url)
            assert client.post(url, {"decision": "approve"}).status_code == 404, (who, url)
    assert review.state_of(waiting[0]) == review.WAITING


def test_an_operator_who_is_removed_loses_the_pages(client_for, operator, waiting):
    from dspt.verification import operators

    client = client_for(operator)
    assert client.get("/operator/").status_code == 200
    operators.remove_operator(operator.email)
    assert client.get("/operator/").status_code == 404


def test_reading_the_operator_pages_writes_nothing(client_for, operator, waiting):
    client = client_for(operator)
    for url in [*PAGES, "/operator/registrations/vx502/"]:
        before = fingerprint()
        assert client.get(url).status_code == 200, url
        assert changed(before, fingerprint()) == [], url


def test_the_queue_lists_waiting_registrations_oldest_first_with_the_directory_beside_what_was_typed(
    client_for, org, operator, waiting
):
    page = client_for(operator).get("/operator/").content.decode()
    assert "2 registrations waiting, oldest first" in page
    assert page.index("Lakeside Lodge Care (VX501)") < page.index("(VX502)")
    assert "Fictional Meadowbrook House" not in page  # VX101 was approved as it registered (review off then)
    lodge = page.split("Lakeside Lodge Care (VX501)")[1].split("(VX502)")[0]
    for shown in (
        "What the NHS ODS directory says",
        "Fictional Lakeside Lodge",
        "ZZ7 7AA",
        "AX5Z (Fictional Lakeside Group)",
        "Open",
        "Care home",
        "What was given when registering here",
        "Lakeside Lodge Care (differs from the directory)",
        "manager@lakeside-lodge.example",
        "lakeside-lodge.example",
    ):
        assert shown in lodge, shown
    assert "In the directory" in page.split("(VX502)")[1]  # VX502 is not in the directory: it says so


def test_approving_records_who_and_when_and_leaves_the_queue(client_for, operator, waiting):
    lodge = waiting[0]
    response = client_for(operator).post("/operator/registrations/VX501/", {"decision": "approve"})
    assert response.status_code == 302 and response["Location"] == "/operator/"
    decided = RegistrationReview.objects.get(organisation=lodge)
    assert (decided.state, decided.decided_by, decided.decided_by_label) == ("approved", operator, operator.email)
    assert decided.decided_at is not None
    record = ChangeRecord.objects.get(organisation=lodge, area="Registration check")
    assert (record.actor, record.changes) == (operator, {"Registration": ["Waiting for a check", "Approved"]})
    assert [r.organisation.ods_code for r in review.waiting()] == ["VX502"]
    assert mail.outbox == []
    again = client_for(operator).post("/operator/registrations/VX501/", {"decision": "approve"}, follow=True)
    assert "already approved" in again.content.decode()
    assert ChangeRecord.objects.filter(organisation=lodge, area="Registration check").count() == 1


def test_refusing_needs_a_reason_and_keeps_what_was_typed(client_for, operator, waiting):
    client = client_for(operator)
    empty = client.post("/operator/registrations/VX501/", {"decision": "refuse", "reason": "   "})
    assert empty.status_code == 200
    assert "Enter the reason: it is emailed to the organisation&#39;s administrators" in empty.content.decode()
    too_long = client.post("/operator/registrations/VX501/", {"decision": "refuse", "reason": "Call us. " * 200})
    page = too_long.content.decode()
    assert "The reason must be 1000 characters or fewer" in page
    assert "Call us. Call us." in page  # what was typed is still there
    assert review.state_of(waiting[0]) == review.WAITING
    assert mail.outbox == []


def test_refusing_emails_the_reason_to_the_administrators_and_records_it(client_for, operator, waiting):
    lodge = waiting[0]
    reason = "We could not match manager@lakeside-lodge.example to the home.\nEmail help@service.example from it."
    response = client_for(operator).post("/operator/registrations/VX501/", {"decision": "refuse", "reason": reason})
    assert response.status_code == 302
    decided = RegistrationReview.objects.get(organisation=lodge)
    assert (decided.state, decided.reason, decided.decided_by) == ("refused", reason.strip(), operator)
    (email,) = mail.outbox
    assert sorted(email.to) == ["deputy@lakeside-lodge.example", "manager@lakeside-lodge.example"]
    assert email.subject == "Your registration on Open DSPT could not be confirmed"
    assert "Lakeside" not in email.subject
    assert reason in email.body
    assert "Email help@service.example from it." in email.alternatives[0][0]
    record = ChangeRecord.objects.get(organisation=lodge, area="Registration check")
    assert record.changes == {"Registration": ["Waiting for a check", "Refused"], "Reason": [None, reason]}


def test_the_email_gives_the_services_contact_details_when_they_are_set(settings, operator, waiting):
    from dspt.lib import operator_details

    settings.OPERATOR = operator_details.contact("Fictional Care Association", "help@care-association.example")
    review.refuse(review.find("VX501"), operator, "Your email address is not one the home uses.")
    assert "Email: help@care-association.example" in mail.outbox[0].body


def test_a_refused_registration_is_listed_and_can_be_approved_later(client_for, operator, waiting):
    review.refuse(review.find("VX502"), operator, "Tell us who you are: reply to help@service.example")
    client = client_for(operator)
    refused = client.get("/operator/refused/").content.decode()
    assert "(VX502)" in refused and "Tell us who you are" in refused and "(VX501)" not in refused
    page = client.get("/operator/registrations/VX502/").content.decode()
    assert "Approve registration" in page and "Refuse registration" not in page
    client.post("/operator/registrations/VX502/", {"decision": "approve"})
    assert review.state_of(waiting[1]) == review.APPROVED
    assert "(VX502)" not in client.get("/operator/refused/").content.decode()


def test_an_unknown_code_or_decision_changes_nothing(client_for, operator, waiting):
    client = client_for(operator)
    assert client.get("/operator/registrations/VX999/").status_code == 404
    assert client.get("/operator/registrations/not a code!/").status_code == 404
    assert client.post("/operator/registrations/VX501/", {"decision": "delete"}).status_code == 200
    assert review.state_of(waiting[0]) == review.WAITING


def test_the_organisation_sees_where_it_stands(client_for, settings, operator, waiting):
    lodge = waiting[0]
    manager = make_user("other-admin@lakeside-lodge.example")
    add_member(lodge, manager, "admin")
    home = client_for(manager).get("/o/VX501/").content.decode()
    assert "Your registration is waiting for a check by whoever runs this service" in home
    assert "Until then, your status is not shown in public" in home
    review.refuse(review.find("VX501"), operator, "Ring us on 0300 000 0000 from the home's phone.")
    home = client_for(manager).get("/o/VX501/").content.decode()
    assert "could not confirm your registration" in home and "Ring us on 0300 000 0000" in home
    review.approve(review.find("VX501"), operator)
    home = client_for(manager).get("/o/VX501/").content.decode()
    assert "not shown in public" not in home


def test_an_operator_finds_the_queue_from_their_account_page(client_for, operator):
    page = client_for(operator).get("/account/").content.decode()
    assert 'href="/operator/">Registrations to check</a>' in page
    assert (
        "Registrations to check" not in client_for(make_user("someone@care.example")).get("/account/").content.decode()
    )


def test_set_review_helper_sets_the_state(org):
    assert set_review(org, review.REFUSED).state == review.REFUSED


def test_the_published_page_says_the_status_shows_once_the_registration_is_confirmed(client_for, operator, waiting):
    import datetime

    from dspt.status_search.tests.conftest import publish_rows

    lodge = waiting[0]
    manager = lodge.memberships.get(user__email="manager@lakeside-lodge.example").user
    publication = publish_rows(lodge, "met", "2025-26", datetime.date(2025, 7, 1), user=manager)
    url = f"/o/VX501/publications/{publication.pk}/published/"
    page = client_for(manager).get(url).content.decode()
    assert "once your registration is confirmed" in page and WAITING_TEXT in page
    review.approve(review.find("VX501"), operator)
    page = client_for(manager).get(url).content.decode()
    assert "Your status now shows on the public status search" in page and WAITING_TEXT not in page


def test_the_operator_sees_what_a_head_office_has_published_and_for_whom(client_for, org, operator, group):
    import datetime

    from dspt.status_search.tests.conftest import directory, publish_rows

    directory("VX999", "Fictional Elsewhere House")  # not under AX1Y in the directory
    director = group.memberships.get().user
    publish_rows(
        group, "met", "2025-26", datetime.date(2025, 8, 1), site_codes=["AX1Y", "VX111", "VX999"], user=director
    )
    page = client_for(operator).get("/operator/registrations/AX1Y/").content.decode()
    assert "2025-26: Standards Met, 1 August 2025" in page
    assert (
        "Fictional Elsewhere House (VX999), not listed under it in the ODS directory; Fictional House One (VX111)"
        in page
    )
    assert "Nothing yet." in client_for(operator).get("/operator/registrations/VX101/").content.decode()


def test_an_operator_with_two_factor_sign_in_must_finish_it_first(client_for, operator, waiting):
    from dspt.accounts.tests.test_mfa import set_up_two_factor, sign_in

    _secret, backup_codes = set_up_two_factor(client_for(operator))
    client = sign_in(operator.email)  # password only, so far
    response = client.get("/operator/registrations/VX501/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/verify/")
    client.post("/account/two-factor/verify/", {"code": backup_codes[0]})  # the app's code was just used up
    assert client.get("/operator/registrations/VX501/").status_code == 200
