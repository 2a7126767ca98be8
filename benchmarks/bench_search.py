"""Search speed (soslab.core.search, docs/search.md) with 100,000 problems against the 1k baseline
(BENCH_SCALE=small: against tiny): median ms of the first page of `?q=` results (the filter the
list, the map, Open311 and the downloads share: the fallback check, 20 rows, the list's capped
count) and of the ranked search, for common and rare words, a spaced compound and a misspelling
(the fallback path). Goal per query: median <= 50 ms and <= 1.5x the baseline's.

    .venv/bin/python -m benchmarks bench_search
    BENCH_DB=postgres .venv/bin/python -m benchmarks bench_search
"""

import json
import statistics
import subprocess
import sys
import time

from benchmarks.data import BASELINE, SCALE, ensure_problems, scaled

REPEAT = scaled(15, 3)
GOAL_MS, GOAL_RATIO = 50, 1.5
QUERIES = [
    ("횡단보도", "common title word"),
    ("미세먼지가", "description word + particle"),
    ("버스 정류장", "spaced compound"),
    ("가로등 꺼졌어요", "noun + verb form"),
    ("벤치마크", "one problem"),
    ("효쟈동", "misspelling (fallback)"),
    ("없는낱말", "no match (fallback)"),
]


def _timed(fn):
    fn()  # warm up (Kiwi, caches, the planner)
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure():
    """{label: median ms} at the current scale (in this process's database)."""
    from soslab.core.search import rank_matching
    from soslab.problems.filters import filter_problems
    from soslab.problems.models import Problem

    def page(q):
        queryset, _cleaned = filter_problems(Problem.objects.public(), {"q": q})
        list(queryset[:20])
        queryset[:1000].count()  # the list's capped count (soslab.problems.listing)

    def ranked(q):
        list(rank_matching(Problem.objects.public(), q)[:20])

    results = {}
    for q, kind in QUERIES:
        results[f"search ?q={q} ({kind})"] = _timed(lambda q=q: page(q))
        results[f"ranked {q} ({kind})"] = _timed(lambda q=q: ranked(q))
    return results


def _baseline(scale):
    """The medians of the dataset of `scale`, measured in a process set up on its database."""
    from benchmarks import server

    server.dataset_build(scale)
    output = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "benchmarks.bench_search", "--measure"],
        cwd=server.ROOT,
        env=server.scale_environment(scale),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(report):
    total = ensure_problems()
    main = measure()
    baseline = BASELINE.get(SCALE)
    base = _baseline(baseline) if baseline else {}
    for label, median in main.items():
        ratio = median / base[label] if base.get(label) else None
        misses = [f"{median:.0f} ms > {GOAL_MS}"] if median > GOAL_MS else []
        if ratio is not None and ratio > GOAL_RATIO:
            misses.append(f"{ratio:.1f}x")
        verdict = ("MISS " + ", ".join(misses)) if misses else "PASS"
        versus = f"{ratio:.2f}x {baseline}" if ratio is not None else "no baseline"
        report(f"{label} ({total:,} problems)", median, "ms", f"({versus}; {verdict})")


if __name__ == "__main__" and sys.argv[1:] == ["--measure"]:
    import django

    django.setup()
    from benchmarks import dataset

    dataset.ensure(quiet=True)
    print(json.dumps(measure()))  # noqa: T201
