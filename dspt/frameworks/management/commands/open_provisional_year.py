"""`manage.py open_provisional_year 2026-27 [--opens YYYY-MM-DD]`: open a year whose national question set is not
out yet, built from the previous year's file (every question unchanged), and load it."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dspt.frameworks import provisional
from dspt.frameworks.calendar import next_year
from dspt.frameworks.loader import FrameworkError, load, shipped_files


class Command(BaseCommand):
    help = (
        "Open a toolkit year provisionally, built from the previous year's question set, until the national set is "
        "published: writes content/frameworks/YEAR.yaml and loads it."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", help='The year to open, like "2026-27"')
        parser.add_argument("--opens", type=datetime.date.fromisoformat, help="When it opens (default: today)")

    def handle(self, *args, year, opens, **options):
        files = {path.stem: path for path in shipped_files()}
        if year in files:
            raise CommandError(f"{files[year]} already exists: edit it instead")
        previous = next((stem for stem in files if next_year(stem) == year), None)
        if previous is None:
            raise CommandError(f"There is no question set for the year before {year} to build it from")
        today = timezone.localdate()
        try:
            data = provisional.build(files[previous], year, opens or today)
        except ValueError as error:
            raise CommandError(str(error)) from error
        path = provisional.write(data, files[previous].parent, today)
        try:
            result = load(path)
        except FrameworkError as error:
            path.unlink()
            raise CommandError(f"{path}: not loaded, so not kept:\n{error}") from error
        self.stdout.write(f"Wrote {path.name}. {result.describe()} (provisional, opens {data['published_on']})")
