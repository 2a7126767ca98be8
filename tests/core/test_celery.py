"""A task sent through the real Redis broker to a real worker process, which answers from the
same database. Skipped (with the reason) when CELERY_BROKER_URL is unset or Redis is down."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def _database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(settings['NAME']).resolve()}"
    user = settings.get("USER") or "postgres"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


@pytest.fixture
def worker(redis_url, transactional_db, tmp_path):
    queue = f"soslab-test-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "soslab.settings.dev",
        "CELERY_BROKER_URL": redis_url,
        "DATABASE_URL": _database_url(),
    }
    with open(log, "w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own celery entry point
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "soslab",
                "worker",
                "-Q",
                queue,
                "--pool=solo",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        yield queue
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        if os.environ.get("SOSLAB_SHOW_WORKER_LOG"):
            print(log.read_text())  # noqa: T201


@pytest.mark.services
def test_task_round_trip_through_redis_to_a_real_worker(worker, redis_url):
    UserFactory.create_batch(3)
    client = Celery("soslab-test-client", broker=redis_url, backend=redis_url)
    started = time.monotonic()
    result = client.send_task("soslab.core.tasks.health_probe", queue=worker)
    answer = result.get(timeout=90)
    assert answer == {"database": connection.vendor, "users": 3}
    assert time.monotonic() - started < 90
