"""The home page's one sentence about where an organisation stands in the yearly cycle (where_we_stand.describe)."""

import datetime
from types import SimpleNamespace

import pytest

from dspt.publication.where_we_stand import describe

DEADLINES = {"2024-25": datetime.date(2025, 6, 30), "2025-26": datetime.date(2026, 6, 30)}
Y2025 = SimpleNamespace(year="2025-26", deadline=datetime.date(2026, 6, 30), published_on=datetime.date(2025, 9, 18))


def status(year, status, day):
    return SimpleNamespace(year=year, status=status, published_at=datetime.datetime(*day, 12, tzinfo=datetime.UTC))


CASES = [
    # (today, latest public status, the sentence, publishing now would be late)
    (
        (2026, 5, 1),
        None,
        "Your 2025-26 assessment is due by 30 June 2026 (60 days left).",
        False,
    ),
    (
        (2026, 6, 29),
        None,
        "Your 2025-26 assessment is due by 30 June 2026 (1 day left).",
        False,
    ),
    (
        (2026, 12, 1),
        None,
        "Your 2025-26 deadline (30 June 2026) has passed; you can still publish, and it will show as late.",
        True,
    ),
    (
        (2026, 5, 1),
        status("2024-25", "met", (2025, 5, 2)),
        "Your 2025-26 assessment is due by 30 June 2026 (60 days left). Your 2024-25 status (Standards Met) is "
        "current until 30 June 2026.",
        False,
    ),
    (
        (2026, 12, 1),
        status("2024-25", "met", (2025, 5, 2)),
        "Your 2025-26 deadline (30 June 2026) has passed; you can still publish, and it will show as late. Your "
        "2024-25 status (Standards Met) lapsed on 30 June 2026.",
        True,
    ),
    (
        (2026, 5, 1),
        status("2025-26", "approaching", (2026, 4, 2)),
        "You published your 2025-26 assessment at Approaching Standards on 2 April 2026. It is current until "
        "30 June 2027.",
        False,
    ),
    (
        (2026, 12, 1),
        status("2025-26", "met", (2026, 8, 3)),
        "You published your 2025-26 assessment at Standards Met on 3 August 2026, after the deadline, so it shows as "
        "late. It is current until 30 June 2027.",
        True,
    ),
]


@pytest.mark.parametrize(("today", "latest", "sentence", "late"), CASES)
def test_where_we_stand(today, latest, sentence, late):
    standing = describe(Y2025, latest, DEADLINES, datetime.date(*today))
    assert standing.sentence == sentence
    assert standing.publishing_now_is_late is late
    assert standing.year == "2025-26"


def test_nothing_to_say_without_a_question_set():
    assert describe(None, None, {}, datetime.date(2026, 1, 1)).sentence == ""


@pytest.mark.django_db
def test_the_home_page_and_publish_journey_say_where_the_organisation_stands(client_for, owner, org, assessment):
    import time_machine

    from tests.factories import answer_all, complete_profile

    complete_profile(org)
    with time_machine.travel(datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)):
        answer_all(assessment, owner)
        client = client_for(owner)
        home = client.get("/o/VX101/").content.decode()
        assert "Your 2025-26 assessment is due by 30 June 2026 (60 days left)." in home
        client.post("/o/VX101/publish/profile/")
        assert "The deadline has passed" not in client.get("/o/VX101/publish/confirm/").content.decode()
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)):
        client = client_for(owner)  # a new sign-in: the first one has long timed out
        sentence = "Your 2025-26 deadline (30 June 2026) has passed; you can still publish, and it will show as late."
        assert sentence in client.get("/o/VX101/").content.decode()
        assert sentence in client.get("/o/VX101/publish/").content.decode()
        confirm = client.get("/o/VX101/publish/confirm/").content.decode()
        assert "this publication will show as late, here and in public" in confirm


@pytest.mark.django_db
def test_a_late_publication_says_so_in_its_pages_email_and_report(
    client_for, owner, org, assessment, tmp_path, django_capture_on_commit_callbacks
):
    import subprocess

    import time_machine
    from django.core import mail

    from tests.factories import answer_all, complete_profile

    complete_profile(org)
    with time_machine.travel(datetime.datetime(2026, 8, 3, 12, tzinfo=datetime.UTC)):
        answer_all(assessment, owner)  # on that day, so dated answers are not in the future
        client = client_for(owner)
        client.post("/o/VX101/publish/profile/")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                "/o/VX101/publish/confirm/",
                {"confirmer_name": "Sam Patel", "confirmer_job_title": "Manager", "authority": "on"},
            )
        from dspt.publication.models import Publication

        publication = Publication.objects.get()
        assert publication.is_late
        assert (
            "3 August 2026 at 1:00pm, after the deadline (late)"
            in client.get(f"/o/VX101/publications/{publication.pk}/").content.decode()
        )
        assert "3 August 2026 at 1:00pm (late)" in client.get("/o/VX101/publications/").content.decode()
        assert "after the 2025-26 deadline, so it shows as late" in mail.outbox[-1].body
        pdf = tmp_path / "report.pdf"
        pdf.write_bytes(client.get(f"/o/VX101/publications/{publication.pk}/report.pdf").content)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "after the 2025-26 deadline (late)" in " ".join(text.split())
