from django.core.management.base import BaseCommand

from dspt.outbox import sending


class Command(BaseCommand):
    help = (
        "Send the emails waiting in the outbox, and try again those that failed (run every minute from cron; safe to "
        "run twice at once)."
    )

    def handle(self, *args, **options):
        sent = sending.send_due()
        if options["verbosity"] > 0:
            self.stdout.write(f"Sent {sent} email{'s' if sent != 1 else ''}")
