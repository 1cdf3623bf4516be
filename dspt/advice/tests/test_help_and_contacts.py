"""The contact log and its due follow-ups, and requests for help: into the contact log, replied to, seen by the
provider who asked and nobody else; advisers of another support organisation see none of it."""

import datetime

import pytest
import time_machine

from dspt.advice import contact_log, help_requests
from dspt.advice.models import Contact, HelpRequest
from dspt.advice.tests.factories import add_to_cohort
from dspt.history.models import ChangeRecord
from dspt.support import consent
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db
FRIDAY = datetime.datetime(2027, 3, 5, 11, 0, tzinfo=datetime.UTC)


@pytest.fixture
def association(org):
    association = make_support_organisation()
    add_to_cohort(association, org)
    return association


@pytest.fixture
def adviser(association):
    return add_staff(association, "ada@fcca.example")


@pytest.fixture
def rival():
    """Another support organisation, whose advisers must see nothing of this one's."""
    rival = make_support_organisation(name="Fictional Other Care Association", slug="foca")
    return rival, add_staff(rival, "rita@foca.example", full_name="Rita Rival")


def test_working_days_skip_the_weekend():
    friday = datetime.date(2027, 3, 5)
    assert contact_log.add_working_days(friday, 2) == datetime.date(2027, 3, 9)
    assert contact_log.add_working_days(datetime.date(2027, 3, 1), 2) == datetime.date(2027, 3, 3)


def test_due_follow_ups_are_those_due_today_or_overdue_and_not_done(association, adviser):
    def note(summary, follow_up_on):
        return contact_log.add(
            association,
            "VX101",
            adviser,
            kind=Contact.CALL,
            happened_on=datetime.date(2027, 3, 1),
            summary=summary,
            follow_up_on=follow_up_on,
        )

    overdue = note("Overdue", datetime.date(2027, 3, 3))
    today = note("Today", datetime.date(2027, 3, 5))
    note("Later", datetime.date(2027, 3, 8))
    note("None", None)
    with time_machine.travel(FRIDAY, tick=False):
        assert list(contact_log.due(association)) == [overdue, today]
        assert contact_log.mark_followed_up(association, overdue.pk, adviser) == overdue
        assert contact_log.mark_followed_up(association, overdue.pk, adviser) is None
        assert list(contact_log.due(association)) == [today]
    with time_machine.travel(FRIDAY + datetime.timedelta(days=3), tick=False):
        assert [c.summary for c in contact_log.due(association)] == ["Today", "Later"]


def test_only_providers_one_supports_can_have_a_log(association, adviser, rival):
    with pytest.raises(contact_log.RuleBroken, match="not one of the providers you support"):
        contact_log.add(
            rival[0], "VX101", rival[1], kind=Contact.CALL, happened_on=datetime.date(2027, 3, 1), summary="Hello"
        )


def test_the_follow_ups_page_lists_what_is_due_and_marks_it_done(client_for, association, adviser, rival):
    contact = contact_log.add(
        association,
        "VX101",
        adviser,
        kind=Contact.EMAIL,
        happened_on=datetime.date(2027, 3, 1),
        summary="Sent the template",
        follow_up_on=datetime.date(2027, 3, 4),
    )
    with time_machine.travel(FRIDAY, tick=False):
        client = client_for(adviser)
        page = client.get("/s/fcca/follow-ups/").content.decode()
        assert "Overdue since 4 March 2027" in page and "Sent the template" in page
        assert client_for(rival[1]).post("/s/fcca/follow-ups/", {"contact": contact.pk}).status_code == 404
        assert client_for(rival[1]).get("/s/foca/follow-ups/").content.decode().count("Sent the template") == 0
        client.post("/s/fcca/follow-ups/", {"contact": contact.pk})
        assert "No follow-ups are due" in client.get("/s/fcca/follow-ups/").content.decode()


def test_a_request_for_help_lands_in_the_log_and_the_reply_reaches_only_that_provider(
    client_for, frameworks, org, owner, outsider, association, adviser, rival, mailoutbox
):
    with time_machine.travel(FRIDAY, tick=False):
        response = client_for(owner).post(
            "/o/VX101/help-requests/new/?question=1.1.2",
            {"support_organisation": association.pk, "question_ref": "1.1.2", "note": "What counts as a policy?"},
        )
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    contact = Contact.objects.get(help_request=request)
    assert (contact.kind, contact.follow_up_on, contact.ods_code) == (
        Contact.HELP_REQUEST,
        datetime.date(2027, 3, 9),
        "VX101",
    )
    assert "Question 1.1.2: What counts as a policy?" in contact.summary
    assert mailoutbox[-1].to == [association.email] and f"/s/fcca/help-requests/{request.pk}/" in mailoutbox[-1].body
    listing = client_for(adviser).get("/s/fcca/help-requests/").content.decode()
    assert "Fictional Meadowbrook House" in listing and "Waiting for a reply" in listing
    # another support organisation sees none of it
    rival_client = client_for(rival[1])
    assert rival_client.get(f"/s/fcca/help-requests/{request.pk}/").status_code == 404
    assert rival_client.get(f"/s/foca/help-requests/{request.pk}/").status_code == 404
    assert rival_client.get("/s/foca/providers/VX101/contacts/").status_code == 404
    assert "Fictional Meadowbrook House" not in rival_client.get("/s/foca/help-requests/").content.decode()
    # the adviser replies
    response = client_for(adviser).post(f"/s/fcca/help-requests/{request.pk}/", {"reply": "Start with the template"})
    assert response.status_code == 302
    assert mailoutbox[-1].to == [owner.email] and "/o/VX101/help-requests/" in mailoutbox[-1].body
    assert "Start with the template" in client_for(owner).get("/o/VX101/help-requests/").content.decode()
    assert client_for(outsider).get("/o/VX101/help-requests/").status_code == 404
    assert "Start with the template" not in client_for(outsider).get("/o/VX201/help-requests/").content.decode()
    contact.refresh_from_db()
    assert contact.followed_up_at is not None
    assert ChangeRecord.objects.filter(organisation=org, area="Requests for help").count() == 2


def test_a_request_goes_only_to_a_support_organisation_of_the_provider(frameworks, org, owner, association, rival):
    with pytest.raises(help_requests.RuleBroken, match="Choose one of the support organisations"):
        help_requests.ask(org, owner, rival[0], "Help")
    with pytest.raises(help_requests.RuleBroken, match=r"no question 99\.9"):
        help_requests.ask(org, owner, association, "Help", "99.9")
    consent.grant(org, rival[0], owner)  # consenting makes it one of the provider's support organisations
    assert help_requests.ask(org, owner, rival[0], "Help").support_organisation == rival[0]


def test_the_form_keeps_what_was_typed_and_says_what_is_wrong(client_for, frameworks, org, owner, association, rival):
    consent.grant(org, rival[0], owner)
    page = (
        client_for(owner)
        .post("/o/VX101/help-requests/new/", {"question_ref": "99.9", "note": "My long note"})
        .content.decode()
    )
    assert "Select who you would like help from" in page and "My long note" in page
    page = (
        client_for(owner)
        .post(
            "/o/VX101/help-requests/new/", {"support_organisation": association.pk, "question_ref": "99.9", "note": "N"}
        )
        .content.decode()
    )
    assert "There is no question 99.9 in the toolkit" in page
    assert HelpRequest.objects.count() == 0


def test_the_contact_log_page_shows_the_notes_and_takes_new_ones(client_for, association, adviser, rival):
    client = client_for(adviser)
    response = client.post(
        "/s/fcca/providers/vx101/contacts/new/",
        {
            "kind": Contact.CALL,
            "happened_on[day]": "1",
            "happened_on[month]": "3",
            "happened_on[year]": "2026",
            "with_whom": "Olive",
            "summary": "Talked about 1.1.2",
            "follow_up_on[day]": "",
            "follow_up_on[month]": "",
            "follow_up_on[year]": "",
        },
    )
    assert response.status_code == 302, response.content.decode()
    page = client.get("/s/fcca/providers/VX101/contacts/").content.decode()
    assert "Talked about 1.1.2" in page and "Phone call" in page
    assert client.get("/s/fcca/providers/VX999/contacts/").status_code == 404
    assert client_for(rival[1]).get("/s/fcca/providers/VX101/contacts/").status_code == 404


def test_the_contact_log_takes_the_same_number_of_queries_however_long(
    client_for, association, adviser, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            contact_log.add(
                association,
                "VX101",
                adviser,
                kind=Contact.CALL,
                happened_on=datetime.date(2026, 3, 1),
                summary=f"Call {number}",
            )

    add(2)
    client = client_for(adviser)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/s/fcca/providers/VX101/contacts/")
    add(20)
    with CaptureQueriesContext(connection) as many:
        client.get("/s/fcca/providers/VX101/contacts/")
    assert len(many) == len(few)


def test_the_demo_fills_surgeries_a_request_and_a_follow_up(frameworks, org, owner, association, adviser):
    from dspt.demo import advice

    assert advice.fill(association, adviser, org, owner) == 15
    assert advice.fill(association, adviser, org, owner) == 0
    assert HelpRequest.objects.get().replied_at is not None
    assert [c.kind for c in contact_log.due(association)] == [Contact.CALL]


def test_the_question_page_link_is_for_members_of_a_supported_provider(frameworks, org, owner, viewer, outsider):
    from dspt.advice import presenters
    from dspt.organisations.models import Membership

    question = frameworks["2025-26"].questions.get(ref="1.1.2")
    admin = Membership.objects.get(user=owner)
    assert presenters.ask_for_help_link(org, admin, None, question) is None  # nobody supports it yet
    add_to_cohort(make_support_organisation(), org)
    link = presenters.ask_for_help_link(org, admin, None, question)
    assert link == {"href": "/o/VX101/help-requests/new/?question=1.1.2", "text": "Ask for help with this question"}
    assert presenters.ask_for_help_link(org, Membership.objects.get(user=viewer), None, question) is None


def test_the_question_page_offers_asking_for_help_once_someone_supports_the_provider(
    client_for, owner, org, assessment
):
    page_url = "/o/VX101/assessment/2025-26/q/1.1.2/"
    assert "Ask for help with this question" not in client_for(owner).get(page_url).content.decode()
    add_to_cohort(make_support_organisation(), org)
    page = client_for(owner).get(page_url).content.decode()
    assert '<a href="/o/VX101/help-requests/new/?question=1.1.2">Ask for help with this question</a>' in page
