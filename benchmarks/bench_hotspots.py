"""Hotspot recomputation at 100,000 problems (BENCH_SCALE=small: a few hundred), and the worst
case the issue found: 100,000 reports of ONE category, all recent, spread over the city (the old
rule chained 78,741 of them into one hotspot).

    .venv/bin/python -m benchmarks bench_hotspots

Measured: `hotspots_recompute()` on the benchmark dataset (reads, clusters per category within
GEO_HOTSPOT_WINDOW_DAYS, writes the rows), the widest stored hotspot, the largest hotspot's page
and the hotspots GeoJSON; then `geo.hotspots.find_clusters` on the worst case, with the 500 m limit
and without it (plain DBSCAN, which chains). Goals (issue 13): recompute <= 5 s, no hotspot wider
than 500 m, hotspot pages paginated (constant queries).
"""

import statistics
import time

from benchmarks.data import ensure_problems, scaled

REPEAT = scaled(3, 2)
WORST_CASE_POINTS = scaled(100_000, 2_000)
GOAL_S = 5.0
GOAL_WIDTH_M = 500


def _median_s(fn, repeat=REPEAT):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def width_m(area):
    """The widest distance across a GeoJSON polygon (WGS84), in metres (EPSG:5186)."""
    import numpy as np
    from django.conf import settings
    from pyproj import Transformer
    from shapely.geometry import shape

    to_metric = Transformer.from_crs("EPSG:4326", settings.GEO_METRIC_CRS, always_xy=True)
    lons, lats = np.asarray(shape(area).exterior.coords).T
    xs, ys = to_metric.transform(lons, lats)
    return float(np.hypot(xs[:, None] - xs, ys[:, None] - ys).max())


def _pages(report):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from geo.models import Hotspot

    client = Client()
    largest = Hotspot.objects.order_by("-report_count").only("pk", "report_count").first()
    if largest is not None:
        client.get(f"/map/hotspots/{largest.pk}/")  # warm
        with CaptureQueriesContext(connection) as queries:
            page_s, response = _median_s(lambda: client.get(f"/map/hotspots/{largest.pk}/"))
        if response.status_code != 200:
            raise RuntimeError(f"hotspot page answered {response.status_code}")
        report("largest hotspot's page", page_s * 1000, "ms", f"({largest.report_count} reports)")
        report("largest hotspot's page size", len(response.content) / 1024, "KiB")
        report("largest hotspot's page queries", len(queries) / REPEAT, "queries")
    client.get("/api/geo/hotspots.geojson")  # warm: the first request of a process pays imports
    geojson_s, response = _median_s(lambda: client.get("/api/geo/hotspots.geojson"))
    report("hotspots GeoJSON", geojson_s * 1000, "ms", f"{len(response.content) / 1024:,.0f} KiB")


def _worst_case(report):
    import numpy as np

    from geo import boundaries
    from geo.hotspots import find_clusters

    # The city's bounding box at full scale; at small scale a box around its centre with the same
    # density of reports (the density, not the count, is what made the old rule chain).
    west, south, east, north = boundaries.city().total_bounds
    shrink = (WORST_CASE_POINTS / 100_000) ** 0.5 / 2
    mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
    rng = np.random.default_rng(13)
    lons = rng.uniform(
        mid_lon - (east - west) * shrink, mid_lon + (east - west) * shrink, WORST_CASE_POINTS
    )
    lats = rng.uniform(
        mid_lat - (north - south) * shrink, mid_lat + (north - south) * shrink, WORST_CASE_POINTS
    )
    ids = list(range(WORST_CASE_POINTS))
    seconds, clusters = _median_s(lambda: find_clusters(ids, lons, lats), repeat=1)
    widest = max((width_m(cluster.area) for cluster in clusters), default=0)
    label = f"worst case, {WORST_CASE_POINTS:,} reports of one category"
    report(f"{label}: clustering", seconds, "s", f"goal <= {GOAL_S:.0f} s")
    report(f"{label}: hotspots", len(clusters), "hotspots")
    report(f"{label}: largest", max((len(c.ids) for c in clusters), default=0), "reports")
    verdict = "pass" if widest <= GOAL_WIDTH_M else "MISS"
    report(f"{label}: widest", widest, "m", f"goal <= {GOAL_WIDTH_M}: {verdict}")
    chained = find_clusters(ids, lons, lats, max_width_m=10**9)  # the old rule: no width limit
    report(
        f"{label}: largest without the width limit (old rule)",
        max((len(c.ids) for c in chained), default=0),
        "reports",
    )


def run(report):
    from geo.models import Hotspot
    from soslab.maps.services import hotspots_recompute

    total = ensure_problems()
    report("problems in the database", total, "rows")
    seconds, count = _median_s(hotspots_recompute)
    verdict = "pass" if seconds <= GOAL_S else "MISS"
    report("hotspots_recompute()", seconds, "s", f"goal <= {GOAL_S:.0f} s: {verdict}")
    report("hotspots stored", count, "hotspots")
    widest = max(
        (width_m(area) for area in Hotspot.objects.values_list("area", flat=True)), default=0
    )
    verdict = "pass" if widest <= GOAL_WIDTH_M else "MISS"
    report("widest stored hotspot", widest, "m", f"goal <= {GOAL_WIDTH_M}: {verdict}")
    _pages(report)
    _worst_case(report)
