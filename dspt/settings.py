"""Settings for Open DSPT, read from environment variables with safe defaults.

See the README's configuration table. DEBUG is off unless asked for; SECRET_KEY must be given when DEBUG is
off; SQLite is used unless DATABASE_URL names another database; email goes to the console unless
EMAIL_HOST is set.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from dspt.lib import operator_details
from dspt.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see the README).")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# Unless set, the address `make run` serves on (its HOST and PORT), so emailed links and badge code work there.
SITE_URL = env_str("SITE_URL", f"http://{env_str('HOST', '127.0.0.1')}:{env_str('PORT', '8000')}").rstrip("/")
SERVICE_NAME = "Open DSPT"
# Who runs this installation, shown in every page's footer and on /help/; where feedback goes (the phase banner's
# link); the local support programmes listed on /help/ ("name|address|area;…"). All optional (see the README).
OPERATOR = operator_details.contact(
    env_str("OPERATOR_NAME"), env_str("OPERATOR_EMAIL"), env_str("OPERATOR_PHONE"), env_str("OPERATOR_URL")
)
FEEDBACK_EMAIL = operator_details.email("FEEDBACK_EMAIL", env_str("FEEDBACK_EMAIL"))
SUPPORT_PROGRAMMES = operator_details.support_programmes(env_str("SUPPORT_PROGRAMMES"))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "dspt.ui",
    "dspt.outbox",
    "dspt.history",
    "dspt.accounts",
    "dspt.organisations",
    "dspt.verification",
    "dspt.frameworks",
    "dspt.registers",
    "dspt.dpias",
    "dspt.training",
    "dspt.incidents",
    "dspt.assessments",
    "dspt.publication",
    "dspt.support",
    "dspt.adviser_access",
    "dspt.resources",
    "dspt.events",
    "dspt.advice",
    "dspt.funder_reports",
    "dspt.health",
    "dspt.documents",
    "dspt.status_search",
]
# Fictional demo data (`manage.py load_demo`, with a password committed to the repository) is for a development
# machine only: the app is installed, and the command runs, only with DEBUG on. settings_test.py allows it for tests.
DEMO_DATA_ALLOWED = DEBUG
if DEMO_DATA_ALLOWED:
    INSTALLED_APPS.append("dspt.demo")

MIDDLEWARE = [
    "dspt.lib.middleware.RequestIds",  # first, so every response (redirects too) has an id and an access line
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "dspt.lib.middleware.NoStoreWhenSignedIn",
    "dspt.lib.middleware.RefuseNulCharacters",
    "django_otp.middleware.OTPMiddleware",
    "dspt.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dspt.urls"
WSGI_APPLICATION = "dspt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "dspt.ui.environment.environment",
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "dspt.ui.context.service",
                "dspt.organisations.context.organisations",
                "dspt.support.context.support_contacts",
            ],
        },
    },
    {
        # Only for Django's own pages that insist on the Django template language (none of ours).
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "dspt.accounts.backends.EmailBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
PASSWORD_MIN_LENGTH = 12
AUTH_PASSWORD_VALIDATORS = [  # Django's rules, with messages that say what to do (dspt/accounts/password_rules.py)
    {"NAME": "dspt.accounts.password_rules.MinimumLength", "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH}},
    {"NAME": "dspt.accounts.password_rules.NotCommon"},
    {"NAME": "dspt.accounts.password_rules.NotOnlyNumbers"},
    {"NAME": "dspt.accounts.password_rules.NotLikePersonalDetails"},
]

LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "organisations:choose"
LOGOUT_REDIRECT_URL = "ui:home"

# Emailed links (registration, invitations, password reset): valid this long, and once.
EMAIL_LINK_VALID_HOURS = env_int("EMAIL_LINK_VALID_HOURS", 24)
# At most this many emailed links to one address per hour (stops the service being used to spam).
EMAIL_LINKS_PER_HOUR = env_int("EMAIL_LINKS_PER_HOUR", 5)
# At most this many requests for an email (registering, a password reset, asking to join, a fresh link) from one
# client address per hour, whatever addresses they name.
EMAIL_REQUESTS_PER_IP_PER_HOUR = env_int("EMAIL_REQUESTS_PER_IP_PER_HOUR", 10)
# At most this many invitations from one organisation, and from one administrator, in 24 hours.
INVITATIONS_PER_ORGANISATION_PER_DAY = env_int("INVITATIONS_PER_ORGANISATION_PER_DAY", 20)
INVITATIONS_PER_SENDER_PER_DAY = env_int("INVITATIONS_PER_SENDER_PER_DAY", 10)
# An operator (`manage.py add_operator EMAIL`) checks each new registration at /operator/ before anything it publishes
# is shown in public (dspt/verification/review.py). On unless DEBUG is on, so `make run`'s demo works without one.
REGISTRATION_REVIEW = env_bool("REGISTRATION_REVIEW", not DEBUG)

# Sessions end after this many minutes without a request.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Lockout after repeated failed sign-ins, per email address and IP address together.
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "dspt.accounts.backends.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "dspt.accounts.views.signin.locked_out"
AXES_VERBOSE = False
# Never store what was typed into a password or code field with a failed attempt (axes masks only "password").
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "current-password", "new-password1", "new-password2", "code"]
# The client's address, through django-ipware. With PROXY_COUNT reverse proxies in front, each appending the
# address it was connected from to X-Forwarded-For, the client is the PROXY_COUNT-th entry from the right (ipware
# counts the proxies listed after it, so one fewer); what the client itself put further left is ignored. With
# none, only the connection's own address counts, so the header cannot be spoofed.
PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if PROXY_COUNT else ("REMOTE_ADDR",)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1 if PROXY_COUNT else None
IPWARE_STRICT = False  # a longer chain (the client sent its own header) still gives the proxy's entry

OTP_TOTP_ISSUER = SERVICE_NAME

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded evidence lives outside the web root and is served only through views that check membership.
PRIVATE_FILES_ROOT = Path(env_str("PRIVATE_FILES_ROOT", str(DATA_DIR / "private")))
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Email: real SMTP whenever EMAIL_HOST is set; otherwise printed to the console (development).
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_PORT = env_int("EMAIL_PORT", 587 if EMAIL_HOST else 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", bool(EMAIL_HOST_USER))
EMAIL_TIMEOUT = 15
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Open DSPT <no-reply@localhost>")
# Emails are written to an outbox during the request and sent after it (dspt/outbox/sending.py): "background"
# sends them in a thread once the request's changes are saved; "cron" leaves them to `manage.py send_emails`.
# Either way, that command (every minute from cron) sends what is due and retries failures.
EMAIL_SENDING = env_str("EMAIL_SENDING", "background")
if EMAIL_SENDING not in ("background", "cron", "immediately"):  # "immediately" is for the test suite
    raise ImproperlyConfigured("EMAIL_SENDING must be background or cron (see the README).")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. Behind a reverse proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=1.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer's plain-HTTP probe
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Joining the browsers' HSTS preload list is a separate, deliberate decision for whoever runs the service.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL] if SITE_URL.startswith("https") else [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "https://assets.nhs.uk"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be text or json (see the README).")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "dspt.lib.logs.RequestIdFilter"}},
    "formatters": {"text": {"()": "dspt.lib.logs.TextFormatter"}, "json": {"()": "dspt.lib.logs.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django.server": {"level": "WARNING"},  # runserver's own lines repeat dspt.access
    },
}
CSRF_FAILURE_VIEW = "dspt.ui.views.csrf_failure"
