"""`manage.py load_framework FILE [FILE ...]` or `--all`: load question banks (idempotent; safe to run on deploy)."""

from django.core.management.base import BaseCommand, CommandError

from dspt.frameworks.loader import FrameworkError, load, shipped_files


class Command(BaseCommand):
    help = (
        "Load question banks from YAML files (see content/frameworks/README.md), each in one transaction. "
        "Give older years first (2024-25.yaml before 2025-26.yaml): a year is checked against its previous year. "
        "Loading an unchanged file does nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE", help="YAML files, oldest year first")
        parser.add_argument(
            "--all", dest="all_files", action="store_true", help="Load every content/frameworks/*.yaml by name"
        )

    def handle(self, *args, files, all_files, **options):
        if all_files == bool(files):
            raise CommandError("Give one or more files, or --all (not both).")
        for path in shipped_files() if all_files else files:
            try:
                result = load(path)
            except FrameworkError as error:
                raise CommandError(f"{path}: not loaded:\n{error}") from error
            self.stdout.write(result.describe())
