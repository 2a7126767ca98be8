"""Hotspot detection on constructed examples (pure geopandas, metres in EPSG:5186)."""

import math

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
    # Six points strung 140 m apart east-west: each has neighbours within 150 m, but a degree
    # threshold would differ by direction. A 200 m gap splits the string in two.
    west = [offset(140 * i, 0) for i in range(6)]
    east = [offset(140 * 5 + 200 + 10 * i, 0) for i in range(5)]
    clusters = run(west + east, min_reports=3)
    assert [c.ids for c in clusters] == [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11]]


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
