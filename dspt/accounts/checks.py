"""Our own system checks for production settings that would break emailed links (registration, invitations,
password reset): dspt.W001 to W003.

They are deploy checks: they run with `manage.py check --deploy` (step 4 of the README's production set-up), not on
every `manage.py` command or at start-up, because a development machine rightly has DEBUG on and no SMTP server.
AccountsConfig.ready() registers them by importing this module.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def site_url_host_allowed(app_configs, **kwargs):
    host = urlsplit(settings.SITE_URL).hostname or ""
    allowed = settings.ALLOWED_HOSTS
    if "*" in allowed or host in allowed or any(h.startswith(".") and host.endswith(h) for h in allowed):
        return []
    return [
        checks.Warning(
            f"SITE_URL's host {host!r} is not in ALLOWED_HOSTS, so emailed links will not open.",
            hint="Add it to ALLOWED_HOSTS, or correct SITE_URL.",
            id="dspt.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def email_configured(app_configs, **kwargs):
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend") and not settings.DEBUG:
        return [
            checks.Warning(
                "EMAIL_HOST is not set, so emails (registration links, invitations) are only printed to the log.",
                hint="Set EMAIL_HOST and the other EMAIL_ settings (see the README).",
                id="dspt.W002",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def site_url_https(app_configs, **kwargs):
    if not settings.DEBUG and not settings.SITE_URL.startswith("https://"):
        return [
            checks.Warning(
                "SITE_URL does not start with https://, so emailed links would send people to an unencrypted page.",
                hint="Serve the site over HTTPS and set SITE_URL=https://your.domain",
                id="dspt.W003",
            )
        ]
    return []
