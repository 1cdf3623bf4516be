from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dspt.accounts"
    label = "accounts"

    def ready(self):
        # These import models, so only once the apps are loaded.
        from dspt.accounts import checks, link_tokens  # noqa: F401 (importing checks registers dspt.W001-W003)
        from dspt.accounts.views.signin import RESET_LINK

        link_tokens.add_purpose(RESET_LINK)
