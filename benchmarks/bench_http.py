"""The city-scale table (issue 13): every public page served by gunicorn (2 workers, DEBUG off,
soslab.settings.bench) on the dataset of BENCH_SCALE and on its baseline (1k for 100k), measured
over HTTP, and one table with the goal and PASS/MISS per row.

    make bench BENCH=bench_http                      # 100k + 1k on SQLite
    BENCH_DB=postgres make bench BENCH=bench_http    # the same on PostgreSQL

Columns: median and p95 latency (ms, sequential requests), the body in KB, SQL queries at this
scale / at the baseline, requests a second with 4 clients in parallel, that throughput as a
percentage of the one-query reference view (/bench/reference.json, same gunicorn), and the median
at this scale divided by the median at the baseline (100k/1k).
"""

import json
import re
import subprocess
import sys

from benchmarks import server
from benchmarks.data import (
    BASELINE,
    BENCH_DONG_CODE,
    CITIZEN_EMAIL,
    CITIZEN_PASSWORD,
    SCALE,
    SIZES,
    scaled,
)

THREADS = 4
SECONDS = scaled(3.0, 0.4)
REPEAT = scaled(15, 3)
REFERENCE = "/bench/reference.json"


def pages(facts, scale):
    """(label, path, group, signed in) for every measured page of the dataset of `scale`."""
    deep = max(2, SIZES[scale]["problems"] // 50)  # page 2,000 of 100k: 40% of the way down
    lists = [
        ("/problems/", "/problems/"),
        ("sort=supported", "/problems/?sort=supported"),
        ("sort=discussed", "/problems/?sort=discussed"),
        ("category=traffic", "/problems/?category=traffic"),
        ("status=open", "/problems/?status=open"),
        ("dong", f"/problems/?dong={BENCH_DONG_CODE}"),
        ("tag=어린이", "/problems/?tag=어린이"),
        ("q=횡단보도", "/problems/?q=횡단보도"),
        ("q=미세먼지", "/problems/?q=미세먼지"),
        ("sort=near", "/problems/?sort=near&near=35.8242,127.148"),
        ("category+status+sort", "/problems/?category=safety&status=open&sort=supported"),
        ("deep page", f"/problems/?page={deep}"),
    ]
    rows = [("reference view (1 query)", REFERENCE, "reference", False)]
    rows += [(f"list {label}", path, "list", False) for label, path in lists]
    rows.append(("list /problems/ signed in", "/problems/", "list-auth", True))
    rows.append(("problem, 2,000 comments", f"/problems/{facts['big_problem']}/", "problem", False))
    rows.append(("round results", facts["results_url"], "results", False))
    rows.append(("open data CSV", "/open-data/problems.csv", "download", False))
    rows.append(("open data GeoJSON", "/open-data/problems.geojson", "download", False))
    if facts.get("hotspot"):
        rows.append(("hotspot page", f"/map/hotspots/{facts['hotspot']}/", "hotspot", False))
    street = "127.1440,35.8212,127.1520,35.8272"  # 800 x 600 m around city hall
    rows += [
        ("map page", "/map/", "map", False),
        ("map GeoJSON, whole city", "/api/geo/problems.geojson?zoom=12", "map", False),
        ("map GeoJSON, street", f"/api/geo/problems.geojson?bbox={street}&zoom=17", "map", False),
    ]
    return rows


def scale_facts(scale):
    """The dataset facts of `scale`, read in a process set up on its database."""
    output = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "benchmarks.dataset", "--facts"],
        cwd=server.ROOT,
        env=server.scale_environment(scale),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def login(port):
    """A session cookie for the bench citizen, signed in through the real login form."""
    import requests

    base = f"http://127.0.0.1:{port}"
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    response = session.post(
        f"{base}/accounts/login/",
        data={
            "login": CITIZEN_EMAIL,
            "password": CITIZEN_PASSWORD,
            "csrfmiddlewaretoken": token.group(1) if token else "",
        },
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )
    if "sessionid" not in session.cookies:
        raise RuntimeError(f"bench login failed ({response.status_code})")
    return f"sessionid={session.cookies['sessionid']}"


def measure(scale, *, with_throughput):
    """{label: numbers} for every page of the dataset of `scale`, served by its own gunicorn."""
    facts = scale_facts(scale)
    results = {}
    with server.gunicorn(scale) as port:
        cookie = login(port)
        for label, path, group, signed_in in pages(facts, scale):
            who = cookie if signed_in else None
            numbers = server.latency(port, path, cookie=who, repeat=REPEAT)
            numbers["group"] = group
            if with_throughput:
                numbers["rps"] = server.throughput(
                    port, path, cookie=who, threads=THREADS, seconds=SECONDS
                )
            results[label] = numbers
            print(  # noqa: T201
                f"    [{scale}] {label}: {numbers['median']:.1f} ms, {numbers['bytes'] / 1024:.1f} KB",
                flush=True,
            )
    return results


def run(report):
    from benchmarks import dataset, goals

    baseline = BASELINE.get(SCALE)
    if baseline:
        print(f"    building (or reusing) the {baseline} baseline dataset", flush=True)  # noqa: T201
        server.dataset_build(baseline)
    dataset.ensure()
    main = measure(SCALE, with_throughput=True)
    base = measure(baseline, with_throughput=False) if baseline else {}
    rows = goals.evaluate(main, base)
    for row in rows:
        report(f"http {row['label']}", row["median"], "ms", row["verdict"])
    print(goals.table(rows, scale=SCALE, baseline=baseline), flush=True)  # noqa: T201
