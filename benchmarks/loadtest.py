"""`make loadtest`: the mixed load of issue 13 against the production stack.

1. The stack is started exactly as `make smoke` starts it (tests/smoke/stack.py: a fresh
   PostgreSQL database, Redis as cache and broker, collectstatic, migrate, load_reference_data,
   gunicorn with 2 workers, a Celery worker and beat), with soslab.settings.loadtest: production
   settings whose rate limits allow 100,000 an hour (the load comes from one address).
2. The benchmark dataset of LOADTEST_SCALE (default small: 400 problems, 60 accounts that can
   sign in) is built into that database by benchmarks.dataset.
3. locust (pinned in LOCUST, run by `uv tool run` in its own environment: it brings gevent,
   Flask and ZeroMQ, which the project's environment does not need) runs benchmarks/locustfile.py
   headless: 50 users, 60 s, 80% anonymous reads, 15% signed-in reads, 5% writes.
4. The aggregated p95 and the failures are printed; exit 1 when p95 > 300 ms or any request failed.

Variables: LOADTEST_USERS (50), LOADTEST_SECONDS (60), LOADTEST_SCALE (small), LOADTEST_P95_MS
(300), and the SMOKE_* variables of tests/smoke/stack.py.
"""

import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCUST = "locust==2.47.0"
UV = ROOT / ".tools" / "bin" / "uv"


def _stack_class():
    sys.path.insert(0, str(ROOT))
    from tests.smoke.stack import ProductionStack, say

    class LoadStack(ProductionStack):
        def environment(self):
            env = super().environment()
            env["DJANGO_SETTINGS_MODULE"] = "soslab.settings.loadtest"
            return env

    return LoadStack, say


def _seed(stack, scale):
    env = {**stack.environment_cache, "BENCH_SCALE": scale}
    subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "benchmarks.dataset"], cwd=ROOT, env=env, check=True
    )


def _locust(stack, folder, *, users, seconds, problems):
    from benchmarks.data import CITIZEN_PASSWORD

    env = {
        **os.environ,
        "LOADTEST_PROBLEMS": str(problems),
        "LOADTEST_PASSWORD": CITIZEN_PASSWORD,
        "UV_PYTHON_DOWNLOADS": "never",
    }
    command = [
        str(UV),
        "tool",
        "run",
        "--python",
        "python3.11",
        "--from",
        LOCUST,
        "locust",
        "-f",
        str(ROOT / "benchmarks" / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(max(1, users // 5)),
        "--run-time",
        f"{seconds}s",
        "--host",
        stack.base_url,
        "--csv",
        str(folder / "load"),
        "--only-summary",
    ]
    subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603 - pinned locust
    with open(folder / "load_stats.csv", encoding="utf-8") as stats:
        rows = list(csv.DictReader(stats))
    return rows


def main():
    from benchmarks.data import SIZES

    users = int(os.environ.get("LOADTEST_USERS", "50"))
    seconds = int(os.environ.get("LOADTEST_SECONDS", "60"))
    scale = os.environ.get("LOADTEST_SCALE", "small")
    limit = float(os.environ.get("LOADTEST_P95_MS", "300"))
    stack_class, say = _stack_class()
    stack = stack_class()
    try:
        stack.start()
        say(f"building the {scale} benchmark dataset into {stack.db_name}")
        _seed(stack, scale)
        with tempfile.TemporaryDirectory(prefix="soslab-load-") as folder:
            say(f"locust: {users} users for {seconds} s against {stack.base_url}")
            rows = _locust(
                stack,
                Path(folder),
                users=users,
                seconds=seconds,
                problems=SIZES[scale]["problems"],
            )
    finally:
        stack.stop()
    return report(rows, limit)


def report(rows, limit):
    """Print one line per request name and the total; 0 when the load test passes."""
    print(f"\n{'request':<32} {'count':>7} {'fails':>6} {'median':>7} {'p95':>6} {'req/s':>6}")  # noqa: T201
    for row in rows:
        print(  # noqa: T201
            f"{row['Name'][:32]:<32} {row['Request Count']:>7} {row['Failure Count']:>6} "
            f"{row['50%']:>7} {row['95%']:>6} {float(row['Requests/s']):>6.1f}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    p95, failures = float(total["95%"]), int(total["Failure Count"])
    verdict = "PASS" if p95 <= limit and failures == 0 else "FAIL"
    print(f"\nload test: p95 {p95:.0f} ms (goal <= {limit:.0f}), {failures} errors: {verdict}")  # noqa: T201
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
