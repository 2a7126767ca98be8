"""Hotspots: places where at least N reports lie within R metres (DBSCAN), at most W metres wide.

1. Density (DBSCAN): a report is a core point when at least `min_reports` reports (itself included)
   lie within `radius_m`; core points within `radius_m` of each other join one group, and other
   reports within `radius_m` of a core point join the group of one of them.
2. Width: DBSCAN chains. In a dense city every report is within 150 m of another and one group can
   cover the whole city (at 100,000 reports it held 78,741). So a group whose outline would be wider
   than `max_width_m` is split around its densest reports: the core point with the most neighbours
   takes every still-free member within `max_width_m / 2 - AREA_MARGIN_M` of it; if that is at
   least `min_reports` reports it is a hotspot; then the next densest free core point, and so on.
   Members left over (fewer than `min_reports` within reach of a free core point) are in no hotspot.
   Every outline (convex hull + AREA_MARGIN_M) therefore fits in a circle `max_width_m` across.

Computed in settings.GEO_METRIC_CRS (EPSG:5186, metres), never in degrees, and vectorised (shapely's
STRtree, numpy): 100,000 reports in one category take about a second. Which reports (a category, a
recent time window, published points only) is the caller's choice (soslab.maps.services). Pure
functions: no database access here.
"""

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from django.conf import settings
from pyproj import Transformer

from .boundaries import WGS84

DEFAULT_MIN_REPORTS = 5
DEFAULT_RADIUS_M = 150
DEFAULT_MAX_WIDTH_M = 500
AREA_MARGIN_M = 25


@dataclass
class Cluster:
    ids: list
    lon: float
    lat: float
    area: dict  # GeoJSON geometry, WGS84


@lru_cache(maxsize=2)
def _transformer(source, target):
    return Transformer.from_crs(source, target, always_xy=True)


def _pairs(xs, ys, distance):
    """(left, right) index pairs of points within `distance` metres (each point pairs with itself),
    sorted by left. The R-tree finds the pairs whose boxes meet (a square around each point: 4/pi
    times the pairs wanted), numpy keeps those in the circle: twice as fast as a "dwithin" query."""
    tree = shapely.STRtree(shapely.points(xs, ys))
    boxes = shapely.box(xs - distance, ys - distance, xs + distance, ys + distance)
    left, right = tree.query(boxes)
    near = (xs[left] - xs[right]) ** 2 + (ys[left] - ys[right]) ** 2 <= distance**2
    left, right = left[near], right[near]
    if len(left) > 1 and not (np.diff(left) >= 0).all():
        order = np.argsort(left, kind="stable")
        left, right = left[order], right[order]
    return left, right


def _components(n, left, right, core):
    """Connected components of the core points over core-core pairs (label = smallest index);
    -1 for points that are not core. Label propagation with pointer jumping, all in numpy."""
    keep = core[left] & core[right]
    a, b = left[keep], right[keep]
    labels = np.arange(n)
    while True:
        before = labels.copy()
        np.minimum.at(labels, a, labels[b])
        labels = labels[labels]  # pointer jumping: follow the label's own label
        if np.array_equal(labels, before):
            break
    labels[~core] = -1
    return labels


def _dbscan(n, left, right, min_reports):
    """DBSCAN labels (-1: noise) and every point's neighbour count (itself included)."""
    counts = np.bincount(left, minlength=n)
    core = counts >= min_reports
    labels = _components(n, left, right, core)
    # Border points: not core, within reach of a core point; each joins its lowest core neighbour.
    border = (~core[left]) & core[right]
    first = np.full(n, n)
    np.minimum.at(first, left[border], right[border])
    reached = (~core) & (first < n)
    labels[reached] = labels[first[reached]]
    return labels, counts


def _split(members, xs, ys, counts, core, reach, min_reports):
    """Split one too-wide group (indexes `members`) into pieces no wider than 2 * reach."""
    xs, ys = xs[members], ys[members]
    points = shapely.points(xs, ys)
    tree = shapely.STRtree(points)
    free = np.ones(len(members), dtype=bool)
    pieces = []
    # Densest first; ties by position, so the result depends on nothing but the input.
    for seed in np.lexsort((np.arange(len(members)), -counts[members])).tolist():
        if not free[seed] or not core[members[seed]]:
            continue
        near = tree.query(points[seed], predicate="dwithin", distance=reach)
        near = near[free[near]]
        if len(near) >= min_reports:
            free[near] = False
            pieces.append(members[near])
    return pieces


def _groups(xs, ys, min_reports, radius_m, max_width_m):
    """Index arrays of the hotspots' members (before they are turned into Clusters)."""
    n = len(xs)
    left, right = _pairs(xs, ys, radius_m)
    labels, counts = _dbscan(n, left, right, min_reports)
    core = counts >= min_reports
    reach = max_width_m / 2 - AREA_MARGIN_M
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    cuts = np.flatnonzero(np.diff(sorted_labels)) + 1
    groups = []
    for members in np.split(order, cuts):
        if len(members) == 0 or labels[members[0]] < 0 or len(members) < min_reports:
            continue
        cx, cy = xs[members].mean(), ys[members].mean()
        if np.hypot(xs[members] - cx, ys[members] - cy).max() <= reach:
            groups.append(members)
        else:
            groups.extend(_split(members, xs, ys, counts, core, reach, min_reports))
    return groups


def find_clusters(
    ids,
    lons,
    lats,
    *,
    min_reports=DEFAULT_MIN_REPORTS,
    radius_m=DEFAULT_RADIUS_M,
    max_width_m=DEFAULT_MAX_WIDTH_M,
):
    """Clusters of the given points (WGS84), largest first. `ids` label the points (problem ids)."""
    if len(ids) < min_reports:
        return []
    to_metric = _transformer(WGS84, settings.GEO_METRIC_CRS)
    xs, ys = to_metric.transform(np.asarray(lons, float), np.asarray(lats, float))
    xs, ys = np.asarray(xs), np.asarray(ys)
    groups = [np.sort(group) for group in _groups(xs, ys, min_reports, radius_m, max_width_m)]
    if not groups:
        return []
    labels = np.concatenate([np.full(len(group), k) for k, group in enumerate(groups)])
    members = np.concatenate(groups)
    hulls = shapely.convex_hull(
        shapely.multipoints(shapely.points(xs[members], ys[members]), indices=labels)
    )
    areas = shapely.transform(
        shapely.buffer(hulls, AREA_MARGIN_M), _to_wgs84_coords, include_z=False
    )
    sizes = np.bincount(labels)
    centre_x = np.bincount(labels, weights=xs[members]) / sizes
    centre_y = np.bincount(labels, weights=ys[members]) / sizes
    lon_c, lat_c = _transformer(settings.GEO_METRIC_CRS, WGS84).transform(centre_x, centre_y)
    ids = list(ids)
    clusters = [
        Cluster(
            ids=[ids[index] for index in group.tolist()],
            lon=round(float(lon_c[k]), 6),
            lat=round(float(lat_c[k]), 6),
            area=area,
        )
        for k, (group, area) in enumerate(zip(groups, _geojson(areas), strict=True))
    ]
    return sorted(clusters, key=lambda cluster: (-len(cluster.ids), cluster.ids[0]))


def _to_wgs84_coords(coords):
    lon, lat = _transformer(settings.GEO_METRIC_CRS, WGS84).transform(coords[:, 0], coords[:, 1])
    return np.column_stack([lon, lat])


def _geojson(geometries):
    """GeoJSON geometry dicts of many shapely geometries (one to_geojson, one json.loads)."""
    texts = shapely.to_geojson(shapely.simplify(geometries, 0.00001), indent=None)
    return json.loads("[" + ",".join(texts.tolist()) + "]")
