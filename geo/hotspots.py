"""Hotspots: places where at least N reports lie within R metres of each other (DBSCAN rule).

A report is a core point when at least `min_reports` reports (itself included) lie within
`radius_m`; core points within `radius_m` of each other join one cluster, and other reports within
`radius_m` of a core point join it too. Computed with geopandas in settings.GEO_METRIC_CRS
(EPSG:5186, metres), never in degrees. Pure functions: no database access here.
"""

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
from django.conf import settings
from shapely import MultiPoint, to_geojson

from .boundaries import WGS84

DEFAULT_MIN_REPORTS = 5
DEFAULT_RADIUS_M = 150
AREA_MARGIN_M = 25


@dataclass
class Cluster:
    ids: list
    lon: float
    lat: float
    area: dict  # GeoJSON geometry, WGS84


def _find(parent, index):
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def find_clusters(ids, lons, lats, *, min_reports=DEFAULT_MIN_REPORTS, radius_m=DEFAULT_RADIUS_M):
    """Clusters of the given points, largest first. `ids` label the points (problem ids)."""
    if len(ids) < min_reports:
        return []
    points = gpd.GeoSeries(
        gpd.points_from_xy(np.asarray(lons, float), np.asarray(lats, float)), crs=WGS84
    ).to_crs(settings.GEO_METRIC_CRS)
    left, right = points.sindex.query(points, predicate="dwithin", distance=radius_m)
    neighbours = np.bincount(left, minlength=len(points))  # includes the point itself
    core = neighbours >= min_reports
    parent = list(range(len(points)))
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        if a < b and core[a] and core[b]:
            root_a, root_b = _find(parent, a), _find(parent, b)
            if root_a != root_b:
                parent[root_b] = root_a
    members = {}
    for index in np.flatnonzero(core).tolist():
        members.setdefault(_find(parent, index), set()).add(index)
    # Border points: not core, but within reach of a core point; each joins the first such cluster.
    assigned = set(np.flatnonzero(core).tolist())
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        if core[a] and b not in assigned:
            members[_find(parent, a)].add(b)
            assigned.add(b)
    clusters = []
    for group in members.values():
        indexes = sorted(group)
        metric = points.iloc[indexes]
        hull = MultiPoint(list(metric.geometry)).convex_hull.buffer(AREA_MARGIN_M)
        area = gpd.GeoSeries([hull], crs=settings.GEO_METRIC_CRS).to_crs(WGS84).iloc[0]
        centre = (
            gpd.GeoSeries([MultiPoint(list(metric.geometry)).centroid], crs=settings.GEO_METRIC_CRS)
            .to_crs(WGS84)
            .iloc[0]
        )
        clusters.append(
            Cluster(
                ids=[ids[index] for index in indexes],
                lon=round(centre.x, 6),
                lat=round(centre.y, 6),
                area=_geojson(area),
            )
        )
    return sorted(clusters, key=lambda cluster: (-len(cluster.ids), cluster.ids[0]))


def _geojson(geometry):
    import json

    return json.loads(to_geojson(geometry.simplify(0.00001), indent=None))
