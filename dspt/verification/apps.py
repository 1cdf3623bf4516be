from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "dspt.verification"
    label = "verification"
    verbose_name = "Operators and registration checks"

    def ready(self):
        """Plug into organisations and accounts, which never import this app."""
        from dspt.accounts.views import account
        from dspt.organisations import joining
        from dspt.organisations import presenters as organisation_presenters
        from dspt.verification import presenters, review
        from dspt.verification.views import account as account_views

        joining.when_registered(review.on_registered)
        organisation_presenters.add_home_notice("registration check", 10, presenters.public_notice)
        account.add_section(account_views.account_section)
