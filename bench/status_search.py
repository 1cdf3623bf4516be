"""Time the public status search at scale (run by hand; prints figures).

    .venv/bin/python bench/status_search.py [SEARCHES]

Builds a throwaway SQLite database (or uses DATABASE_URL: point it at an empty scratch database, never a real
one) holding 100,000 ODS directory entries and 30,000 publications, then runs SEARCHES (default 200) searches of
mixed kinds (part of a name, exact ODS code, postcode, no match, hostile input) through the Django test client,
so each time includes the view and the template. Prints p50/p95 in milliseconds and the queries each page ran.
Target: p95 well under 500 ms on SQLite, and the same number of queries for every page of results.
"""

import datetime
import random
import statistics
import sys
import time

from setup_data import setup_django

scratch = setup_django()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from dspt.assessments.models import Assessment  # noqa: E402
from dspt.frameworks.models import FrameworkVersion  # noqa: E402
from dspt.organisations.models import OdsEntry, Organisation  # noqa: E402
from dspt.publication.models import Publication, PublicStatus, PublishedSite  # noqa: E402

ENTRIES = 100_000
PUBLICATIONS = 30_000
BATCH = 5_000
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FIRST = [
    "Abbey", "Acorn", "Ashfield", "Beech", "Birch", "Bramble", "Brook", "Cedar", "Clover", "Elm", "Fern", "Glen",
    "Hazel", "Heather", "Holly", "Ivy", "Juniper", "Laurel", "Linden", "Maple", "Meadow", "Oak", "Orchard", "Pine",
    "Primrose", "River", "Rose", "Rowan", "Sycamore", "Willow", "Harbour", "Hillside", "Lakeside", "Parkview",
]  # fmt: skip
SECOND = ["House", "Lodge", "Care Home", "Court", "Manor", "Nursing Home", "Homecare", "Grange", "Gardens", "View"]
TOWNS = ["Ambridge", "Borchester", "Casterbridge", "Dunthorpe", "Eastwick", "Felpersham", "Grantchester", "Hollyoaks"]
AREAS = ["AB", "B", "BS", "CB", "DN", "E", "G", "LS", "M", "N", "NE", "OX", "S", "SW", "TN", "YO"]


def base36(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, remainder = divmod(number, 36)
        digits.append(ALPHABET[remainder])
    return "".join(reversed(digits))


def build_directory(rng: random.Random) -> list[str]:
    """100,000 entries: every tenth a head office (A code), the rest its sites (V codes). Returns site codes."""
    entries, sites = [], []
    head_office = ""
    for i in range(ENTRIES):
        postcode = f"{rng.choice(AREAS)}{rng.randint(1, 30)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        postcode += rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        if i % 10 == 0:
            head_office = "A" + base36(i // 10, 3)
            name = f"Fictional {rng.choice(FIRST)} Care Group {i // 10}"
            entries.append(OdsEntry(code=head_office, name=name, postcode=postcode, kind="Head office"))
        else:
            code = "V" + base36(i, 4)
            name = f"Fictional {rng.choice(FIRST)} {rng.choice(SECOND)} {rng.choice(TOWNS)} {i}"
            entries.append(OdsEntry(code=code, name=name, postcode=postcode, parent_code=head_office, kind="Care home"))
            sites.append(code)
    OdsEntry.objects.bulk_create(entries, batch_size=BATCH)
    return sites


def build_publications(rng: random.Random, sites: list[str]) -> None:
    """30,000 publications: 24,000 sites publish once (2025-26 or, out of date now, 2024-25), 6,000 twice."""
    frameworks = {
        year: FrameworkVersion.objects.create(
            year=year, title=f"DSPT {year}", deadline=datetime.date(int(year[:4]) + 1, 6, 30), source_hash="0" * 64
        )
        for year in ("2024-25", "2025-26")
    }
    publishing = rng.sample(sites, 24_000)
    Organisation.objects.bulk_create(
        [Organisation(ods_code=code, name=f"Organisation {code}") for code in publishing], batch_size=BATCH
    )
    organisations = dict(Organisation.objects.values_list("ods_code", "id"))
    plan = []  # (code, year, published_at)
    for index, code in enumerate(publishing):
        if index < 6_000:
            plan.append((code, "2024-25", datetime.datetime(2024, 6, 20, 12, tzinfo=datetime.UTC)))
            plan.append((code, "2025-26", datetime.datetime(2025, 6, 20, 12, tzinfo=datetime.UTC)))
        elif index < 16_000:
            plan.append((code, "2025-26", datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)))
        else:
            plan.append((code, "2024-25", datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC)))
    assert len(plan) == PUBLICATIONS
    Assessment.objects.bulk_create(
        [Assessment(organisation_id=organisations[code], framework=frameworks[year]) for code, year, _ in plan],
        batch_size=BATCH,
    )
    rows = Assessment.objects.values_list("id", "organisation_id", "framework__year")
    assessments = {(org_id, year): pk for pk, org_id, year in rows}
    statuses = ["not_met", "approaching", "met", "met", "met", "exceeded"]
    Publication.objects.bulk_create(
        [
            Publication(
                organisation_id=organisations[code],
                assessment_id=assessments[(organisations[code], year)],
                year=year,
                status=rng.choice(statuses),
                published_at=at,
                published_by_label="bench@example.invalid",
                confirmer_name="Bench Confirmer",
                confirmer_job_title="Manager",
                snapshot={},
            )
            for code, year, at in plan
        ],
        batch_size=BATCH,
    )
    latest = {}
    for pk, org_code, status, year, at in Publication.objects.order_by("published_at", "id").values_list(
        "id", "organisation__ods_code", "status", "year", "published_at"
    ):
        latest[org_code] = (pk, status, year, at)
    PublishedSite.objects.bulk_create(
        [
            PublishedSite(publication_id=pk, ods_code=org_code, name=org_code)
            for pk, org_code in Publication.objects.values_list("id", "organisation__ods_code")
        ],
        batch_size=BATCH,
    )
    PublicStatus.objects.bulk_create(
        [
            PublicStatus(ods_code=code, publication_id=pk, status=status, year=year, published_at=at)
            for code, (pk, status, year, at) in latest.items()
        ],
        batch_size=BATCH,
    )


def queries(rng: random.Random, count: int, sites: list[str]) -> list[tuple[str, str]]:
    kinds = [
        ("common word", lambda: rng.choice(SECOND).lower()),
        ("name part", lambda: rng.choice(FIRST)),
        ("town", lambda: rng.choice(TOWNS).upper()),
        ("rare name", lambda: f"{rng.choice(TOWNS)} {rng.randrange(ENTRIES)}"),
        ("exact code", lambda: rng.choice(sites).lower()),
        ("postcode", lambda: f"{rng.choice(AREAS)}{rng.randint(1, 30)}"),
        ("no match", lambda: "Nowhere At All " + str(rng.random())),
        ("hostile", lambda: rng.choice(["'; DROP TABLE x; --", "<script>alert(1)</script>", "%_%", "x" * 10_240])),
    ]
    return [(label, make()) for label, make in (rng.choice(kinds) for _ in range(count))]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(client: Client, path: str, params: dict) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path, params)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, params, response.status_code)
    return elapsed, len(captured.captured_queries)


def report(label: str, times: list[float], counts: list[int]) -> None:
    print(
        f"{label:<28} n={len(times):<4} p50 {statistics.median(times):6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms"
        f"   max {max(times):6.1f} ms   queries per request {sorted(set(counts))}"
    )


def main() -> None:
    searches = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(20260630)
    if OdsEntry.objects.exists():
        sys.exit("The database is not empty: point DATABASE_URL at a scratch database.")
    started = time.perf_counter()
    with transaction.atomic():
        sites = build_directory(rng)
        build_publications(rng, sites)
    print(
        f"built {OdsEntry.objects.count():,} directory entries, {Publication.objects.count():,} publications and "
        f"{PublicStatus.objects.count():,} public statuses in {time.perf_counter() - started:.1f} s "
        f"({connection.vendor})"
    )
    client = Client()
    timed(client, "/status/", {"q": "warm up"})
    by_kind: dict[str, list[float]] = {}
    times, counts = [], []
    for label, query in queries(rng, searches, sites):
        page = rng.choice(["1", "1", "1", "2", "50"])
        elapsed, count = timed(client, "/status/", {"q": query, "page": page})
        times.append(elapsed)
        counts.append(count)
        by_kind.setdefault(label, []).append(elapsed)
    print(f"today is {timezone.localdate()}; 20 results a page; 0 queries = too long, 2 = no match")
    report("search page (all kinds)", times, counts)
    for label, values in sorted(by_kind.items()):
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"  {label:<26} n={len(values):<4} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
    api = [timed(client, "/api/v1/statuses", {"q": query}) for _, query in queries(rng, 50, sites) if len(query) <= 100]
    report("JSON search", [t for t, _ in api], [c for _, c in api])
    listing = [timed(client, "/api/v1/statuses", {"page": str(rng.randint(1, 1000))}) for _ in range(50)]
    report("JSON list of published", [t for t, _ in listing], [c for _, c in listing])
    pages = [timed(client, f"/status/{code}/", {}) for code in rng.sample(sites, 50)]
    report("public page", [t for t, _ in pages], [c for _, c in pages])
    badges = [timed(client, f"/status/{code}/badge.svg", {}) for code in rng.sample(sites, 50)]
    report("badge", [t for t, _ in badges], [c for _, c in badges])
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get("/status/statuses.csv")
        size = sum(len(chunk) for chunk in response.streaming_content)
        elapsed = time.perf_counter() - started
    print(f"CSV of every published status: {size / 1024:,.0f} KiB in {elapsed:.2f} s, {len(captured)} queries")


if __name__ == "__main__":
    main()
