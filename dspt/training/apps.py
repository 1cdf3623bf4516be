"""Staff training register, the live share trained in 12 months, and confirmations by one-time link."""

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "dspt.training"
    label = "training"
    verbose_name = "Staff training"

    def ready(self):
        """Add the register, its suggestion for 3.2.1, its freshness items and its part of the evidence pack."""
        from dspt.accounts import link_tokens
        from dspt.registers import hooks, specs
        from dspt.training import confirmations, evidence
        from dspt.training.spec import STAFF_TRAINING

        specs.add(STAFF_TRAINING)
        hooks.add_suggestion(evidence.SUGGESTION_KEY, evidence.suggestion)
        hooks.add_freshness("staff_training", evidence.freshness, refs=evidence.REFS)
        hooks.add_pack_section("staff_training", 40, evidence.pack_section)
        link_tokens.count_emails_with(confirmations.sent_to)  # confirmation emails share an address's hourly limit
