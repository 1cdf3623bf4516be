from django.core.management.base import BaseCommand, CommandError

from dspt.organisations.ods_import import BadFile, import_csv


class Command(BaseCommand):
    help = "Import or update the ODS directory from a CSV file (see dspt/organisations/ods_import.py for columns)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8-sig", newline="") as handle:
                result = import_csv(handle)
        except FileNotFoundError as error:
            raise CommandError(f"{file}: no such file") from error
        except BadFile as error:
            raise CommandError(f"{file}: {error}") from error
        for message in result.errors:
            self.stderr.write(f"{file}: {message}")
        self.stdout.write(
            f"Imported {result.imported} of {result.rows} rows from {file}"
            + (f"; {len(result.errors)} rows skipped (see above)" if result.errors else "")
        )
