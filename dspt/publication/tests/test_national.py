"""Publishing in the national toolkit after publishing here: the rule for the date, its history, the hand-off pages,
and the "self-assessed on this service" wording in the PDF report, the workbook and the emails."""

import datetime
import io
import subprocess

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from dspt.history.models import ChangeRecord
from dspt.lib import emails
from dspt.lib.national_toolkit import HOME_URL, SEARCH_URL
from dspt.publication import national
from dspt.publication.models import NationalPublication
from tests.factories import answer_all, make_publication

pytestmark = pytest.mark.django_db

PUBLISHED_AT = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
TODAY = datetime.datetime(2026, 7, 20, 12, 0, tzinfo=datetime.UTC)


def on(year, month, day):
    return time_machine.travel(datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def publication(assessment, owner):
    """Organisation A's 2025-26 Standards Met publication, made on 1 July 2026; today is 20 July 2026."""
    answer_all(assessment, owner)
    with time_machine.travel(PUBLISHED_AT, tick=False):
        made = make_publication(assessment, owner, "met")
    with time_machine.travel(TODAY, tick=False):
        yield made


@pytest.fixture
def approaching(assessment, owner):
    """A first publication at Approaching Standards with a two-line action plan in its snapshot."""
    answer_all(assessment, owner, levels=["approaching"])
    plan = {
        "document": None,
        "document_stored_name": None,
        "document_content_type": None,
        "lines": [
            {
                "ref": "1.1.1",
                "question": "A question",
                "gap": "",
                "action": "Write the policy",
                "owner": "Sam Patel",
                "target_date": "2027-01-31",
            },
            {
                "ref": "4.5.3",
                "question": "Another question",
                "gap": "",
                "action": "Turn on MFA",
                "owner": "Priya Shah",
                "target_date": "2027-02-28",
            },
        ],
    }
    return make_publication(assessment, owner, "approaching", action_plan=plan)


def history(organisation) -> list[ChangeRecord]:
    return list(organisation.change_records.filter(object_label__endswith="national toolkit").order_by("id"))


# ---- the rule ---------------------------------------------------------------------------------------------------


def test_an_administrator_records_the_day_it_was_published_there(publication, owner):
    record = national.record_national_publication(publication, datetime.date(2026, 7, 3), owner)
    assert record.published_on == datetime.date(2026, 7, 3)
    assert (record.recorded_by, record.recorded_by_label) == (owner, owner.email)
    assert record.recorded_at == TODAY
    assert national.declaration(publication) == record
    (change,) = history(publication.organisation)
    assert (change.actor, change.action, change.area) == (owner, ChangeRecord.CREATED, "Publication")
    assert change.changes == {"Published in the national toolkit on": [None, "3 July 2026"]}
    assert change.object_id == str(publication.pk)


def test_a_day_in_the_future_is_refused(publication, owner):
    with pytest.raises(national.DateRefused, match="must be today or in the past"):
        national.record_national_publication(publication, datetime.date(2026, 7, 21), owner)
    assert not NationalPublication.objects.exists()
    assert history(publication.organisation) == []


def test_a_day_before_this_publication_is_refused(publication, owner):
    with pytest.raises(national.DateRefused, match="must be on or after 1 July 2026, the day you published"):
        national.record_national_publication(publication, datetime.date(2026, 6, 30), owner)
    assert not NationalPublication.objects.exists()


@pytest.mark.parametrize("day", [datetime.date(2026, 7, 1), datetime.date(2026, 7, 20)])
def test_the_day_of_publishing_here_and_today_are_both_allowed(publication, owner, day):
    assert national.record_national_publication(publication, day, owner).published_on == day


def test_publishing_here_late_in_the_evening_counts_as_that_uk_day(assessment, owner):
    # 11:30pm UTC on 30 June is 12:30am on 1 July in London (summer time): the earliest day is 1 July.
    answer_all(assessment, owner)
    with time_machine.travel(datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC), tick=False):
        late = make_publication(assessment, owner, "met")
    with on(2026, 7, 5):
        assert national.published_here_on(late) == datetime.date(2026, 7, 1)
        with pytest.raises(national.DateRefused):
            national.record_national_publication(late, datetime.date(2026, 6, 30), owner)


def test_a_correction_keeps_both_dates_in_the_history(publication, owner, member):
    national.record_national_publication(publication, datetime.date(2026, 7, 3), owner)
    member.memberships.update(role="admin")
    record = national.record_national_publication(publication, datetime.date(2026, 7, 2), member)
    assert NationalPublication.objects.count() == 1
    assert (record.published_on, record.recorded_by) == (datetime.date(2026, 7, 2), member)
    first, second = history(publication.organisation)
    assert first.changes == {"Published in the national toolkit on": [None, "3 July 2026"]}
    assert (second.action, second.actor) == (ChangeRecord.UPDATED, member)
    assert second.changes == {"Published in the national toolkit on": ["3 July 2026", "2 July 2026"]}


def test_recording_the_same_day_again_changes_nothing(publication, owner):
    national.record_national_publication(publication, datetime.date(2026, 7, 3), owner)
    national.record_national_publication(publication, datetime.date(2026, 7, 3), owner)
    assert len(history(publication.organisation)) == 1


def test_only_administrators_record_it(publication, member):
    with pytest.raises(national.NotAnAdministrator):
        national.record_national_publication(publication, datetime.date(2026, 7, 3), member)
    assert not NationalPublication.objects.exists()


# ---- the pages --------------------------------------------------------------------------------------------------


def handoff_url(publication) -> str:
    return f"/o/VX101/publications/{publication.pk}/national-toolkit/"


def test_the_hand_off_page_lists_the_steps_with_the_answer_sheet_one_click_away(client_for, owner, publication):
    page = client_for(owner).get(handoff_url(publication)).content.decode()
    assert '<h1 class="nhsuk-heading-l">Now publish in the national toolkit</h1>' in page
    assert "self-assessed on this service" in page
    for step in (
        "Sign in to the national toolkit",
        "Answer each question there from your answer sheet",
        "Publish there at Standards Met",
        "Come back and record the date you published there",
    ):
        assert step in page
    assert 'href="/o/VX101/assessment/2025-26/answers/"' in page
    assert f'href="{HOME_URL}"' in page and f'href="{SEARCH_URL}"' in page
    assert f'href="/o/VX101/publications/{publication.pk}/national-toolkit/date/"' in page
    assert "Add your action plan there" not in page  # Standards Met needs no plan


def test_at_approaching_standards_the_hand_off_offers_the_published_action_plan(client_for, owner, approaching):
    client = client_for(owner)
    page = client.get(handoff_url(approaching)).content.decode()
    assert "Add your action plan there" in page
    xlsx_url = f"/o/VX101/publications/{approaching.pk}/action-plan.xlsx"
    assert f'href="{xlsx_url}"' in page
    assert f'href="/o/VX101/publications/{approaching.pk}/action-plan.docx"' in page
    rows = list(load_workbook(io.BytesIO(client.get(xlsx_url).content))["Action plan"].iter_rows(values_only=True))
    assert rows[2][:5] == ("1.1.1", "A question", None, "Write the policy", "Sam Patel")
    assert rows[3][3] == "Turn on MFA"
    docx = client.get(f"/o/VX101/publications/{approaching.pk}/action-plan.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert client.get(f"/o/VX101/publications/{approaching.pk}/action-plan.pdf").status_code == 404


def test_a_publication_without_a_plan_has_no_plan_download(client_for, owner, publication):
    assert client_for(owner).get(f"/o/VX101/publications/{publication.pk}/action-plan.xlsx").status_code == 404


def test_a_member_sees_the_steps_but_only_administrators_record_the_date(client_for, member, publication):
    client = client_for(member)
    page = client.get(handoff_url(publication)).content.decode()
    assert "Your organisation&#39;s administrators record it" in page
    assert "national-toolkit/date/" not in page
    assert client.get(handoff_url(publication) + "date/").status_code == 403
    response = client.post(
        handoff_url(publication) + "date/",
        {"published_on[day]": "3", "published_on[month]": "7", "published_on[year]": "2026"},
    )
    assert response.status_code == 403
    assert not NationalPublication.objects.exists()


def test_a_date_in_the_future_gets_a_message_and_keeps_what_was_typed(client_for, owner, publication):
    client = client_for(owner)
    url = handoff_url(publication) + "date/"
    response = client.post(url, {"published_on[day]": "21", "published_on[month]": "7", "published_on[year]": "2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("The date you published in the national toolkit must be today or in the past") == 2
    assert 'value="21"' in page and 'value="2026"' in page
    assert "<title>Error:" in page
    assert not NationalPublication.objects.exists()


def test_a_date_before_publishing_here_gets_the_rule_as_its_message(client_for, owner, publication):
    response = client_for(owner).post(
        handoff_url(publication) + "date/",
        {"published_on[day]": "30", "published_on[month]": "6", "published_on[year]": "2026"},
    )
    assert "must be on or after 1 July 2026, the day you published this assessment here" in response.content.decode()
    assert not NationalPublication.objects.exists()


def test_recording_the_date_goes_back_to_the_steps_and_can_be_corrected(client_for, owner, publication):
    client = client_for(owner)
    url = handoff_url(publication) + "date/"
    response = client.post(url, {"published_on[day]": "3", "published_on[month]": "7", "published_on[year]": "2026"})
    assert response.status_code == 302 and response["Location"] == handoff_url(publication)
    page = client.get(handoff_url(publication)).content.decode()
    assert "Recorded: you published in the national toolkit on 3 July 2026" in page
    assert "You recorded that you published in the national toolkit on 3 July 2026" in page
    assert "Change the date you recorded" in page
    form = client.get(url).content.decode()
    assert 'value="3"' in form and 'value="7"' in form  # the recorded date, ready to correct
    client.post(url, {"published_on[day]": "2", "published_on[month]": "Jul", "published_on[year]": "2026"})
    assert national.declaration(publication).published_on == datetime.date(2026, 7, 2)
    assert len(history(publication.organisation)) == 2


def test_the_published_page_the_publication_and_the_lists_link_to_the_hand_off(client_for, owner, assessment):
    answer_all(assessment, owner)
    publication = make_publication(assessment, owner, "met")  # today, without travelling in time
    client = client_for(owner)
    link = f'href="{handoff_url(publication)}"'
    done = client.get(f"/o/VX101/publications/{publication.pk}/published/").content.decode()
    assert link in done and "Now publish in the national toolkit" in done
    assert link in client.get(f"/o/VX101/publications/{publication.pk}/").content.decode()
    assert link in client.get("/o/VX101/publications/").content.decode()
    overview = client.get("/o/VX101/publish/").content.decode()
    assert link in overview and "your latest publication, 2025-26 at Standards Met" in overview

    today = timezone.localdate()
    shown = f"{today.day} {today:%B %Y}"
    national.record_national_publication(publication, today, owner)
    listing = client.get("/o/VX101/publications/").content.decode()
    assert f"You recorded publishing there on {shown}" in listing
    overview = client.get("/o/VX101/publish/").content.decode()
    assert f"you recorded publishing it in the national toolkit on {shown}" in overview
    assert "your latest publication" not in overview
    detail = client.get(f"/o/VX101/publications/{publication.pk}/").content.decode()
    assert f"You recorded publishing it there on {shown}" in detail


# ---- the documents and emails -----------------------------------------------------------------------------------


def test_the_pdf_report_says_self_assessed_and_names_the_national_search(client_for, owner, publication, tmp_path):
    national.record_national_publication(publication, datetime.date(2026, 7, 3), owner)
    client = client_for(owner)
    path = tmp_path / "report.pdf"
    path.write_bytes(client.get(f"/o/VX101/publications/{publication.pk}/report.pdf").content)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    text = " ".join(done.stdout.split())
    assert f"Status: {publication.snapshot['status_label']}, self-assessed on this service" in text
    assert "It is not the official record" in text and SEARCH_URL in text
    assert "The organisation says it published in the national toolkit on 3 July 2026" in text
    workbook = load_workbook(io.BytesIO(client.get(f"/o/VX101/publications/{publication.pk}/report.xlsx").content))
    rows = dict(workbook["Publication"].iter_rows(values_only=True))
    assert rows["Assessed"] == "Self-assessed on this service (Open DSPT)"
    assert SEARCH_URL in rows["Official record"]


def test_the_confirmation_email_says_self_assessed_and_hands_over(publication, settings):
    settings.SITE_URL = "https://dspt.example.org"
    url = f"https://dspt.example.org{handoff_url(publication)}"
    emails.publication_confirmation(["admin@care.example"], publication, "https://x/", url)
    message = mail.outbox[-1]
    label = publication.snapshot["status_label"]
    assert message.subject == f"Your 2025-26 self-assessment is published on Open DSPT: {label}"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "self-assessed on this service" in body
        assert "publishing on Open DSPT does not publish there" in body
        assert url in body and SEARCH_URL in body and HOME_URL in body


def test_a_reminder_says_the_national_toolkit_keeps_the_official_record(org):
    with on(2026, 6, 16):
        emails.deadline_reminder(["admin@care.example"], org, "2025-26", datetime.date(2026, 6, 30), 14, "https://x/")
    message = mail.outbox[-1]
    assert message.subject == "14 days left to publish your 2025-26 toolkit"
    for body in (message.body, message.alternatives[0][0]):
        assert "self-assessed on this service" in body
        assert "has not published its 2025-26 Data Security and Protection Toolkit assessment on Open DSPT" in body
        assert HOME_URL in body and SEARCH_URL in body


def test_the_confirmation_email_sent_on_publishing_links_to_the_hand_off(
    client_for, owner, assessment, settings, django_capture_on_commit_callbacks
):
    from dspt.publication.models import Publication

    answer_all(assessment, owner)
    client = client_for(owner)
    client.post("/o/VX101/publish/profile/")
    data = {"confirmer_name": "Sam Patel", "confirmer_job_title": "Registered manager", "authority": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/o/VX101/publish/confirm/", data)
    publication = Publication.objects.get()
    assert f"{settings.SITE_URL}{handoff_url(publication)}" in mail.outbox[-1].body
