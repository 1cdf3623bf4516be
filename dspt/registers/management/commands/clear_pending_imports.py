from django.core.management.base import BaseCommand

from dspt.registers import importing


class Command(BaseCommand):
    help = (
        "Forget register imports that were checked but not confirmed within a day (their rows hold personal data). "
        "Run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = importing.clear_expired()
        if options["verbosity"] > 0:
            self.stdout.write(f"Forgot {deleted} import{'s' if deleted != 1 else ''} waiting to be confirmed")
