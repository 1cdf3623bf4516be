from django.core.management.base import BaseCommand
from django.utils import timezone

from dspt.publication.reminders import send_due


class Command(BaseCommand):
    help = "Email deadline reminders to organisations that have not published this year (run daily from cron)."

    def handle(self, *args, **options):
        sent = send_due(timezone.localdate())
        self.stdout.write(f"Sent {len(sent)} reminder{'s' if len(sent) != 1 else ''}")
        for reminder in sent:
            self.stdout.write(f"  {reminder}")
