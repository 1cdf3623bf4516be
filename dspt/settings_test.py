"""Settings for the test suite: fast hashing, in-memory email, plain static files."""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="open-dspt-test-"))

from dspt.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests run with DEBUG off, like production, but they are not production: the demo data and its command are tested.
DEMO_DATA_ALLOWED = True
if "dspt.demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "dspt.demo"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The test's transaction never commits, so emails leave the outbox as soon as they are written (see dspt/outbox).
EMAIL_SENDING = "immediately"
# Organisations made by the tests' factories are public as soon as they publish, as before registration review;
# the tests of the review (dspt/verification/tests, tests/e2e/test_registration_review.py) turn it on.
REGISTRATION_REVIEW = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_HSTS_SECONDS = 0
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache in-memory database: that one reports "table is locked" at once instead of
    # waiting, which is not how the real (file) database behaves when two requests write together.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
