"""Hotspot detection on constructed examples (pure geopandas, metres in EPSG:5186)."""

import math

import numpy as np
import pytest
from pyproj import Transformer
from shapely.geometry import shape

from geo.hotspots import find_clusters

ORIGIN = (127.1300, 35.8400)  # near 전북대, 덕진구


def offset(metres_east, metres_north, origin=ORIGIN):
    lon, lat = origin
    return (
        lon + metres_east / (111_320 * math.cos(math.radians(lat))),
        lat + metres_north / 110_574,
    )


def run(points, **kwargs):
    ids = list(range(1, len(points) + 1))
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return find_clusters(ids, lons, lats, **kwargs)


def test_five_reports_within_150_m_make_one_hotspot_and_four_do_not():
    five = [offset(e, n) for e, n in [(0, 0), (40, 0), (0, 40), (-40, 10), (20, -50)]]
    far = [offset(e, n, origin=(127.10, 35.81)) for e, n in [(0, 0), (30, 0), (0, 30), (30, 30)]]
    clusters = run(five + far)
    assert len(clusters) == 1
    assert clusters[0].ids == [1, 2, 3, 4, 5]
    assert clusters[0].area["type"] == "Polygon"


def test_distance_is_in_metres_not_degrees():
    # Four points strung 140 m apart east-west: each has neighbours within 150 m, but a degree
    # threshold would differ by direction. A 200 m gap splits the string in two.
    west = [offset(140 * i, 0) for i in range(4)]
    east = [offset(140 * 3 + 200 + 10 * i, 0) for i in range(5)]
    clusters = run(west + east, min_reports=3)
    assert [c.ids for c in clusters] == [[5, 6, 7, 8, 9], [1, 2, 3, 4]]


def test_thresholds_are_configurable():
    points = [offset(e, 0) for e in (0, 100, 200, 300)]
    assert run(points) == []
    assert [c.ids for c in run(points, min_reports=2, radius_m=120)] == [[1, 2, 3, 4]]
    assert run(points, min_reports=2, radius_m=90) == []


def test_centre_lies_among_its_reports():
    points = [offset(e, n) for e, n in [(0, 0), (10, 0), (0, 10), (10, 10), (5, 5)]]
    (cluster,) = run(points)
    assert abs(cluster.lon - offset(5, 5)[0]) < 1e-5
    assert abs(cluster.lat - offset(5, 5)[1]) < 1e-5


def test_no_points_no_clusters():
    assert find_clusters([], [], []) == []


def width_m(cluster):
    """The widest distance across a hotspot's outline, in metres (EPSG:5186)."""
    to_metric = Transformer.from_crs("EPSG:4326", "EPSG:5186", always_xy=True)
    lons, lats = np.asarray(shape(cluster.area).exterior.coords).T
    xs, ys = to_metric.transform(lons, lats)
    return float(np.hypot(xs[:, None] - xs, ys[:, None] - ys).max())


def test_a_dense_neighbourhood_does_not_chain_into_one_hotspot():
    # 625 reports 50 m apart over 1.2 km x 1.2 km: every report is within 150 m of five others,
    # so plain DBSCAN (the old rule) made ONE hotspot of all 625. Now: many, none over 500 m wide.
    grid = [offset(50 * e, 50 * n) for e in range(25) for n in range(25)]
    clusters = run(grid)
    assert len(clusters) > 4
    assert max(len(c.ids) for c in clusters) < 100
    assert max(width_m(c) for c in clusters) <= 500
    members = [pk for c in clusters for pk in c.ids]
    assert len(members) == len(set(members))  # a report is in at most one hotspot
    assert len(members) > 0.7 * len(grid)  # split, not dropped


def test_a_long_street_is_split_into_pieces_at_most_500_m_wide():
    street = [offset(20 * i, 0) for i in range(100)]  # 2 km, a report every 20 m
    clusters = run(street)
    assert len(clusters) >= 4
    assert all(width_m(c) <= 500 for c in clusters)
    assert all(len(c.ids) >= 5 for c in clusters)


@pytest.mark.parametrize("max_width_m", [300, 500, 800])
def test_maximum_width_is_configurable(max_width_m):
    grid = [offset(40 * e, 40 * n) for e in range(20) for n in range(20)]
    clusters = run(grid, max_width_m=max_width_m)
    assert clusters
    assert max(width_m(c) for c in clusters) <= max_width_m
