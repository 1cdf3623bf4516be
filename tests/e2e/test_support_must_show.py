"""Issue 12's "Must show", in one go, as the people involved would do it in the browser.

A programme lead ticks five providers on the cohort's add page; one provider's administrator gives consent on its
Support page; public visitors (not signed in) book a webinar from /events/ (the first after a mistake), with a
confirmation email whose calendar file parses; the event fills, the next visitors go on the waiting list, a booker
cancels by the link in their email, the first person waiting is offered the place, lets it lapse (the clock set on,
the cron command run) and the offer passes to the next; a provider books a surgery and the adviser records its notes;
and the dashboard's funnel counts equal those worked out from the providers' own records. Emails travel over real
SMTP. What no browser step is about (the providers' own assessments and publication, the support organisation and
its staff, the event and the surgery slot) is set up with factories.
"""

import datetime
import re
import time
from collections import Counter

import icalendar
import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from conftest import text_of
from dspt.advice.models import Contact, SurgeryBooking
from dspt.advice.tests.factories import make_slot
from dspt.assessments import carry_over
from dspt.assessments.models import Answer
from dspt.events.models import Booking
from dspt.events.tests.factories import make_event
from dspt.organisations.models import Organisation
from dspt.outbox.tests.mail_parts import attachments_of
from dspt.publication import publish
from dspt.publication.models import Publication
from dspt.support.models import CohortEntry, Consent, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import answer_all, complete_profile, make_directory_entry, make_organisation, make_user

BOOKED = "Your place on a data security event"
WAITING = "You are on the waiting list for a data security event"
OFFER = "A place has come up on a data security event"
SURGERY_BOOKED = "Your data security toolkit surgery is booked"


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def ics_from_confirmation(email) -> bytes:
    """The calendar file attached to a booking confirmation email, as a mail program reads it off the wire."""
    attached = attachments_of(email)
    assert list(attached) == ["event.ics"], list(attached)
    assert attached["event.ics"].content_type == "text/calendar"
    assert attached["event.ics"].params.get("method") == "PUBLISH"
    return attached["event.ics"].content


def emails_to(inbox, address: str, count: int, timeout: float = 10.0) -> list:
    """The emails sent to `address` (waiting, briefly, until there are `count` of them), oldest first."""
    deadline = time.monotonic() + timeout
    while True:
        found = [message for message in inbox.messages if message["To"] == address]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def link_in(message, kind: str) -> str:
    """The /events/<kind>/<token>/ address in an email's plain text."""
    found = re.findall(rf"https?://\S+?/events/{kind}/[\w-]+/", text_of(message))
    assert len(found) == 1, text_of(message)
    return found[0]


def fill_booking(page, name: str, email: str, organisation: str, code: str) -> None:
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Organisation name").fill(organisation)
    page.get_by_label("ODS code").fill(code)


def book_from_listing(page, live_server, title: str, visitor: tuple, button: str) -> None:
    """A visitor (name, email, organisation, ODS code) finds the event on /events/ and books it."""
    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name=title).click()
    page.wait_for_load_state()
    fill_booking(page, *visitor)
    press(page, button)


def as_signed_in(page, live_server, user) -> None:
    page.context.clear_cookies()
    sign_in_with_session_cookie(page, live_server, user)


def stage_from_records(code: str, support_organisation, year: str) -> str:
    """Where a provider stands for `year`, read from its own records (not from the dashboard's code): a publication
    for the year decides; otherwise registered providers that let the support organisation see their progress and
    have saved answers are in progress."""
    organisation = Organisation.objects.filter(ods_code=code).first()
    if organisation is None:
        return "not_registered"
    published = set(Publication.objects.filter(organisation=organisation, year=year).values_list("status", flat=True))
    if published & {"met", "exceeded"}:
        return "met"
    if "approaching" in published:
        return "approaching"
    consented = Consent.objects.live().filter(organisation=organisation, support_organisation=support_organisation)
    answered = Answer.objects.filter(
        assessment__organisation=organisation, assessment__framework__year=year, is_draft=False
    )
    if consented.exists() and answered.exists():
        return "in_progress"
    return "registered"


def test_the_support_programme_must_show_story(
    page, live_server, settings, transactional_db, frameworks, org, owner, outsider, smtp_inbox
):
    settings.SITE_URL = live_server.url
    settings.EVENT_OFFER_HOURS = 24
    framework = frameworks["2025-26"]

    # ---- Set up with factories: the directory, the providers' own work, the support organisation and its staff ----
    # The stage each provider's own records should put it at: the set-up below follows this plan.
    plan = {
        "VX101": "in_progress",  # Meadowbrook (org): answers saved; gives consent in the browser below
        "VX201": "registered",  # Harbourside (outsider): as many answers, but never consents
        "VX301": "met",  # Oakfield: published Standards Met for the year
        "VX601": "not_registered",
        "VX602": "not_registered",
    }
    for code, name, postcode in [
        ("VX101", "Fictional Meadowbrook House", "SG1 1AB"),
        ("VX201", "Fictional Harbourside Homecare", "AL2 2AB"),
        ("VX301", "Fictional Oakfield Lodge", "SG3 3CC"),
        ("VX601", "Fictional Rose House", "SG6 1AA"),
        ("VX602", "Fictional Rose Court", "SG6 2BB"),
        ("VX699", "Fictional Rose Garden", "LU3 1CC"),  # found by the search, not ticked
    ]:
        make_directory_entry(code, name, postcode=postcode)
    answer_all(carry_over.start(org, framework, owner), owner, levels=["approaching"])
    harbourside = Organisation.objects.get(ods_code="VX201")
    answer_all(carry_over.start(harbourside, framework, outsider), outsider, levels=["approaching"])
    oakfield_admin = make_user("oak@care.example", full_name="Oona Oak")
    oakfield = make_organisation("VX301", oakfield_admin, name="Fictional Oakfield Lodge")
    complete_profile(oakfield)
    oakfield_assessment = carry_over.start(oakfield, framework, oakfield_admin)
    answer_all(oakfield_assessment, oakfield_admin)
    publish.mark_profile_checked(oakfield_assessment, oakfield_admin)
    assert publish.publish(oakfield_assessment, oakfield_admin, "Sam Patel", "Registered manager").status == "met"
    association = make_support_organisation()
    lead = add_staff(association, "lee@fcca.example", SupportMembership.LEAD, full_name="Lee Lead")
    adviser = add_staff(association, "ada@fcca.example", full_name="Ada Adviser")
    starts = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=7)
    event = make_event(association, title="Introduction to the DSPT", starts_at=starts, capacity=2)
    story = Story(page)

    # ---- The lead ticks five providers found by a search ----
    as_signed_in(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/")
    page.get_by_role("button", name="Add providers").click()
    page.wait_for_load_state()
    assert heading(page) == "Add providers to the cohort"
    page.get_by_label("Search the ODS directory").fill("fictional")
    press(page, "Search")
    ticked = ["Meadowbrook House", "Harbourside Homecare", "Oakfield Lodge", "Rose House", "Rose Court"]
    for name in ticked:
        page.get_by_label(f"Fictional {name}", exact=False).check()
    story.check_accessible()
    press(page, "Add the providers ticked")
    assert "5 providers added to the cohort" in page.locator("main").inner_text()
    cohort_codes = set(CohortEntry.objects.filter(support_organisation=association).values_list("ods_code", flat=True))
    assert cohort_codes == set(plan), cohort_codes  # the five ticked, not the one left unticked

    # ---- Meadowbrook's administrator lets the association see its progress ----
    as_signed_in(page, live_server, owner)
    page.goto(f"{live_server.url}/o/VX101/support/")
    assert heading(page) == "Support programmes"
    page.get_by_role("button", name="Give consent").click()
    page.wait_for_load_state()
    assert heading(page) == "Let Fictional County Care Association see your progress?"
    press(page, "Give consent")
    assert "can now see your progress" in page.locator("main").inner_text()

    # ---- A public visitor books the webinar from the listing: a mistake first ----
    page.context.clear_cookies()
    ann = ("Ann Archer", "ann@care.example", "Fictional Rose House", "VX601")
    page.goto(f"{live_server.url}/events/")
    assert heading(page) == "Data security webinars and workshops"
    page.get_by_role("link", name="Introduction to the DSPT").click()
    page.wait_for_load_state()
    story.expect("2 places left" in page.locator("main").inner_text(), "the event page does not say 2 places left")
    fill_booking(page, ann[0], "ann.care.example", ann[2], ann[3])
    press(page, "Book a place")
    expect_error(page, "Enter an email address in the right format, like name@example.com")
    typed = [page.get_by_label(label).input_value() for label in ("Your full name", "Email address")]
    typed += [page.get_by_label(label).input_value() for label in ("Organisation name", "ODS code")]
    assert typed == [ann[0], "ann.care.example", ann[2], ann[3]]  # nothing typed is lost
    story.check_accessible()
    page.get_by_label("Email address").fill(ann[1])
    press(page, "Book a place")
    assert heading(page) == "You have a place"

    # The confirmation email, and its calendar file: it parses, names the event and says UK time
    [ann_confirmation] = emails_to(smtp_inbox, ann[1], 1)
    assert ann_confirmation["Subject"] == BOOKED
    calendar = icalendar.Calendar.from_ical(ics_from_confirmation(ann_confirmation))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert vevent.decoded("DTSTART") == starts

    # ---- Bea takes the last place; Cal and Dee go on the waiting list ----
    bea = ("Bea Brown", "bea@care.example", "Fictional Harbourside Homecare", "VX201")
    cal = ("Cal Cole", "cal@care.example", "Fictional Rose Court", "VX602")
    dee = ("Dee Dale", "dee@care.example", "Fictional Meadowbrook House", "VX101")
    book_from_listing(page, live_server, event.title, bea, "Book a place")
    assert heading(page) == "You have a place"
    page.goto(f"{live_server.url}/events/")
    story.expect(
        "Full: you can join the waiting list" in page.locator("main").inner_text(), "the listing does not say full"
    )
    book_from_listing(page, live_server, event.title, cal, "Join the waiting list")
    assert heading(page) == "You are on the waiting list"
    book_from_listing(page, live_server, event.title, dee, "Join the waiting list")
    assert "number 2 on the waiting list" in page.locator("main").inner_text()

    # ---- Ann cancels by the link in her email; Cal, first in line, is offered the place ----
    page.goto(link_in(ann_confirmation, "cancel"))
    assert heading(page) == "Cancel your place"
    press(page, "Cancel my place")
    assert heading(page) == "Your booking is cancelled"
    cal_emails = emails_to(smtp_inbox, cal[1], 2)
    assert [m["Subject"] for m in cal_emails] == [WAITING, OFFER]
    assert [m["Subject"] for m in emails_to(smtp_inbox, dee[1], 1)] == [WAITING]  # Dee is still waiting
    page.goto(link_in(cal_emails[1], "offer"))
    assert heading(page) == "A place has come up for you"  # Cal looks, but does not accept

    # ---- A day and a bit later the cron command lapses Cal's offer and offers the place to Dee ----
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=24, minutes=5), tick=True):
        call_command("process_event_offers")
        page.goto(link_in(cal_emails[1], "offer"))
        assert heading(page) == "This offer has run out"
        dee_emails = emails_to(smtp_inbox, dee[1], 2)
        assert [m["Subject"] for m in dee_emails] == [WAITING, OFFER]
        page.goto(link_in(dee_emails[1], "offer"))
        assert heading(page) == "A place has come up for you"
        press(page, "Accept the place")
        assert heading(page) == "You have a place"
    who_got_what = {
        visitor[1]: [m["Subject"] for m in emails_to(smtp_inbox, visitor[1], 0)] for visitor in (ann, bea, cal, dee)
    }
    assert who_got_what == {
        ann[1]: [BOOKED],
        bea[1]: [BOOKED],
        cal[1]: [WAITING, OFFER],
        dee[1]: [WAITING, OFFER, BOOKED],
    }
    assert dict(event.bookings.values_list("email", "status")) == {
        ann[1]: Booking.CANCELLED,
        bea[1]: Booking.BOOKED,
        cal[1]: Booking.LAPSED,
        dee[1]: Booking.BOOKED,
    }

    # ---- Meadowbrook books a surgery with the adviser; after it, the adviser records the notes ----
    slot_day = timezone.localdate() + datetime.timedelta(days=3)
    slot_start = timezone.make_aware(datetime.datetime.combine(slot_day, datetime.time(10, 0)))
    slot = make_slot(association, adviser, starts_at=slot_start)
    as_signed_in(page, live_server, owner)
    page.goto(f"{live_server.url}/o/VX101/surgeries/")
    assert heading(page) == "Book a surgery with an adviser"
    page.get_by_role("link", name=re.compile(r"10:00am to 10:30am")).click()
    page.wait_for_load_state()
    assert heading(page) == "Book this surgery"
    page.get_by_label("What do you need help with?").fill("Our business continuity plan")
    press(page, "Book this surgery")
    assert heading(page) == "Your surgery with Fictional County Care Association"
    booking = SurgeryBooking.objects.get(slot=slot)
    assert booking.organisation == org and booking.needs == "Our business continuity plan"
    assert [m["Subject"] for m in emails_to(smtp_inbox, adviser.email, 1)] == [SURGERY_BOOKED]
    assert SURGERY_BOOKED in [m["Subject"] for m in emails_to(smtp_inbox, owner.email, 1)]
    with time_machine.travel(slot_start + datetime.timedelta(minutes=35), tick=True):
        as_signed_in(page, live_server, adviser)
        page.goto(f"{live_server.url}/s/fcca/surgeries/")
        page.get_by_role("link", name="Fictional Meadowbrook House").click()
        page.wait_for_load_state()
        assert heading(page) == "Surgery with Fictional Meadowbrook House"
        page.get_by_label("Notes").fill("Went through the continuity plan template together")
        page.get_by_label("Helped: nothing more needed for now").check()
        press(page, "Save notes")
        assert heading(page) == "Contact log: Fictional Meadowbrook House"
        assert "Went through the continuity plan template" in page.locator("table").inner_text()
    contact = Contact.objects.get(booking=booking)
    assert (contact.outcome, contact.ods_code) == (Contact.HELPED, "VX101")

    # ---- The dashboard's funnel equals the stages the providers' own records give ----
    stages = {code: stage_from_records(code, association, framework.year) for code in sorted(cohort_codes)}
    assert stages == plan  # the records say what the set-up and the consent above made them say
    expected = Counter(stages.values())
    as_signed_in(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/")
    assert heading(page) == "Your cohort"
    assert f"DSPT {framework.year}" in page.locator("main").inner_text()
    shown = {
        row.get_attribute("data-stage"): int(row.locator("[data-count]").inner_text())
        for row in page.locator("#funnel tbody tr").all()
    }
    assert set(expected) <= set(shown) and sum(shown.values()) == len(plan), shown
    assert shown == {stage: expected[stage] for stage in shown}, (shown, stages)
    # Consent shows progress: Meadowbrook's count of answers, not Harbourside's
    assert "questions answered" in page.locator('#cohort tr[data-code="VX101"]').inner_text()
    assert "questions answered" not in page.locator('#cohort tr[data-code="VX201"]').inner_text()
    story.check_accessible()
    story.assert_no_problems()
