"""Problem list speed with 100,000 problems (BENCH_SCALE=small: a few hundred): median ms per 20-row page and the SQL query count
(which must not grow with the number of rows) for the default list, each sort, each filter, the
Korean text search and a deep page. Each is measured twice: served from the versioned cache
(soslab.core.page_cache; what nearly every request gets) and rendered after a write made the
cache stale ("miss": the cache is cleared before each request).

    .venv/bin/python -m benchmarks bench_problems_list
"""

import statistics
import time

from benchmarks.data import PROBLEMS, bench_dong, ensure_problems, scaled

REPEAT = scaled(7, 3)
DEEP_PAGE = scaled(2000, 10)


def run(report):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    ensure_problems()
    dong = bench_dong()
    client = Client()
    paths = [
        ("newest", "/problems/"),
        ("most supported", "/problems/?sort=supported"),
        ("most discussed", "/problems/?sort=discussed"),
        ("category", "/problems/?category=traffic"),
        ("open statuses", "/problems/?status=open"),
        ("dong", f"/problems/?dong={dong.code}"),
        ("tag", "/problems/?tag=어린이"),
        ("search 횡단보도", "/problems/?q=횡단보도"),
        ("search 미세먼지", "/problems/?q=미세먼지"),
        ("nearest to a point", "/problems/?sort=near&near=35.8242,127.148"),
        ("category+status+supported", "/problems/?category=safety&status=open&sort=supported"),
        (f"page {DEEP_PAGE}", f"/problems/?page={DEEP_PAGE}"),
    ]
    for label, path in paths:
        for miss in (False, True):
            client.get(path)  # warm up
            timings = []
            for _ in range(REPEAT):
                if miss:
                    cache.clear()
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")
            if miss:
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            report(
                f"problems list {label}, {'miss' if miss else 'cached'} ({PROBLEMS:,} problems)",
                statistics.median(timings),
                "ms",
                f"({len(queries)} queries)",
            )
