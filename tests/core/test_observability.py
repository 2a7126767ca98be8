"""Request ids, JSON logs, task-failure logging, Sentry only with a DSN, and the guarded /metrics
endpoint (soslab.core.observability)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from soslab.core.observability import RequestIdFilter

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_every_response_gets_a_generated_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32
    assert first != second


@pytest.mark.django_db
def test_a_sane_request_id_from_the_proxy_is_kept(client):
    response = client.get("/healthz", headers={"X-Request-ID": "nginx-3f2a9c1d7e"})
    assert response["X-Request-ID"] == "nginx-3f2a9c1d7e"


@pytest.mark.django_db
@pytest.mark.parametrize("incoming", ["short", "has spaces in it", "x" * 200, "evil\u2028line"])
def test_an_insane_request_id_is_replaced(client, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_log_lines_written_during_a_request_carry_its_id(client, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/problems/999999/", headers={"X-Request-ID": "req-0123456789"})
    assert response.status_code == 404
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records
    assert {r.request_id for r in records} == {"req-0123456789"}


def test_outside_a_request_the_request_id_is_a_dash():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_a_json_log_line_parses_with_the_request_id():
    from django.utils.module_loading import import_string

    from soslab.settings.base import logging_config

    spec = dict(logging_config("json", "INFO")["formatters"]["json"])
    formatter = import_string(spec.pop("()"))(**spec)  # as dictConfig builds it
    record = logging.LogRecord(
        "soslab.test", logging.ERROR, __file__, 1, "bad %s", ("thing",), None
    )
    record.request_id = "req-abcdef123"
    line = json.loads(formatter.format(record))
    assert line["message"] == "bad thing"
    assert line["level"] == "ERROR"
    assert line["logger"] == "soslab.test"
    assert line["request_id"] == "req-abcdef123"
    assert "time" in line


def test_a_failing_celery_task_is_logged_with_name_id_and_retries(caplog):
    from soslab.celery import app

    @app.task(name="tests.observability.always_fails")
    def always_fails():
        raise ValueError("broken on purpose")

    with caplog.at_level(logging.ERROR, logger="soslab.observability"):
        result = always_fails.apply(task_id="task-id-1234", throw=False)
    assert result.failed()
    record = next(r for r in caplog.records if r.name == "soslab.observability")
    assert record.task_name == "tests.observability.always_fails"
    assert record.task_id == "task-id-1234"
    assert record.retries == 0
    assert "broken on purpose" in record.getMessage()


def test_a_failure_after_retries_reports_how_many(caplog):
    from soslab.celery import app

    @app.task(name="tests.observability.fails_after_retries")
    def fails_after_retries():
        raise ConnectionError("still down")

    with caplog.at_level(logging.ERROR, logger="soslab.observability"):
        fails_after_retries.apply(task_id="task-id-5678", retries=3, throw=False)
    record = next(r for r in caplog.records if r.name == "soslab.observability")
    assert (record.task_id, record.retries) == ("task-id-5678", 3)


def test_a_retry_is_logged_with_the_coming_retry_number(caplog):
    from celery import signals
    from celery.app.task import Context

    from soslab.celery import app

    @app.task(name="tests.observability.retried")
    def retried():
        return None

    with caplog.at_level(logging.WARNING, logger="soslab.observability"):
        signals.task_retry.send(
            sender=retried, request=Context(id="task-id-9", retries=1), reason="SMTP timeout"
        )
    record = next(r for r in caplog.records if r.name == "soslab.observability")
    assert record.levelno == logging.WARNING
    assert (record.task_name, record.task_id, record.retries) == (
        "tests.observability.retried",
        "task-id-9",
        2,
    )
    assert record.reason == "SMTP timeout"


# --- /metrics ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_metrics_are_served_to_an_allowed_network(client):
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert b"django_http_requests_before_middlewares_total" in response.content


@pytest.mark.django_db
def test_metrics_are_refused_with_404_from_another_network(client):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.7").status_code == 404


@pytest.mark.django_db
def test_metrics_relayed_by_the_proxy_need_the_token(client):
    # The proxy connects from loopback; X-Forwarded-For says the request came from outside.
    response = client.get(
        "/metrics", REMOTE_ADDR="127.0.0.1", headers={"X-Forwarded-For": "203.0.113.7"}
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_metrics_are_served_anywhere_with_the_token(client, settings):
    settings.METRICS_TOKEN = "metrics-secret-token"
    response = client.get(
        "/metrics",
        REMOTE_ADDR="203.0.113.7",
        headers={"Authorization": "Bearer metrics-secret-token"},
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_metrics_refuse_a_wrong_token(client, settings):
    settings.METRICS_TOKEN = "metrics-secret-token"
    response = client.get(
        "/metrics", REMOTE_ADDR="127.0.0.1", headers={"Authorization": "Bearer guessed"}
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_metrics_allowed_networks_come_from_settings(client, settings):
    settings.METRICS_ALLOWED_NETWORKS = ["10.1.0.0/16"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


# --- Sentry (production settings in a subprocess, as gunicorn would load them) -----------------


def _sentry_state(extra_env):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SENTRY_DSN", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "soslab.settings.production",
            "SECRET_KEY": "s" * 50,
            "ALLOWED_HOSTS": "soslab.example.kr",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
            **extra_env,
        }
    )
    code = (
        "import json, django, sentry_sdk; django.setup(); c = sentry_sdk.get_client(); "
        "print(json.dumps({'active': c.is_active(), 'pii': c.options.get('send_default_pii'), "
        "'integrations': sorted(getattr(c, 'integrations', {}))}))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_sentry_is_off_without_a_dsn():
    assert _sentry_state({})["active"] is False


def test_sentry_starts_with_a_dsn_without_personal_data():
    state = _sentry_state({"SENTRY_DSN": "https://public@127.0.0.1:9/1"})
    assert state["active"] is True
    assert state["pii"] is False
    assert {"django", "celery"} <= set(state["integrations"])
