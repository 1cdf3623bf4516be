"""Request ids (dspt.lib.middleware.RequestIds) and the log lines that carry them (dspt/lib/logs.py)."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as project_settings

from dspt.lib import logs

pytestmark = pytest.mark.django_db

MIDDLEWARE = "dspt.lib.middleware.RequestIds"
NEW_ID = re.compile(r"[0-9a-f]{32}")
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def request_ids(settings):
    """The middleware first in MIDDLEWARE, as dspt/settings.py has it (added here too, so these tests do not
    depend on the settings file)."""
    settings.MIDDLEWARE = [MIDDLEWARE, *(name for name in settings.MIDDLEWARE if name != MIDDLEWARE)]


@pytest.fixture
def records(caplog):
    """The log records of each request, with the filter the project's log handler has."""
    caplog.handler.addFilter(logs.RequestIdFilter())
    caplog.set_level(logging.INFO)
    return caplog


def access_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "dspt.access"]


def test_a_sane_incoming_id_is_kept_sent_back_and_put_on_the_request(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a-0042")
    assert response["X-Request-ID"] == "lb-7f3a-0042"
    assert response.wsgi_request.request_id == "lb-7f3a-0042"


@pytest.mark.parametrize(
    "sent", ["abc\ndef", "abc\r\nSet-Cookie: x=1", "a" * 200, "a" * 65, "", "two words", "under_score", "café"]
)
def test_an_odd_incoming_id_is_replaced_by_a_new_one(client, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)
    assert NEW_ID.fullmatch(response["X-Request-ID"])
    assert response["X-Request-ID"] != sent


def test_without_an_incoming_id_each_request_gets_its_own(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert NEW_ID.fullmatch(first)
    assert NEW_ID.fullmatch(second)
    assert first != second


def test_every_log_line_of_the_request_carries_its_id(client, records):
    # Django logs "Not Found" after the middleware has returned, with the request; the access line comes before.
    client.get("/no-such-page/", HTTP_X_REQUEST_ID="trace-1")
    (not_found,) = [record for record in records.records if record.name == "django.request"]
    assert not_found.request_id == "trace-1"
    (access,) = access_lines(records)
    assert access.request_id == "trace-1"
    assert logs.current_request_id() is None  # forgotten once the request is over


def test_a_line_outside_any_request_has_no_id(records):
    logging.getLogger("dspt.test").warning("from a command")
    assert records.records[-1].request_id == "-"


def test_one_access_line_per_request_without_the_query_string(client, records):
    response = client.get("/status/?q=Meadowbrook&email=someone@care.example", HTTP_X_REQUEST_ID="q-1")
    (line,) = access_lines(records)
    assert line.levelno == logging.INFO
    assert (line.method, line.path, line.status) == ("GET", "/status/", response.status_code)
    assert line.duration_ms >= 0
    assert line.user_id is None
    assert line.getMessage().startswith("GET /status/ 200 ")
    for secret in ("?", "Meadowbrook", "someone", "care.example"):
        assert secret not in line.getMessage()


def test_the_access_line_leaves_out_tokens_and_cannot_be_split(client, records):
    client.get("/link/Zr9-secret-token-value/")
    client.get("/no%0Awhere/")
    token_line, odd_line = access_lines(records)
    assert token_line.path == "/link/<token>/"
    assert "secret-token" not in token_line.getMessage()
    assert "\n" not in odd_line.getMessage()
    assert odd_line.path == "/no\\nwhere/"


def test_the_access_line_names_a_signed_in_person_by_id_only(client_for, owner, records):
    client_for(owner).get("/account/name/")
    (line,) = access_lines(records)
    assert line.user_id == owner.pk
    assert f"user {owner.pk}" in line.getMessage()
    assert owner.email not in line.getMessage()


def test_the_json_formatter_writes_one_object_a_line_with_the_request_id(client, records):
    client.get("/status/?q=x", HTTP_X_REQUEST_ID="json-1")
    (line,) = access_lines(records)
    entry = json.loads(logs.JsonFormatter().format(line))
    assert entry["request_id"] == "json-1"
    assert (entry["level"], entry["logger"], entry["path"], entry["status"]) == ("INFO", "dspt.access", "/status/", 200)
    assert entry["message"] == line.getMessage()
    assert {"time", "duration_ms", "user_id", "method"} <= set(entry)
    assert "exc_info" not in entry


def test_the_json_formatter_includes_the_traceback_as_text(records):
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError:
        logging.getLogger("dspt.test").exception("it broke")
    entry = json.loads(logs.JsonFormatter().format(records.records[-1]))
    assert entry["message"] == "it broke"
    assert entry["request_id"] is None
    assert "ZeroDivisionError" in entry["exc_info"]
    assert "\n" not in logs.JsonFormatter().format(records.records[-1])


def test_the_text_formatter_shows_the_id_in_brackets(client, records):
    client.get("/healthz", HTTP_X_REQUEST_ID="text-1")
    (line,) = access_lines(records)
    assert "INFO dspt.access [text-1] GET /healthz 200 " in logs.TextFormatter().format(line)


def test_the_project_settings_wire_it_in():
    """dspt/settings.py: the middleware first; the log handler's filter; LOG_FORMAT=json picks the JSON lines."""
    logging_config = project_settings.LOGGING
    assert logging_config["filters"]["request_id"]["()"] == "dspt.lib.logs.RequestIdFilter"
    assert "request_id" in logging_config["handlers"]["stdout"]["filters"]
    script = "import logging, django; django.setup(); logging.getLogger('dspt.test').warning('hello')"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "dspt.settings_test")}
    lines = {}
    for log_format in ("json", "text"):
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**env, "LOG_FORMAT": log_format},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        lines[log_format] = result.stdout.strip().splitlines()[-1]
    entry = json.loads(lines["json"])
    assert (entry["message"], entry["request_id"]) == ("hello", None)
    assert lines["text"].endswith("WARNING dspt.test [-] hello")


def test_the_middleware_is_first_in_the_project_settings():
    from importlib import import_module

    project = import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "dspt.settings_test"))
    assert project.MIDDLEWARE[0] == MIDDLEWARE
