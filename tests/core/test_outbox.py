"""The transactional outbox (soslab.core.outbox): no request waits for the broker, and no work is
lost while it is down. The broker-down half runs everywhere (an address where nothing listens);
the broker-back half needs the real Redis and a real worker (services)."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import current_app
from django.core import mail
from django.urls import reverse

from soslab.accounts.models import EmailFrequency
from soslab.core import outbox
from soslab.core.models import OutboxMessage
from soslab.core.outbox import enqueue, outbox_relay
from soslab.notifications.models import Notification
from soslab.notifications.services import follow_add
from soslab.notifications.tasks import send_notification_email
from tests.core.test_celery import _database_url
from tests.factories import StaffFactory, UserFactory
from tests.problems.factories import ProblemFactory
from tests.support.smtp import SmtpSink, free_port

ROOT = Path(__file__).resolve().parents[2]
EMAIL_TASK = "soslab.notifications.tasks.send_notification_email"


def _drop_connections():
    # Not app.close(): that also unregisters the app, and shared tasks imported later are lost.
    current_app._pool = None
    current_app.amqp._producer_pool = None


def _use_broker(url):
    """Point this process's Celery app at `url` (not eager) and drop pooled connections."""
    current_app.conf.task_always_eager = not url
    # broker_write_url: Celery prefers a CELERY_BROKER_URL environment variable to broker_url.
    current_app.conf.broker_write_url = url or None
    _drop_connections()
    outbox._broker_down_until = 0.0


@pytest.fixture
def broker_down():
    """A broker address where nothing listens; restored afterwards."""
    saved = (current_app.conf.task_always_eager, current_app.conf.broker_write_url)
    _use_broker(f"redis://127.0.0.1:{free_port()}/0")
    yield
    current_app.conf.task_always_eager, current_app.conf.broker_write_url = saved
    _drop_connections()


@pytest.fixture
def broker_wait(monkeypatch):
    """Seconds this process spent handing work to the broker (the part a request waits for)."""
    spent = [0.0]
    publish_now = outbox._publish_now

    def timed(pk):
        started = time.monotonic()
        try:
            return publish_now(pk)
        finally:
            spent[0] += time.monotonic() - started

    monkeypatch.setattr(outbox, "_publish_now", timed)
    return spent


@pytest.fixture
def answered_problem_setup(db):
    problem = ProblemFactory()
    followers = UserFactory.create_batch(5, email_frequency=EmailFrequency.IMMEDIATE)
    for person in followers:
        follow_add(user=person, target=problem)
    return problem, followers


def _answer(client, problem):
    """Post an official answer as staff; returns the response and the seconds it took, including
    the on-commit work a real request does after its transaction."""
    from django.test import TestCase

    client.force_login(StaffFactory())
    started = time.monotonic()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("problems:answer", args=[problem.pk]), {"body": "담당 부서에 전달했습니다."}
        )
    return response, time.monotonic() - started


@pytest.mark.django_db
def test_without_a_broker_enqueued_work_runs_in_process_on_commit(
    answered_problem_setup, django_capture_on_commit_callbacks
):
    problem, followers = answered_problem_setup
    notification = Notification.objects.create(
        recipient=followers[0], kind="answer", message="답변", object_id=problem.pk
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue(send_notification_email, notification.pk) is None
        assert mail.outbox == []  # nothing before the commit
    assert len(mail.outbox) == 1
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_broker_down_a_staff_answer_is_fast_and_its_emails_wait_in_the_outbox(
    client, broker_down, answered_problem_setup, broker_wait
):
    problem, followers = answered_problem_setup
    response, seconds = _answer(client, problem)
    assert response.status_code == 302
    assert problem.answers.count() == 1
    # Five emails to queue, one bounded connection attempt: the rest skip while the broker is down.
    assert broker_wait[0] < 1.5, f"waited {broker_wait[0]:.1f} s for the broker"
    assert seconds < 20, f"the answer took {seconds:.1f} s with the broker down (was 96 s)"
    waiting = OutboxMessage.objects.filter(task_name=EMAIL_TASK)
    assert waiting.count() == 5
    assert mail.outbox == []


@pytest.mark.django_db
def test_broker_down_reporting_a_problem_succeeds(client, broker_down, dongs, broker_wait):
    from django.test import TestCase

    from tests.problems.factories import CategoryFactory

    category = CategoryFactory()
    client.force_login(UserFactory())
    started = time.monotonic()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("problems:create"),
            {
                "title": "노송동 가로등이 꺼져 있어요",
                "description": "밤마다 골목이 어두워서 걷기 무섭습니다. 확인 부탁드려요.",
                "category": category.pk,
                "lat": "35.8242",
                "lon": "127.1480",
                "skip_similar": "1",
            },
        )
    assert response.status_code == 302, response.content[:500]
    assert broker_wait[0] < 1.5
    assert time.monotonic() - started < 20
    assert problem_titles() == ["노송동 가로등이 꺼져 있어요"]


def problem_titles():
    from soslab.problems.models import Problem

    return list(Problem.objects.values_list("title", flat=True))


@pytest.mark.django_db
def test_relay_keeps_messages_while_the_broker_is_still_down(
    client, broker_down, answered_problem_setup
):
    problem, _followers = answered_problem_setup
    _answer(client, problem)
    assert outbox_relay() == 0
    waiting = OutboxMessage.objects.filter(task_name=EMAIL_TASK)
    assert waiting.count() == 5
    assert waiting.order_by("pk").first().attempts >= 1
    assert waiting.order_by("pk").first().last_error


@pytest.mark.django_db
def test_healthz_reports_the_broker_down_and_the_waiting_work(
    client, settings, broker_down, answered_problem_setup
):
    problem, _followers = answered_problem_setup
    _answer(client, problem)
    client.logout()
    settings.CELERY_BROKER_URL = current_app.conf.broker_write_url
    body = client.get("/healthz").json()
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["broker"]["outbox"]["pending"] == 5


@pytest.fixture
def smtp_worker(redis_url, transactional_db, tmp_path):
    """A real worker on a Redis database of its own, sending mail to a real SMTP sink."""
    db_url = redis_url.rsplit("/", 1)[0] + f"/{8 + uuid.uuid4().int % 8}"
    with SmtpSink() as sink:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "soslab.settings.dev",
            "CELERY_BROKER_URL": db_url,
            "CELERY_RESULT_BACKEND": "",
            "DATABASE_URL": _database_url(),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
            "EMAIL_USE_TLS": "false",
        }
        log = tmp_path / "worker.log"
        subprocess.run(  # noqa: S603 - empty the private queue before we start
            [sys.executable, "-m", "celery", "-A", "soslab", "purge", "-f"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=False,
        )
        with open(log, "w") as log_file:
            process = subprocess.Popen(  # noqa: S603 - our own celery entry point
                [sys.executable, "-m", "celery", "-A", "soslab", "worker", "--pool=solo"],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        try:
            yield db_url, sink
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.mark.services
def test_broker_back_the_relay_sends_each_email_exactly_once(
    client, smtp_worker, answered_problem_setup
):
    db_url, sink = smtp_worker
    problem, followers = answered_problem_setup
    saved = (current_app.conf.task_always_eager, current_app.conf.broker_write_url)
    try:
        _use_broker(f"redis://127.0.0.1:{free_port()}/0")  # down
        response, _seconds = _answer(client, problem)
        assert response.status_code == 302
        assert OutboxMessage.objects.filter(task_name=EMAIL_TASK).count() == 5

        _use_broker(db_url)  # back
        sent = outbox_relay()
        assert sent == 5, list(OutboxMessage.objects.values_list("last_error", flat=True))
        assert outbox_relay() == 0
        messages = sink.wait_for(5, timeout=90)
        time.sleep(2)  # anything sent twice would arrive now
        messages = sink.messages
    finally:
        current_app.conf.task_always_eager, current_app.conf.broker_write_url = saved
        _drop_connections()
    assert sorted(m["To"] for m in messages) == sorted(person.email for person in followers)
    assert not OutboxMessage.objects.exists()
    assert Notification.objects.filter(emailed_at__isnull=True, kind="answer").count() == 0
