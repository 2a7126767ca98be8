"""Dong assignment of 1,000,000 points (BENCH_SCALE=small: 20,000) against a bare
`geopandas.sjoin` of the same points with the same 35 dongs, in the same run.

    .venv/bin/python -m benchmarks bench_dongs

Goal (issue 13): geo.boundaries.dong_codes_at <= 1.2x the bare sjoin. The bare sjoin is given the
same input (longitude and latitude arrays) and does the least it can: points from the arrays,
then `sjoin(points, dongs, predicate="within")` (an inner join; no de-duplication of points on
shared edges, no conversion to a list). Points are uniform over Jeonju's bounding box (about half
fall inside the city), from a fixed seed. Needs no database rows.
"""

import statistics
import time

from benchmarks.data import scaled

POINTS = scaled(1_000_000, 20_000)
REPEAT = scaled(3, 2)
GOAL_RATIO = 1.2


def _median_s(fn):
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(report):
    import geopandas
    import numpy as np

    from geo import boundaries

    dongs = boundaries.dongs()[["code", "geometry"]]
    west, south, east, north = boundaries.city().total_bounds
    rng = np.random.default_rng(13)
    lons = rng.uniform(west, east, POINTS)
    lats = rng.uniform(south, north, POINTS)

    def bare():
        points = geopandas.GeoDataFrame(
            geometry=geopandas.points_from_xy(lons, lats), crs=boundaries.WGS84
        )
        return geopandas.sjoin(points, dongs, predicate="within")

    def ours():
        return boundaries.dong_codes_at(lons, lats)

    ours()  # warm: boundaries loaded, polygons prepared
    bare_s, joined = _median_s(bare)
    ours_s, codes = _median_s(ours)
    inside = sum(code is not None for code in codes)
    if abs(inside - len(joined)) > POINTS // 10_000 + 5:  # only points on shared edges may differ
        raise RuntimeError(f"dong_codes_at found {inside} points inside, sjoin {len(joined)}")
    ratio = ours_s / bare_s
    verdict = "pass" if ratio <= GOAL_RATIO else "MISS"
    report("points to assign", POINTS, "points", f"({inside:,} inside Jeonju)")
    report("bare geopandas.sjoin", bare_s * 1000, "ms")
    report("dong_codes_at", ours_s * 1000, "ms")
    report("dong_codes_at / bare sjoin", ratio, "x", f"goal <= {GOAL_RATIO}: {verdict}")
