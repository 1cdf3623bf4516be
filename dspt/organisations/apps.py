from django.apps import AppConfig
from django.db.models.signals import post_delete


class OrganisationsConfig(AppConfig):
    name = "dspt.organisations"
    label = "organisations"

    def ready(self):
        """Plug organisations into accounts, which never imports it (dspt/accounts/tests/test_independent.py)."""
        # These import models, so only once the apps are loaded.
        from dspt.accounts import link_tokens, mfa
        from dspt.accounts.views import account
        from dspt.organisations import joining, people
        from dspt.organisations.models import JoinLink
        from dspt.organisations.views import account as account_views
        from dspt.organisations.views import joining as joining_views

        for purpose in joining_views.LINK_PURPOSES:  # registration and invitation links
            link_tokens.add_purpose(purpose)
        link_tokens.count_emails_with(joining.join_requests_sent)  # join requests share the hourly email limit
        mfa.require_when(people.two_factor_required)
        account.add_section(account_views.account_section)
        post_delete.connect(joining.delete_email_link, sender=JoinLink, dispatch_uid="organisations.join_link")
