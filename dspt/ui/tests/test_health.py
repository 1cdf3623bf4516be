"""/health/ for load balancers and monitoring: no sign-in, one query, JSON."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_health_url_answers_ok_from_the_database_without_signing_in(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_the_health_url_only_reads(client):
    assert client.post("/health/").status_code == 405
