"""Recording an incident through its pages, its clock on the pages that show it, and its rules."""

import datetime
import html
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError

from dspt.history.models import ChangeRecord
from dspt.incidents import presenters
from dspt.incidents.models import Incident
from dspt.incidents.spec import INCIDENTS
from dspt.incidents.tests.factories import add_incident
from dspt.registers import entries

pytestmark = pytest.mark.django_db
LIST = "/o/VX101/registers/incidents/"
# 60 hours after 10am BST on Monday 1 June 2026.
NOW = datetime.datetime(2026, 6, 3, 21, 0, tzinfo=datetime.UTC)
FOUND = {"found_on": datetime.date(2026, 6, 1), "found_time": "10:00"}


def text_of(response) -> str:
    page = response.content.decode()
    main = page[page.find("<main") : page.find("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


FORM = {
    "name": "Letter to the wrong house",
    "kind": "wrong_person",
    "what_happened": "A care review letter went to number 12, not number 21",
    "found_on[day]": "2",
    "found_on[month]": "6",
    "found_on[year]": "2026",
    "found_time": "2.30pm",
    "people_count": "1",
    "likelihood": "possible",
    "severity": "minor",
    "ico_decision": "undecided",
    "status": "open",
}


@time_machine.travel(NOW, tick=False)
def test_recording_an_incident_with_mistakes_says_what_to_do_and_keeps_what_was_typed(client_for, member, org):
    client = client_for(member)
    mistaken = FORM | {
        "found_on[day]": "4",
        "found_time": "25:00",
        "people_count": "a few",
        "ico_reported_on[day]": "1",
        "ico_reported_on[month]": "6",
        "ico_reported_on[year]": "2026",
        "ico_reported_time": "9:00",
    }

    response = client.post(f"{LIST}add/", mistaken)

    page = text_of(response)
    assert response.status_code == 200 and not INCIDENTS.entries(org).exists()
    assert "Date it was found must be today or in the past" in page
    assert "Enter the time it was found as hours and minutes, like 14:30 or 2:30pm" in page
    assert "Enter the number of people affected as a number, like 12, or leave it blank" in page
    assert 'value="A care review letter went to number 12, not number 21"' in response.content.decode() or (
        "A care review letter went to number 12, not number 21" in page
    )

    response = client.post(
        f"{LIST}add/",
        FORM
        | {
            "ico_reported_on[day]": "1",
            "ico_reported_on[month]": "6",
            "ico_reported_on[year]": "2026",
            "ico_reported_time": "9:00",
            "ico_decision": "yes",
        },
    )
    assert "must be after it was found" in text_of(response)

    response = client.post(f"{LIST}add/", FORM)

    incident = INCIDENTS.entries(org).get()
    assert response.status_code == 302 and response["Location"] == f"{LIST}{incident.pk}/"
    assert (incident.found_time, incident.found_at) == (
        "14:30",
        datetime.datetime(2026, 6, 2, 13, 30, tzinfo=datetime.UTC),
    )
    record = ChangeRecord.objects.get(area="Incident and breach log", object_id=str(incident.pk))
    assert record.changes["Time it was found"] == [None, "14:30"]


@time_machine.travel(NOW, tick=False)
def test_a_time_found_later_today_is_in_the_future(org, owner):
    with pytest.raises(ValidationError) as refused:
        add_incident(org, owner, found_on=datetime.date(2026, 6, 3), found_time="22:30")
    assert refused.value.message_dict == {"found_time": ["The time it was found must not be in the future"]}
    assert add_incident(org, owner, found_on=datetime.date(2026, 6, 3), found_time="21:00").pk


def test_found_before_it_happened_is_fine_the_other_way_round_is_not_checked(org, owner):
    incident = add_incident(org, owner, happened_on=datetime.date(2026, 3, 1), found_on=datetime.date(2026, 3, 5))
    assert incident.pk
    # Found first, then worked out it had happened earlier: both orders are allowed.
    assert add_incident(org, owner, happened_on=datetime.date(2026, 3, 9), found_on=datetime.date(2026, 3, 5)).pk


def test_closing_needs_an_ico_decision_and_a_report_date_needs_yes(org, owner):
    with pytest.raises(ValidationError) as refused:
        add_incident(org, owner, status="closed")
    assert "status" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        add_incident(
            org, owner, ico_decision="no", ico_reported_on=datetime.date(2026, 3, 6), ico_reported_time="10:00"
        )
    assert refused.value.message_dict["ico_decision"] == [
        "Select yes: you have given the date it was reported to the ICO"
    ]
    with pytest.raises(ValidationError) as refused:
        add_incident(org, owner, toolkit_reported=False, toolkit_reported_on=datetime.date(2026, 3, 6))
    assert list(refused.value.message_dict) == ["toolkit_reported"]


@time_machine.travel(NOW, tick=False)
def test_the_summary_shows_the_clock_and_the_answers_in_the_national_forms_order(client_for, viewer, org, owner):
    incident = add_incident(org, owner, found_by="Night care worker\nthen the manager", **FOUND)

    response = client_for(viewer).get(f"{LIST}{incident.pk}/summary/")

    page = text_of(response)
    assert response.status_code == 200
    assert "ICO clock: 12 hours left" in page and "by 4 June 2026 at 10:00am" in page
    labels = [row["label"] for row in presenters.summary_rows(incident)]
    assert [label for label in labels if label in page] == labels
    assert page.index("What happened") < page.index("When it was found") < page.index("Lessons learned")
    assert "1 June 2026 at 10:00am" in page
    body = response.content.decode()
    assert 'href="https://www.dsptoolkit.nhs.uk/"' in body
    assert "Night care worker&#10;then the manager" in body  # line breaks kept for copying
    assert re.search(r'data-copy="answer-1"\s+hidden', body) and "ui/copy.js" in body


@time_machine.travel(NOW, tick=False)
def test_the_clock_stops_once_reported_or_decided_no(client_for, member, org, owner):
    incident = add_incident(org, owner, **FOUND)
    client = client_for(member)
    assert "An incident may need reporting to the ICO: 12 hours left" in text_of(client.get("/o/VX101/"))

    entries.change(
        INCIDENTS,
        incident,
        owner,
        {
            "ico_decision": "yes",
            "ico_reported_on": datetime.date(2026, 6, 3),
            "ico_reported_time": "9:00",
            "ico_reference": "IC-1",
        },
    )

    assert "may need reporting" not in text_of(client.get("/o/VX101/"))
    assert "Reported on time" in text_of(client.get(f"{LIST}{incident.pk}/summary/"))
    other = add_incident(org, owner, name="Phone left in a taxi", ico_decision="no", **FOUND)
    assert "ICO clock" not in text_of(client.get(f"{LIST}{other.pk}/summary/"))


@time_machine.travel(NOW + datetime.timedelta(hours=13), tick=False)
def test_overdue_incidents_are_listed_on_the_home_page_soonest_first(client_for, member, org, owner):
    add_incident(org, owner, **FOUND)
    add_incident(org, owner, name="Scam email clicked", found_on=datetime.date(2026, 6, 2), found_time="08:00")

    page = text_of(client_for(member).get("/o/VX101/"))

    assert "2 incidents may need reporting to the ICO" in page
    assert page.index("'Care plan left on the bus': overdue by 1 hour") < page.index(
        "'Scam email clicked': 21 hours left"
    )


def test_the_home_notice_takes_one_query(org, owner, django_assert_num_queries):
    for number in range(5):
        add_incident(org, owner, name=f"Incident {number}")
    with django_assert_num_queries(1):
        notice = presenters.home_notice(org)
    assert notice["heading"] == "5 incidents may need reporting to the ICO"


@time_machine.travel(NOW, tick=False)
def test_the_evidence_pack_counts_the_last_12_months_and_lists_the_lessons(org, owner):
    assert presenters.pack_section(org, NOW.date()).summary.startswith("No data security incidents")
    add_incident(org, owner, name="Old one", found_on=datetime.date(2025, 5, 1), lessons="Too old to count")
    add_incident(
        org,
        owner,
        ico_decision="yes",
        ico_reported_on=datetime.date(2026, 6, 2),
        ico_reported_time="10:00",
        lessons="Care plans stay in the home",
        **FOUND,
    )
    add_incident(
        org,
        owner,
        name="Fax to the wrong GP",
        found_on=datetime.date(2026, 2, 1),
        ico_decision="yes",
        ico_reported_on=datetime.date(2026, 2, 5),
        ico_reported_time="10:00",
    )
    add_incident(
        org, owner, name="Near miss", ico_decision="no", status=Incident.CLOSED, found_on=datetime.date(2026, 1, 10)
    )

    section = presenters.pack_section(org, NOW.date())

    assert dict(section.rows) == {
        "Incidents recorded in the last 12 months": "3",
        "Reported to the ICO": "2",
        "Reported within 72 hours of being found": "1 of 2",
        "Still open": "2",
    }
    assert section.items == ["Care plan left on the bus (1 June 2026): Care plans stay in the home"]


def test_the_add_page_can_start_with_a_kind_chosen(client_for, member):
    page = client_for(member).get(f"{LIST}add/?kind=scam_email").content.decode()
    assert re.search(r'value="scam_email"\s+checked', page)


@time_machine.travel(NOW, tick=False)
def test_the_incidents_own_page_and_the_list_show_the_clock(client_for, viewer, org, owner):
    incident = add_incident(org, owner, **FOUND)
    add_incident(org, owner, name="Near miss", ico_decision="no", **FOUND)
    client = client_for(viewer)

    page = text_of(client.get(f"{LIST}{incident.pk}/"))
    listed = text_of(client.get(LIST))

    assert "ICO: 12 hours left" in page and "ICO clock: 12 hours left" in page
    assert "report it by" not in page and "by 4 June 2026 at 10:00am" in page
    assert "A risk to people." in page
    assert (
        f'href="/o/VX101/registers/incidents/{incident.pk}/summary/"'
        in client.get(f"{LIST}{incident.pk}/").content.decode()
    )
    assert listed.count("ICO: 12 hours left") == 1


def test_the_demo_incidents_follow_the_rules(org, owner):
    from dspt.demo import incidents as demo

    assert demo.fill(org, owner) == 3
    assert presenters.home_notice(org)["heading"].startswith("An incident may need reporting to the ICO: ")


def test_the_history_says_who_decided_what_and_when(client_for, viewer, org, owner):
    incident = add_incident(org, owner, found_on=datetime.date(2026, 3, 5))
    entries.change(INCIDENTS, incident, owner, {"ico_decision": "no", "ico_reason": "Returned unopened"})
    entries.change(INCIDENTS, incident, owner, {"ico_decision": "no"})  # nothing changed: nothing recorded

    page = text_of(client_for(viewer).get(f"{LIST}{incident.pk}/history/"))

    assert ChangeRecord.objects.filter(area=INCIDENTS.name, object_id=str(incident.pk)).count() == 2
    assert "Not decided yet" in page and "Returned unopened" in page


def test_an_incident_that_must_be_reported_cannot_be_closed_until_it_is(org, owner):
    from dspt.incidents.tests.factories import add_incident

    with pytest.raises(ValidationError) as refused:
        add_incident(org, owner, name="Laptop stolen", ico_decision="yes", status=Incident.CLOSED)
    assert "Report it to the ICO and give the date you did before closing" in str(refused.value)
