"""Time a support programme's cohort dashboard (/s/<slug>/) at scale (run by hand; prints figures).

    .venv/bin/python bench/support_dashboard.py [--providers 5000] [--small 50] [--requests 30] [--profile]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/support_dashboard.py

Builds, with bulk inserts from a seeded random generator (the same data every run on the same day), a support
organisation whose cohort holds --providers providers and a second one of --small providers: their ODS directory
entries (and as many sites outside the cohort), about 60% registered here (profile, approved registration check),
about half of those consenting, this year's assessment (the current framework of the shipped question sets) started
by most consenting and many other providers with answers at every stage, publications for this year at mixed levels
(and last year's, and head offices publishing for branches that have not registered), contact-log notes and event
bookings. Then it asks for the dashboard as each programme lead with Django's test client (3 warm-up requests, then
--requests timed ones), also filtered to one stage, and prints p50/p95/p99 and the mean in milliseconds and the
queries each request ran. It exits with 1 when the number of queries differs between the two cohorts (it must not
grow with the cohort). Target: p95 under 200 ms at 5,000.

Databases (never the developer's): SQLite in a new folder under /tmp, removed at the end, unless DATABASE_URL is set.
With DATABASE_URL=postgres://USER@HOST:PORT/NAME it creates a database of its own, open_dspt_bench_<process id>, on
that server (it connects to NAME only to create and drop it, and reads or writes nothing there), runs ANALYZE after
building (as autovacuum would on a live server) and drops it at the end. --keep leaves either database behind.

Unlike the other benches it runs with DEBUG off by default, as deployed (static files are collected into the scratch
folder and requests are made as HTTPS); --debug runs it with DEBUG on, as `make run` does (Jinja then also checks
each included template file for changes; on 2026-12-01 that cost about 3% more CPU time at 5,000 providers).
Answer versions and evidence files on disk are not made: the dashboard reads neither (it counts evidence rows, which
are made). Figures are in bench/RESULTS.md.
"""

import argparse
import atexit
import cProfile
import datetime
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from urllib.parse import urlsplit, urlunsplit

from setup_data import ROOT, setup_django

TARGET_P95_MS = 200
WARM_UP = 3


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--providers", type=int, default=5_000, help="providers in the large cohort (5,000)")
    parser.add_argument("--small", type=int, default=50, help="providers in the small cohort (50)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per cohort, after 3 warm-up ones")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--profile", action="store_true", help="also profile 5 requests (cProfile) and say where")
    parser.add_argument("--debug", action="store_true", help="run with DEBUG on (default: off, as deployed)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database (and say where it is)")
    return parser.parse_args()


def throwaway_postgres(url: str, keep: bool) -> str:
    """Create open_dspt_bench_<pid> on the server DATABASE_URL names, point DATABASE_URL at it, drop it at exit."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"open_dspt_bench_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(path=parts.path if parts.path not in ("", "/") else "/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        if keep:
            print(f"kept the database {name} (dropdb it when done)")
            return
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    atexit.register(drop)
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return name


args = arguments()
if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    throwaway_postgres(os.environ["DATABASE_URL"], args.keep)
elif os.environ.get("DATABASE_URL"):
    sys.exit("DATABASE_URL must be a postgres:// address (or unset, for SQLite under /tmp).")
os.environ["DEBUG"] = "1" if args.debug else "0"
os.environ.pop("DATA_DIR", None)  # always the new scratch folder, never a DATA_DIR holding a real db.sqlite3
scratch = setup_django()
atexit.register(lambda: print(f"kept {scratch}") if args.keep else shutil.rmtree(scratch, ignore_errors=True))

import django  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from dspt.accounts.models import User  # noqa: E402
from dspt.advice.models import Contact  # noqa: E402
from dspt.assessments.models import Answer, Assessment, Evidence  # noqa: E402
from dspt.events.models import Booking, Event, Topic  # noqa: E402
from dspt.frameworks import answer_types  # noqa: E402
from dspt.frameworks.loader import load_shipped  # noqa: E402
from dspt.frameworks.models import FrameworkVersion, Question  # noqa: E402
from dspt.organisations.models import OdsEntry, Organisation, Profile  # noqa: E402
from dspt.publication.models import Publication, PublicStatus, PublishedSite  # noqa: E402
from dspt.support import dashboard  # noqa: E402
from dspt.support.models import CohortEntry, Consent, SupportMembership, SupportOrganisation  # noqa: E402
from dspt.verification.models import RegistrationReview  # noqa: E402

BATCH = 2_000
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FIRST = [
    "Abbey", "Acorn", "Ashfield", "Beech", "Birch", "Bramble", "Brook", "Cedar", "Clover", "Elm", "Fern", "Glen",
    "Hazel", "Heather", "Holly", "Ivy", "Juniper", "Laurel", "Linden", "Maple", "Meadow", "Oak", "Orchard", "Pine",
]  # fmt: skip
SECOND = ["House", "Lodge", "Care Home", "Court", "Manor", "Nursing Home", "Homecare", "Grange", "Gardens"]
AREAS = ["SG", "AL", "LU", "HP", "WD", "EN", "CM", "MK"]  # one county's postcode areas, and its neighbours
PEOPLE = ["Sam Patel", "Alex Jones", "Priya Shah", "Chris Brown", "Jo Evans", "Kim Taylor", "Lee Wilson"]


def base36(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, remainder = divmod(number, 36)
        digits.append(ALPHABET[remainder])
    return "".join(reversed(digits))


def aware(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour))


def some_day(rng, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def staff(support: SupportOrganisation, slug: str) -> User:
    """The programme lead (returned) and three advisers; no password (signed in with force_login)."""
    lead = User.objects.create_user(f"lead@{slug}.example", None, full_name="Lee Lead")
    SupportMembership.objects.create(support_organisation=support, user=lead, role=SupportMembership.LEAD)
    for n in range(3):
        adviser = User.objects.create_user(f"adviser{n}@{slug}.example", None, full_name=f"Ada Adviser {n}")
        SupportMembership.objects.create(support_organisation=support, user=adviser, role=SupportMembership.ADVISER)
    return lead


def answers_for(rng, assessment_id: int, questions: list, kind: str, since: datetime.date, today) -> list[Answer]:
    """The answers of one started assessment: a few, about half, everything Approaching Standards needs, or all."""
    by_level = {level: [q for q in questions if q.level == level] for level, _ in Question.LEVELS}
    approaching, met, optional = (by_level[level] for level in ("approaching", "met", "optional"))
    if kind == "just started":
        chosen = rng.sample(questions, rng.randint(1, 10))
    elif kind == "halfway":
        chosen = rng.sample(approaching, len(approaching) * rng.randint(5, 9) // 10) + rng.sample(met, len(met) // 4)
    elif kind == "approaching done":
        chosen = approaching + rng.sample(met, rng.randint(0, len(met) // 2))
    else:  # "all done"
        chosen = approaching + met + rng.sample(optional, rng.randint(0, len(optional)))
    made = []
    for question in chosen:
        value = answer_types.get(question.answer_type).demo_value(question.rules or {}, today)
        made.append(
            Answer(
                assessment_id=assessment_id,
                question=question,
                value=value,
                is_draft=kind != "all done" and rng.random() < 0.08,
                version=1,
                updated_at=aware(some_day(rng, since, today - datetime.timedelta(days=1))),
            )
        )
    return made


def build_cohort(rng, slug: str, size: int, first: int, frameworks: dict, today: datetime.date) -> dict:
    """A support organisation with a cohort of `size` providers, and everything around them. `first` numbers the
    ODS codes so that two cohorts never share one. Returns what was made, counted."""
    current, last_year = frameworks["current"], frameworks["last"]
    opened = current.published_on or today - datetime.timedelta(days=90)
    questions = list(current.questions.asked().order_by("position"))
    support = SupportOrganisation.objects.create(
        name=f"Fictional {slug} Care Association", slug=slug, area="Benchshire"
    )
    lead = staff(support, slug)
    made = Counter()

    # The directory: twice as many sites as the cohort (the others are outside it), a head office over every ten.
    sites, entries, parents = [], [], {}
    for i in range(2 * size):
        number = first + i
        code, parent = "V" + base36(number, 4), "A" + base36(number // 10, 4)
        if number % 10 == 0 or i == 0:
            entries.append(OdsEntry(code=parent, name=f"Fictional {rng.choice(FIRST)} Care Group", kind="Head office"))
        postcode = f"{rng.choice(AREAS)}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        postcode += rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        name = f"Fictional {rng.choice(FIRST)} {rng.choice(SECOND)} {number}"
        kind = rng.choice(["Care home", "Care home", "Domiciliary care"])
        entries.append(OdsEntry(code=code, name=name, postcode=postcode, parent_code=parent, kind=kind))
        sites.append((code, name, postcode))
        parents[code] = parent
    OdsEntry.objects.bulk_create(entries, batch_size=BATCH)
    made["directory entries"] = len(entries)
    cohort = sorted(rng.sample(sites, size))
    cohort_codes = {code for code, _n, _p in cohort}
    CohortEntry.objects.bulk_create(
        [
            CohortEntry(support_organisation=support, ods_code=code, name=name, postcode=postcode, added_by=lead)
            for code, name, postcode in cohort
        ],
        batch_size=BATCH,
    )
    made["cohort entries"] = size

    # About 60% of the cohort registered here (30% of the other sites), each with a profile and an approved check.
    registered = [code for code, _n, _p in sites if rng.random() < (0.6 if code in cohort_codes else 0.3)]
    names = {code: name for code, name, _p in sites}
    Organisation.objects.bulk_create([Organisation(ods_code=c, name=names[c]) for c in registered], batch_size=BATCH)
    org_ids = dict(Organisation.objects.filter(ods_code__in=registered).values_list("ods_code", "id"))
    register_extras(rng, list(org_ids.values()), today)
    in_cohort = [code for code in registered if code in cohort_codes]
    made["registered (in the cohort)"] = len(in_cohort)
    made["registered (outside it)"] = len(org_ids) - len(in_cohort)

    # About half of the registered providers in the cohort let the programme see their progress; a few withdrew.
    consenting = {code for code in in_cohort if rng.random() < 0.5}
    consents = [
        Consent(organisation_id=org_ids[c], support_organisation=support, granted_at=aware(opened)) for c in consenting
    ]
    for code in in_cohort:
        if code not in consenting and rng.random() < 0.06:
            consents.append(
                Consent(
                    organisation_id=org_ids[code],
                    support_organisation=support,
                    granted_at=aware(opened - datetime.timedelta(days=60)),
                    withdrawn_at=aware(opened),
                )
            )
    Consent.objects.bulk_create(consents, batch_size=BATCH)
    made["consents (live)"] = len(consenting)

    # This year's assessment: started by 70% of the consenting and 45% of the other registered providers.
    kinds = ["just started", "halfway", "approaching done", "all done"]
    started = {
        code: rng.choices(kinds, weights=[30, 30, 25, 15])[0]
        for code in registered
        if rng.random() < (0.7 if code in consenting else 0.45)
    }
    assessments = Assessment.objects.bulk_create(
        [Assessment(organisation_id=org_ids[c], framework=current, created_at=aware(opened)) for c in started],
        batch_size=BATCH,
    )
    assessment_of = {a.organisation_id: a.id for a in assessments}
    answers = []
    for code, kind in started.items():
        answers += answers_for(rng, assessment_of[org_ids[code]], questions, kind, opened, today)
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    documents = Answer.objects.filter(
        assessment_id__in=list(assessment_of.values()), question__answer_type="document"
    ).values_list("id", "assessment__organisation_id")
    evidence = [
        Evidence(
            organisation_id=org_id,
            answer_id=answer_id,
            stored_name=f"bench/{answer_id}.pdf",
            original_name="policy.pdf",
            content_type="application/pdf",
            kind="PDF document",
            size=40_000,
            sha256="0" * 64,
        )
        for answer_id, org_id in documents
        if rng.random() < 0.3
    ]
    Evidence.objects.bulk_create(evidence, batch_size=BATCH)
    made["assessments this year"], made["answers"], made["evidence files"] = len(started), len(answers), len(evidence)

    # Publications: this year's at mixed levels (some first at Approaching, later at Met), last year's, and head
    # offices publishing for branches not registered on their own. PublicStatus holds each code's latest.
    plan = []  # (organisation code, year, status, day, covered codes)
    for code, kind in started.items():
        day = some_day(rng, opened, today - datetime.timedelta(days=1))
        if kind == "all done" and rng.random() < 0.75:
            if rng.random() < 0.15:
                plan.append((code, current.year, "approaching", some_day(rng, opened, day), [code]))
            plan.append((code, current.year, rng.choice(["met", "met", "met", "exceeded"]), day, [code]))
        elif kind == "approaching done" and rng.random() < 0.4:
            plan.append((code, current.year, "approaching", day, [code]))
        elif kind == "halfway" and rng.random() < 0.05:
            plan.append((code, current.year, "not_met", day, [code]))
    last_opened = last_year.published_on or opened - datetime.timedelta(days=365)
    for code in registered:
        if rng.random() < 0.45:
            day = some_day(rng, last_opened, last_year.deadline)
            status = rng.choice(["approaching", "met", "met", "met", "exceeded"])
            plan.append((code, last_year.year, status, day, [code]))
    unregistered_in_cohort = sorted(cohort_codes - set(org_ids))
    heads = sorted({parents[c] for c in unregistered_in_cohort})
    publishing_heads = rng.sample(heads, max(1, len(heads) // 25))
    Organisation.objects.bulk_create([Organisation(ods_code=h, name=f"Fictional group {h}") for h in publishing_heads])
    head_ids = dict(Organisation.objects.filter(ods_code__in=publishing_heads).values_list("ods_code", "id"))
    register_extras(rng, list(head_ids.values()), today)
    org_ids |= head_ids
    for head in publishing_heads:
        branches = [c for c, _n, _p in sites if parents[c] == head and c not in registered]
        plan.append((head, current.year, "met", some_day(rng, opened, today - datetime.timedelta(days=1)), branches))
    publish(rng, plan, org_ids, assessment_of, frameworks)
    made["publications"] = len(plan)

    # The programme's own work: contact-log notes and event bookings.
    made["contact notes"] = contact_log(rng, support, lead, sorted(cohort_codes), today)
    made["event bookings"] = events(rng, support, lead, cohort, org_ids, today)
    return {"support": support, "lead": lead, "made": made}


def register_extras(rng, organisation_ids: list[int], today: datetime.date) -> None:
    """What registering makes besides the organisation: its profile (mostly finished) and an approved check."""
    profiles, reviews = [], []
    for org_id in organisation_ids:
        ce_plus = rng.choice(["yes", "no", "no", "not_sure"])
        profiles.append(
            Profile(
                organisation_id=org_id,
                services=rng.choice(["care_home", "home_care", "both"]),
                size=rng.choice(["1-9", "10-49", "10-49", "50-249"]),
                nhsmail_only=rng.choice(["yes", "no"]),
                cyber_essentials_plus=ce_plus,
                cyber_essentials_plus_date=today - datetime.timedelta(days=rng.randint(30, 500))
                if ce_plus == "yes"
                else None,
                completed_at=aware(today) if rng.random() < 0.8 else None,
            )
        )
        reviews.append(
            RegistrationReview(
                organisation_id=org_id,
                state=RegistrationReview.APPROVED,
                registered_email=f"manager{org_id}@care.example",
                decided_at=aware(today),
                decided_by_label="bench@operator.example",
            )
        )
    Profile.objects.bulk_create(profiles, batch_size=BATCH)
    RegistrationReview.objects.bulk_create(reviews, batch_size=BATCH)


def publish(rng, plan, org_ids: dict, assessment_of: dict, frameworks: dict) -> None:
    """Publication, PublishedSite and PublicStatus rows for the plan, with the assessments they need."""
    by_year = {f.year: f for f in (frameworks["current"], frameworks["last"])}
    needed = {(org_ids[code], year) for code, year, *_ in plan}
    have = {(org_id, frameworks["current"].year) for org_id in assessment_of}
    Assessment.objects.bulk_create(
        [Assessment(organisation_id=o, framework=by_year[y]) for o, y in sorted(needed - have)], batch_size=BATCH
    )
    assessment_ids = {
        (o, y): pk
        for pk, o, y in Assessment.objects.filter(organisation_id__in={o for o, _ in needed}).values_list(
            "id", "organisation_id", "framework__year"
        )
    }
    publications = Publication.objects.bulk_create(
        [
            Publication(
                organisation_id=org_ids[code],
                assessment_id=assessment_ids[(org_ids[code], year)],
                year=year,
                status=status,
                published_at=aware(day, rng.randint(9, 17)),
                published_by_label="manager@care.example",
                confirmer_name=rng.choice(PEOPLE),
                confirmer_job_title="Registered manager",
                snapshot={},
            )
            for code, year, status, day, _covered in plan
        ],
        batch_size=BATCH,
    )
    sites, latest = [], {}
    for publication, (code, _year, _status, _day, covered) in zip(publications, plan, strict=True):
        for site in covered:
            sites.append(PublishedSite(publication=publication, ods_code=site, name=site))
            if site not in latest or latest[site][0].published_at < publication.published_at:
                latest[site] = (publication, code if site != code else "")
    PublishedSite.objects.bulk_create(sites, batch_size=BATCH)
    PublicStatus.objects.bulk_create(
        [
            PublicStatus(
                ods_code=site,
                publication=p,
                status=p.status,
                year=p.year,
                published_at=p.published_at,
                published_by_code=by,
            )
            for site, (p, by) in sorted(latest.items())
        ],
        batch_size=BATCH,
    )


def contact_log(rng, support, lead, codes: list[str], today: datetime.date) -> int:
    """A third of the cohort has one to four notes in the last ten months; some with follow-ups."""
    notes = []
    for code in codes:
        if rng.random() >= 0.35:
            continue
        for _ in range(rng.randint(1, 4)):
            happened = today - datetime.timedelta(days=rng.randint(0, 300))
            follow_up = happened + datetime.timedelta(days=rng.randint(7, 60)) if rng.random() < 0.3 else None
            notes.append(
                Contact(
                    support_organisation=support,
                    ods_code=code,
                    kind=rng.choice([k for k, _ in Contact.KINDS]),
                    happened_on=happened,
                    with_whom=rng.choice(PEOPLE),
                    summary="Went through the questions on staff training and the asset register.",
                    outcome=rng.choice([o for o, _ in Contact.OUTCOMES] + [""]),
                    follow_up_on=follow_up,
                    followed_up_at=aware(follow_up) if follow_up and follow_up < today and rng.random() < 0.6 else None,
                    created_by=lead,
                )
            )
    Contact.objects.bulk_create(notes, batch_size=BATCH)
    return len(notes)


def events(rng, support, lead, cohort, org_ids: dict, today: datetime.date) -> int:
    """Fourteen events over the year (ten past, four to come); a quarter of the cohort books one or two."""
    made = Event.objects.bulk_create(
        [
            Event(
                support_organisation=support,
                title=f"DSPT workshop {n + 1}",
                topic=rng.choice(Topic.values),
                starts_at=aware(today + datetime.timedelta(days=30 * (n - 9) - 5), 10),
                duration_minutes=90,
                tutor=rng.choice(PEOPLE),
                online=True,
                joining_link="https://meet.example/dspt",
                capacity=rng.randint(40, 120),
                created_by=lead,
            )
            for n in range(14)
        ]
    )
    bookings = []
    for code, name, _postcode in cohort:
        if rng.random() >= 0.25:
            continue
        for event in rng.sample(made, rng.randint(1, 2)):
            status = rng.choices([Booking.BOOKED, Booking.CANCELLED, Booking.WAITING], weights=[80, 12, 8])[0]
            past = event.starts_at < timezone.now()
            bookings.append(
                Booking(
                    event=event,
                    name=rng.choice(PEOPLE),
                    email=f"manager@{code.lower()}.example",
                    organisation_name=name,
                    ods_code=code,
                    organisation_id=org_ids.get(code),
                    status=status,
                    created_at=event.starts_at - datetime.timedelta(days=rng.randint(3, 40)),
                    booked_at=event.starts_at - datetime.timedelta(days=3) if status == Booking.BOOKED else None,
                    page_token_hash=f"{rng.getrandbits(256):064x}",
                    cancel_token_hash=f"{rng.getrandbits(256):064x}",
                    attended=(rng.random() < 0.85) if past and status == Booking.BOOKED else None,
                )
            )
    Booking.objects.bulk_create(bookings, batch_size=BATCH)
    return len(bookings)


# ---- measuring ---------------------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(client: Client, path: str) -> tuple[float, float, int, int]:
    """Wall-clock and CPU milliseconds of one request (CPU: this process only, so SQLite's work but not the
    PostgreSQL server's), its number of queries and the page's size."""
    with CaptureQueriesContext(connection) as captured:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(path, secure=True)  # as behind the HTTPS proxy
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code} (not 200): {response.get('Location', '')}")
    return elapsed, cpu, len(captured.captured_queries), len(response.content)


def measure(client: Client, path: str, requests: int) -> dict:
    for _ in range(WARM_UP):
        timed(client, path)
    runs = [timed(client, path) for _ in range(requests)]
    times = [run[0] for run in runs]
    return {
        "path": path,
        "times": times,
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
        "mean": statistics.fmean(times),
        "cpu p50": statistics.median(run[1] for run in runs),
        "queries": sorted({run[2] for run in runs}),
        "size": runs[-1][3],
    }


def report(label: str, result: dict) -> None:
    print(
        f"{label:<34} n={len(result['times']):<3} p50 {result['p50']:7.1f}  p95 {result['p95']:7.1f}  "
        f"p99 {result['p99']:7.1f}  mean {result['mean']:7.1f} ms  (CPU p50 {result['cpu p50']:6.1f} ms)   "
        f"queries {result['queries']}   page {result['size'] / 1024:,.0f} KiB"
    )


def load_average() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def parts(support: SupportOrganisation, today: datetime.date, framework: FrameworkVersion, count: int = 5) -> None:
    """The dashboard's data steps timed on their own, without the profiler (median of `count` calls, in ms)."""
    from dspt.publication import public
    from dspt.support import consent

    codes = list(CohortEntry.objects.filter(support_organisation=support).values_list("ods_code", flat=True))
    ids = sorted(consent.consenting_organisation_ids(support))
    steps = [
        ("dashboard.rows(): every row, all the data", lambda: dashboard.rows(support, today)),
        (f"  progress_for(): {len(ids):,} consenting", lambda: dashboard.progress_for(ids, framework, today)),
        (f"  public.statuses_for(): {len(codes):,} codes", lambda: public.statuses_for(codes, today)),
        ("dashboard.over_time(): the chart", lambda: dashboard.over_time(support, framework.year)),
    ]
    print(f"\nthe data steps on their own, without the profiler (median of {count} calls; wall / CPU ms):")
    for label, step in steps:
        walls, cpus = [], []
        for _ in range(count):
            started, cpu = time.perf_counter(), time.process_time()
            step()
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        print(f"    {label:<48} {statistics.median(walls):8.1f} / {statistics.median(cpus):8.1f}")


def slowest_queries(client: Client, path: str) -> None:
    """The five queries of one request that kept the database longest: execution only, not reading the rows (which
    on SQLite is where most of the work happens, so there this says little)."""
    with CaptureQueriesContext(connection) as captured:
        client.get(path, secure=True)
    ranked = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)
    total = sum(float(q["time"]) for q in ranked) * 1000
    print(f"\nthe database's time in one request: {total:.0f} ms over {len(ranked)} queries; the slowest:")
    for query in ranked[:5]:
        print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:150]}")


def profile(client: Client, path: str, count: int = 5) -> None:
    """cProfile over `count` requests: the dashboard's own steps, then the functions that take the most time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        client.get(path, secure=True)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values()) / count * 1000  # own time of every function, per request
    print(f"\nprofile of {count} requests to {path} (about {total:,.0f} ms each under the profiler):")
    print("  the dashboard's steps (cumulative ms per request):")
    steps = [
        ("support/views/dashboard.py", "dashboard_page", "the whole view"),
        ("support/dashboard.py", "rows", "dashboard.rows: every provider's row"),
        ("support/dashboard.py", "progress_for", "  progress_for: consenting providers' progress"),
        ("publication/public.py", "statuses_for", "  public.statuses_for: published statuses"),
        ("support/cohort_facts.py", "load_all", "  cohort_facts.load_all: last contact, bookings"),
        ("support/dashboard.py", "over_time", "dashboard.over_time: the chart"),
        ("support/presenters.py", "cohort_row", "presenters.cohort_row, for every row"),
        ("django/urls/base.py", "reverse", "  of which reverse() (the Remove links)"),
        ("jinja2/environment.py", "render", "rendering the template"),
        ("nhsuk/components/tag/template.jinja", "root", "  of which the tag macro"),
        ("django/db/models/sql/compiler.py", "execute_sql", "all queries, with reading their rows"),
        ("django/db/models/base.py", "__init__", "  of which making model instances"),
        ("<method 'fetchmany' of 'sqlite3.Cursor' objects>", "", "  of which SQLite fetching rows"),
    ]
    for suffix, wanted, label in steps:
        found = [
            (calls, cumulative)
            for (filename, _line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items()
            if (filename.endswith(suffix) and name == wanted) or (not wanted and name == suffix)
        ]
        if found:
            calls, cumulative = sum(c for c, _ in found), sum(t for _, t in found)
            print(f"    {label:<50} {cumulative / count * 1000:8.1f} ms  ({calls // count:,} calls)")
    print("  the functions with the most time of their own:")
    stats.sort_stats("tottime").print_stats(15)


def git(*words: str) -> str:
    """A read-only git command's output ("" without git). --no-optional-locks: it never refreshes the index."""
    command = ["git", "-C", str(ROOT), "--no-optional-locks", *words]
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()  # noqa: S603 (fixed words)
    except OSError:
        return ""


def machine() -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    commit = git("rev-parse", "--short", "HEAD")
    changed = git("status", "--porcelain", "--untracked-files=no")
    if connection.vendor == "postgresql":
        server = connection.cursor().connection.info.server_version
        engine = f"PostgreSQL {server // 10000}.{server % 10000}"
    else:
        import sqlite3

        engine = f"SQLite {sqlite3.sqlite_version}"
    return {
        "cores": os.cpu_count(),
        "cpu": cpu or platform.processor() or platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "date": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": (commit or "unknown") + (" + uncommitted changes" if changed else ""),
        "engine": engine,
        "database": connection.settings_dict["NAME"],
    }


def main() -> None:
    if SupportOrganisation.objects.exists():
        sys.exit("The database is not empty.")
    about = machine()
    print("Open DSPT benchmark: a support programme's cohort dashboard")
    print(f"machine   {about['cores']} cores ({about['cpu']}), {about['system']}, Python {about['python']}")
    print(f"date      {about['date']}")
    print(f"commit    {about['commit']} (Django {about['django']}, DEBUG {'on' if settings.DEBUG else 'off'})")
    print(f"database  {about['engine']}, throwaway: {about['database']}")
    print(f"load      {load_average()} (1, 5 and 15 minutes; other work on the machine slows the figures)")
    started = time.perf_counter()
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)  # into the scratch folder, as a deployment
    load_shipped()
    today = timezone.localdate()
    current = FrameworkVersion.objects.current(today)
    last = FrameworkVersion.objects.filter(year__lt=current.year).order_by("-year").first()
    frameworks = {"current": current, "last": last or current}
    rng = random.Random(args.seed)
    with transaction.atomic():
        large = build_cohort(rng, "bench-large", args.providers, 0, frameworks, today)
        small = build_cohort(rng, "bench-small", args.small, 1_000_000, frameworks, today)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"built in {time.perf_counter() - started:.1f} s; today is {today}, the current year {current.year}")
    for label, built in (("large", large), ("small", small)):
        made = ", ".join(f"{count:,} {what}" for what, count in built["made"].items())
        funnel = dashboard.funnel(dashboard.rows(built["support"], today))
        stages = ", ".join(f"{step.label} {step.count:,} ({step.percent}%)" for step in funnel)
        print(f"  {label}: {made}\n    funnel: {stages}")

    results = {}
    for label, built in (("large", large), ("small", small)):
        client = Client()
        client.force_login(built["lead"])
        path = f"/s/{built['support'].slug}/"
        results[label] = measure(client, path, args.requests)
        results[f"{label} filtered"] = measure(client, path + "?stage=in_progress", args.requests)
    note = "; with fewer than 100, p99 is the slowest" if args.requests < 100 else ""
    print(f"\n{WARM_UP} warm-up requests, then {args.requests} timed{note}")
    report(f"dashboard, {args.providers:,} providers", results["large"])
    report(f"dashboard, {args.small:,} providers", results["small"])
    report(f"  ?stage=in_progress, {args.providers:,}", results["large filtered"])
    report(f"  ?stage=in_progress, {args.small:,}", results["small filtered"])

    counts = {label: result["queries"] for label, result in results.items()}
    constant = len({tuple(c) for c in counts.values()}) == 1 and len(counts["large"]) == 1
    print(f"load average after the requests: {load_average()}")
    if constant:
        print(f"queries: constant, {counts['large'][0]} per request at {args.small:,} and at {args.providers:,}")
    else:
        print(f"queries: NOT constant: {counts}")
    p95 = results["large"]["p95"]
    print(f"target: p95 under {TARGET_P95_MS} ms at {args.providers:,}: {'met' if p95 < TARGET_P95_MS else 'NOT met'}")
    print("\nfor bench/RESULTS.md:")
    print("| date | commit | machine | database | providers | p50 ms | p95 ms | p99 ms | mean ms | queries |")
    for label, size in (("large", args.providers), ("small", args.small)):
        r = results[label]
        print(
            f"| {about['date'][:10]} | {about['commit']} | {about['cores']} cores {about['cpu']} | {about['engine']} "
            f"| {size:,} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {r['mean']:.0f} "
            f"| {', '.join(map(str, r['queries']))} |"
        )
    if args.profile:
        client = Client()
        client.force_login(large["lead"])
        parts(large["support"], today, current)
        slowest_queries(client, f"/s/{large['support'].slug}/")
        profile(client, f"/s/{large['support'].slug}/")
    if not constant:
        sys.exit(1)


if __name__ == "__main__":
    main()
