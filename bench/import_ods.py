"""Time `import_ods` on a generated directory of 100,000 rows (run by hand; prints figures).

    DEBUG=1 SECRET_KEY=bench .venv/bin/python bench/import_ods.py [ROWS]

Uses a throwaway SQLite database unless DATABASE_URL is set. Target: well under a minute for 100,000 rows, and a
second run (all updates) about as fast.
"""

import csv
import resource
import sys
import time
from pathlib import Path

from setup_data import setup_django

scratch = setup_django()


from dspt.organisations.models import OdsEntry  # noqa: E402
from dspt.organisations.ods_import import import_csv  # noqa: E402


def write_csv(path: Path, rows: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "postcode", "parent_code", "status", "type"])
        for i in range(rows):
            if i % 10 == 0:
                writer.writerow([f"A{i:07d}", f"Fictional Group {i}", "ZZ1 1AA", "", "open", "Head office"])
            else:
                parent = f"A{(i // 10) * 10:07d}"
                status = "closed" if i % 97 == 0 else "open"
                writer.writerow([f"V{i:07d}", f"Fictional Home {i}", "ZZ1 1AB", parent, status, "Care home"])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = scratch / "ods.csv"
    write_csv(path, rows)
    for label in ("first import (inserts)", "second import (updates)"):
        started = time.perf_counter()
        with open(path, encoding="utf-8", newline="") as handle:
            result = import_csv(handle)
        seconds = time.perf_counter() - started
        print(f"{label}: {result.imported} rows in {seconds:.1f} s ({result.imported / seconds:,.0f} rows/s)")
    print(f"entries in the directory: {OdsEntry.objects.count():,}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
