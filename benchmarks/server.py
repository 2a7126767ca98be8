"""Serve a benchmark dataset with gunicorn the way production does (2 sync workers, DEBUG off,
soslab.settings.bench) and measure it over HTTP with the standard library's http.client: plain
sequential requests for the latency (median, p95, bytes, SQL queries from X-Bench-Queries), a
thread pool for the throughput. The load generator runs on the same machine: its own cost is in
every number, the reference view's included."""

import contextlib
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scale_environment(scale):
    """The environment of a process working on the dataset of `scale`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({"DJANGO_SETTINGS_MODULE": "soslab.settings.bench", "BENCH_SCALE": scale})
    return env


def dataset_build(scale):
    """Build (or reuse) the dataset of `scale` in a separate process (its own database)."""
    subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "benchmarks.dataset"],
        cwd=ROOT,
        env=scale_environment(scale),
        check=True,
    )


@contextlib.contextmanager
def gunicorn(scale, *, workers=2):
    """gunicorn serving the dataset of `scale`; yields the port; stops it (and only it) after."""
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [
            str(BIN / "gunicorn"),
            "soslab.wsgi",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=scale_environment(scale),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_until_up(process, port, log)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def _wait_until_up(process, port, log, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn exited:\n{log.read()[-3000:]}")
        with contextlib.suppress(OSError):
            if fetch(port, "/healthz").status in (200, 503):
                return
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within 120 s")


class Result:
    __slots__ = ("bytes", "elapsed", "first_byte", "queries", "status")

    def __init__(self, status, size, queries, elapsed, first_byte):
        self.status, self.bytes, self.queries = status, size, queries
        self.elapsed, self.first_byte = elapsed, first_byte


def fetch(port, path, *, cookie=None, timeout=120):
    """GET `path`; the whole body is read. Times in ms: to the first body bytes and to the end."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Cookie": cookie} if cookie else {}
    started = time.perf_counter()
    try:
        connection.request("GET", quote(path, safe="/?=&,:%+"), headers=headers)
        response = connection.getresponse()
        first = response.read(256)
        first_byte = (time.perf_counter() - started) * 1000
        size = len(first) + len(response.read())
        elapsed = (time.perf_counter() - started) * 1000
        queries = response.getheader("X-Bench-Queries")
        return Result(response.status, size, int(queries) if queries else None, elapsed, first_byte)
    finally:
        connection.close()


def latency(port, path, *, cookie=None, repeat=15, budget_s=20.0):
    """Sequential requests after one warm-up: a dict of median/p95 ms, first-byte median ms,
    bytes and queries. Stops early (at least 5 samples) when the page is slow."""
    warm = fetch(port, path, cookie=cookie)
    if warm.status != 200:
        raise RuntimeError(f"{path} answered {warm.status}")
    samples, deadline = [], time.monotonic() + budget_s
    while len(samples) < repeat and (len(samples) < 5 or time.monotonic() < deadline):
        samples.append(fetch(port, path, cookie=cookie))
    times = sorted(s.elapsed for s in samples)
    return {
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "first": statistics.median(s.first_byte for s in samples),
        "bytes": samples[-1].bytes,
        "queries": samples[-1].queries,
    }


def throughput(port, path, *, cookie=None, threads=4, seconds=3.0):
    """Requests a second with `threads` clients in parallel for `seconds` (errors raise)."""
    done, errors = [0], []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            result = fetch(port, path, cookie=cookie)
            with lock:
                if result.status != 200:
                    errors.append(result.status)
                done[0] += 1

    started = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise RuntimeError(f"{path}: {len(errors)} errors under load ({errors[:3]})")
    return done[0] / (time.perf_counter() - started)
