"""Settings come from the environment with safe defaults; production-like settings pass check --deploy."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from dspt.accounts import checks
from dspt.lib.env import env_bool, env_int

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-key-with-enough-entropy-1234567890",
    "ALLOWED_HOSTS": "dspt.example.org",
    "SITE_URL": "https://dspt.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_HOST_USER": "mailer",
    "EMAIL_HOST_PASSWORD": "mail-password",
    "DEFAULT_FROM_EMAIL": "Open DSPT <no-reply@dspt.example.org>",
}


def manage(*args, env):
    """Run manage.py with only the given settings in the environment (and no .env file)."""
    data_dir = tempfile.mkdtemp(prefix="open-dspt-deploy-check-")
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", data_dir), "ENV_FILE": "", "DATA_DIR": data_dir}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "dspt.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_deploy_passes_with_production_like_settings(tmp_path):
    # A .env in the project (written by `make run`) must not leak DEBUG into this check.
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, "DEBUG": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_about_our_own_mistakes():
    env = {**PRODUCTION, "DEBUG": "0", "SITE_URL": "http://wrong.example.org"}
    env.pop("EMAIL_HOST")
    result = manage("check", "--deploy", env=env)
    output = result.stdout + result.stderr
    for check_id in ("dspt.W001", "dspt.W002", "dspt.W003"):
        assert check_id in output


def test_without_a_secret_key_and_debug_off_it_refuses_to_start():
    result = manage("check", env={"DEBUG": "0", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = manage(
        "shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DEBUG)", env=PRODUCTION
    )
    assert result.stdout.strip() == "False", result.stderr


def test_database_url_selects_postgresql():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = manage(
        "shell", "--no-imports", "-c", code, env={**PRODUCTION, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}
    )
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.stdout.strip() == "django.db.backends.sqlite3", result.stderr


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("ON", True), ("0", False), ("", False)])
def test_env_bool_reads_plain_values(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG", not expected) is expected


@pytest.mark.parametrize("raw", ["yes", "no", "maybe", "2"])
def test_env_bool_refuses_values_it_does_not_understand(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)


def test_env_int_explains_a_bad_number(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("SOME_NUMBER", 1)


def test_site_url_check(settings):
    settings.SITE_URL, settings.ALLOWED_HOSTS = "https://dspt.example.org", ["dspt.example.org"]
    assert checks.site_url_host_allowed(None) == []
    settings.ALLOWED_HOSTS = ["other.example.org"]
    assert [w.id for w in checks.site_url_host_allowed(None)] == ["dspt.W001"]


def test_email_check(settings):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert [w.id for w in checks.email_configured(None)] == ["dspt.W002"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert checks.email_configured(None) == []


def test_security_headers_on_every_page(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_logs_go_to_standard_output_as_the_readme_says():
    result = manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('dspt.example').warning('a line for the log')",
        env={"DEBUG": "1", "SECRET_KEY": "x"},
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING dspt.example [-] a line for the log" in result.stdout  # [-]: no request, so no request id
    assert "a line for the log" not in result.stderr


def test_our_checks_run_with_check_deploy_only():
    """The dspt.W… warnings are about production settings: a development `check` does not show them."""
    env = {**PRODUCTION, "DEBUG": "0", "SITE_URL": "http://wrong.example.org"}
    plain = manage("check", env=env)
    assert "dspt.W00" not in plain.stdout + plain.stderr


def test_in_development_emailed_links_follow_the_port_make_run_serves_on():
    show = ("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.SITE_URL)")
    assert (
        manage(*show, env={"DEBUG": "1", "SECRET_KEY": "x", "PORT": "8123"}).stdout.strip() == "http://127.0.0.1:8123"
    )
    chosen = {"DEBUG": "1", "SECRET_KEY": "x", "PORT": "8123", "SITE_URL": "https://dspt.example.org"}
    assert manage(*show, env=chosen).stdout.strip() == "https://dspt.example.org"


def test_make_run_passes_its_host_and_port_on():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8123", "HOST=127.0.0.2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert "runserver 127.0.0.2:8123" in result.stdout, result.stdout + result.stderr
    makefile = (ROOT / "Makefile").read_text()
    assert "export HOST PORT" in makefile
