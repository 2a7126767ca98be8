"""The production stack for the smoke stage, started exactly as docs/operations.md tells an
operator (the commands are in RUNBOOK_COMMANDS below and in the runbook; keep them the same):
a fresh PostgreSQL database, Redis, an SMTP sink, production settings from environment
variables, collectstatic, migrate, load_reference_data, then gunicorn, a Celery worker and
Celery beat as three separate processes. Everything started here is stopped by `stop()`.

Configuration (environment variables, all optional):
  SMOKE_DB_PREFIX       database name prefix (default soslab_smoke); a timestamp is appended
  SMOKE_POSTGRES_URL    server to create the database on (default postgres://postgres@127.0.0.1:5432)
  SMOKE_REDIS_URL       broker and cache (default redis://127.0.0.1:6379/0)
  SMOKE_HTTP_PORT       gunicorn's port (default: a free port)
  SMOKE_SMTP_PORT       the SMTP sink's port (default: a free port)
  SMOKE_KEEP_DATABASE   1 to keep the database afterwards (for debugging)
"""

import contextlib
import email
import email.policy
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent

# The operator's commands (docs/operations.md, "First start" and the systemd units).
RUNBOOK_COMMANDS = {
    "collectstatic": ["{bin}/python", "manage.py", "collectstatic", "--noinput"],
    "migrate": ["{bin}/python", "manage.py", "migrate", "--noinput"],
    "load_reference_data": ["{bin}/python", "manage.py", "load_reference_data"],
    "createsuperuser": ["{bin}/python", "manage.py", "createsuperuser", "--noinput"],
    "gunicorn": [
        "{bin}/gunicorn",
        "soslab.wsgi",
        "--workers",
        "{workers}",
        "--timeout",
        "30",
        "--bind",
        "127.0.0.1:{port}",
    ],
    "worker": ["{bin}/celery", "-A", "soslab", "worker", "--loglevel=INFO", "--concurrency=2"],
    "beat": [
        "{bin}/celery",
        "-A",
        "soslab",
        "beat",
        "--loglevel=INFO",
        "--schedule={state}/celerybeat-schedule",
    ],
}


def say(message):
    print(f"[smoke {time.strftime('%H:%M:%S')}] {message}", flush=True)  # noqa: T201 - the stage says what it does


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- SMTP sink -----------------------------------------------------------------------------------


class SmtpSink:
    """aiosmtpd on 127.0.0.1 keeping every message in memory."""

    def __init__(self, port):
        from aiosmtpd.controller import Controller

        self.messages = []
        self._lock = threading.Lock()
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
                message = email.message_from_bytes(envelope.content, policy=email.policy.default)
                with sink._lock:
                    sink.messages.append(message)
                return "250 Message accepted for delivery"

        self.port = port
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=port)

    def start(self):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-line chatter
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def wait_for(self, predicate, *, timeout=60, what="a message"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for message in self.messages:
                    if predicate(message):
                        return message
            time.sleep(0.3)
        with self._lock:
            subjects = [str(m["subject"]) for m in self.messages]
        raise AssertionError(f"no {what} arrived within {timeout}s; got: {subjects}")


def message_text(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


# --- The stack -----------------------------------------------------------------------------------


class ProductionStack:
    def __init__(self):
        stamp = time.strftime("%Y%m%d_%H%M%S")
        self.db_name = f"{os.environ.get('SMOKE_DB_PREFIX', 'soslab_smoke')}_{stamp}_{os.getpid()}"
        self.server_url = os.environ.get(
            "SMOKE_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"
        ).rstrip("/")
        self.redis_url = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/0")
        self.http_port = int(os.environ.get("SMOKE_HTTP_PORT") or free_port())
        self.smtp_port = int(os.environ.get("SMOKE_SMTP_PORT") or free_port())
        self.base_url = f"http://127.0.0.1:{self.http_port}"
        self.https_origin = f"https://127.0.0.1:{self.http_port}"
        self.tmp = Path(tempfile.mkdtemp(prefix="soslab-smoke-"))
        self.staff_email = "operator@soslab.example.kr"
        self.staff_password = secrets.token_urlsafe(16)
        self.sink = SmtpSink(self.smtp_port)
        self.processes = {}
        self._db_created = False

    # The environment file an operator writes (docs/operations.md, "The environment file").
    def environment(self):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "SENTRY_", "CELERY_", "PYTEST", "DATABASE_URL"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "soslab.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SITE_URL": self.https_origin,
                "DATABASE_URL": f"{self.server_url}/{self.db_name}",
                "CELERY_BROKER_URL": self.redis_url,
                "CELERY_RESULT_BACKEND": self.redis_url,
                "CACHE_URL": self.redis_url,
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(self.smtp_port),
                "EMAIL_USE_TLS": "false",
                "DEFAULT_FROM_EMAIL": "SOS랩 전주 <noreply@soslab.example.kr>",
                "STATIC_ROOT": str(self.tmp / "static"),
                "MEDIA_ROOT": str(self.tmp / "media"),
                "LOG_FORMAT": "json",
                "DJANGO_SUPERUSER_EMAIL": self.staff_email,
                "DJANGO_SUPERUSER_USERNAME": self.staff_email,
                "DJANGO_SUPERUSER_PASSWORD": self.staff_password,
            }
        )
        return env

    def _command(self, name, **values):
        values = {"bin": str(VENV_BIN), "state": str(self.tmp), **values}
        return [part.format(**values) for part in RUNBOOK_COMMANDS[name]]

    def _run(self, *names):
        """Run the one-shot commands `names` (independent of each other: side by side, to keep
        the stage short) and fail with their output if one fails."""
        started = time.monotonic()
        running = {}
        for name in names:
            command = self._command(name)
            say(f"$ {' '.join(command[1:] if command[0].endswith('python') else command)}")
            running[name] = subprocess.Popen(  # noqa: S603 - our own interpreter
                command,
                cwd=ROOT,
                env=self.environment_cache,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        for name, process in running.items():
            output, _ = process.communicate(timeout=300)
            if process.returncode != 0:
                raise RuntimeError(f"{name} failed ({process.returncode}):\n{output[-4000:]}")
            say(f"  {name} ok ({time.monotonic() - started:.1f}s)")

    def _spawn(self, name, **values):
        command = self._command(name, **values)
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 - closed in stop()
        say(f"$ {' '.join(command)}  (log: {log.name})")
        process = subprocess.Popen(  # noqa: S603 - our own scripts
            command,
            cwd=ROOT,
            env=self.environment_cache,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends it and its children
        )
        self.processes[name] = (process, log)
        return process

    def log_of(self, name):
        path = self.tmp / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _wait_for_log(self, name, needle, timeout):
        process, _log = self.processes[name]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log_of(name):
                return
            if process.poll() is not None:
                raise RuntimeError(
                    f"{name} exited ({process.returncode}):\n{self.log_of(name)[-3000:]}"
                )
            time.sleep(0.5)
        raise RuntimeError(f"{name} not ready within {timeout}s:\n{self.log_of(name)[-3000:]}")

    def _wait_for_http(self, timeout):
        import requests

        process, _log = self.processes["gunicorn"]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_of('gunicorn')[-3000:]}")
            with contextlib.suppress(requests.RequestException):
                response = requests.get(f"{self.base_url}/healthz", timeout=5)
                if response.status_code in (200, 503):
                    return
            time.sleep(0.5)
        raise RuntimeError(
            f"gunicorn not answering within {timeout}s:\n{self.log_of('gunicorn')[-3000:]}"
        )

    # --- start and stop ---------------------------------------------------------------------

    def _database(self, sql):
        import psycopg

        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    def _require_services(self):
        for label, url, default_port in (
            ("PostgreSQL", self.server_url, 5432),
            ("Redis", self.redis_url, 6379),
        ):
            parsed = urlparse(url)
            try:
                socket.create_connection(
                    (parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2
                ).close()
            except OSError as exc:
                raise RuntimeError(
                    f"make smoke needs {label} at {parsed.netloc}: {exc} (see tests/smoke/stack.py)"
                ) from exc

    def start(self):
        started = time.monotonic()
        self._require_services()
        say(f"working folder {self.tmp}")
        self.sink.start()
        say(f"SMTP sink (aiosmtpd) on 127.0.0.1:{self.smtp_port}")
        self._database(f'CREATE DATABASE "{self.db_name}"')
        self._db_created = True
        say(f"created database {self.db_name} on {urlparse(self.server_url).netloc}")
        self.environment_cache = self.environment()
        # The runbook's order; commands that do not depend on each other run side by side.
        self._run("collectstatic", "migrate")
        self._run("load_reference_data", "createsuperuser")
        # Three separate processes; the web and the worker boot in parallel.
        self._spawn("gunicorn", port=self.http_port, workers=2)
        self._spawn("worker")
        self._spawn("beat")
        self._wait_for_http(timeout=120)
        say(f"gunicorn answers on {self.base_url}")
        self._wait_for_log("worker", "ready.", timeout=120)
        say("celery worker ready")
        self._wait_for_log("beat", "beat: Starting", timeout=60)
        say(f"celery beat running; stack up in {time.monotonic() - started:.1f}s")

    def stop(self):
        for name, (process, log) in reversed(list(self.processes.items())):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
            log.close()
            say(f"stopped {name} (exit {process.returncode})")
        self.processes.clear()
        with contextlib.suppress(Exception):
            self.sink.stop()
            say("stopped the SMTP sink")
        if self._db_created and os.environ.get("SMOKE_KEEP_DATABASE") != "1":
            try:
                self._database(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
                say(f"dropped database {self.db_name}")
            except Exception as exc:  # noqa: BLE001 - report, keep cleaning up
                say(f"could not drop database {self.db_name}: {exc}")
        if os.environ.get("SMOKE_KEEP_DATABASE") != "1":
            shutil.rmtree(self.tmp, ignore_errors=True)
