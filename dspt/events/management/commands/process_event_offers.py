"""Run from cron (every 15 minutes is plenty): offers of a freed place that were not taken in time lapse and pass
to the next person waiting; free places on events with a waiting list are offered; people with a place are reminded
the day before. Running it again at once does nothing more."""

from django.core.management.base import BaseCommand

from dspt.events import bookings


class Command(BaseCommand):
    help = "Lapse untaken offers of event places, offer free places to the waiting list, send day-before reminders"

    def handle(self, *args, **options):
        lapsed = bookings.lapse_offers()
        offered = bookings.offer_where_free()
        reminded = bookings.send_reminders()
        self.stdout.write(f"{lapsed} offers lapsed, {offered} more places offered, {reminded} reminders sent")
