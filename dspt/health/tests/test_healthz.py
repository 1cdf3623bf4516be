"""/healthz: 200 and {"status": "ok", ...} when the database answers and every migration is applied; 503 naming
the failing part otherwise. No sign-in, no writes, no cookies, never cached, never redirected to HTTPS."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder

from dspt.health import checks
from tests.test_get_writes_nothing import changed, fingerprint

pytestmark = pytest.mark.django_db

HEALTHY = {"status": "ok", "database": "ok", "migrations": "ok"}
# A real unapplied migration, not a patched plan: the sessions app's only migration is a leaf of the graph, so
# forgetting that it was applied (inside the test's transaction, rolled back afterwards) makes it due again.
UNAPPLIED = ("sessions", "0001_initial")


@pytest.fixture(autouse=True)
def fresh_migrations_check():
    checks.forget_migrations_result()
    yield
    checks.forget_migrations_result()


def forget_a_migration():
    MigrationRecorder(connection).record_unapplied(*UNAPPLIED)


def test_a_healthy_server_answers_200_with_a_tiny_json_body(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == HEALTHY
    assert "no-store" in response["Cache-Control"]


def test_head_works_and_other_methods_are_refused(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_an_unapplied_migration_gives_503_naming_the_migrations(client):
    forget_a_migration()
    assert checks.unapplied_migrations() == [".".join(UNAPPLIED)]
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "failing", "database": "ok", "migrations": "unapplied"}
    assert "no-store" in response["Cache-Control"]


def test_a_failed_migrations_check_is_not_remembered(client):
    forget_a_migration()
    assert client.get("/healthz").status_code == 503
    MigrationRecorder(connection).record_applied(*UNAPPLIED)
    assert client.get("/healthz").status_code == 200


def test_once_passed_the_migrations_are_not_worked_out_again_but_the_database_is_asked(
    client, django_assert_num_queries
):
    assert client.get("/healthz").status_code == 200
    forget_a_migration()  # the process already knows its migrations were applied
    with django_assert_num_queries(1) as queries:
        assert client.get("/healthz").status_code == 200
    assert queries.captured_queries[0]["sql"] == "SELECT 1"


def test_an_unreachable_database_gives_503_without_the_error_text(client):
    def refuse(execute, sql, params, many, context):
        raise OperationalError('connection to server at "db.internal.example" (10.0.0.9), port 5432 failed')

    with connection.execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "failing", "database": "unreachable", "migrations": "not checked"}
    assert b"db.internal" not in response.content
    assert b"Traceback" not in response.content


def test_it_needs_no_sign_in_and_writes_nothing_not_even_a_cookie(client, org):
    sessions = Session.objects.count()
    before = fingerprint()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert changed(before, fingerprint()) == []
    assert Session.objects.count() == sessions
    assert not response.cookies  # no session cookie, no CSRF cookie
    assert "Set-Cookie" not in response


def test_a_signed_in_visitor_changes_nothing_either(client_for, owner):
    client = client_for(owner)
    owner.refresh_from_db()
    last_login = owner.last_login
    before = fingerprint()
    assert client.get("/healthz").status_code == 200
    assert changed(before, fingerprint()) == []
    owner.refresh_from_db()
    assert owner.last_login == last_login


def test_a_plain_http_probe_is_not_redirected_to_https(client, settings):
    # Needs SECURE_REDIRECT_EXEMPT in dspt/settings.py to cover healthz; every other page is still redirected.
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/help/").status_code == 301


def test_the_check_can_be_called_directly():
    assert checks.check() == HEALTHY
    assert checks.healthy(HEALTHY)
    forget_a_migration()
    assert checks.check() == HEALTHY  # remembered from the call above
    checks.forget_migrations_result()
    assert checks.check() == {"status": "failing", "database": "ok", "migrations": "unapplied"}
