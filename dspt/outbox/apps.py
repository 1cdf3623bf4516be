from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "dspt.outbox"
    label = "outbox"

    def ready(self):
        """Every email dspt/lib/emails.py makes goes into the outbox (lib imports no app, so it is plugged in)."""
        from dspt.lib import emails
        from dspt.outbox import sending

        emails.deliver_with(sending.queue)
