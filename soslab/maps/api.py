"""GeoJSON of the problem layers the maps load (and anyone may reuse). Public data only, cheap
queries, every answer through geo.api.geojson_response:

- /api/geo/problems.geojson: the /problems/ list's filters (soslab.problems.filters, the same
  function the list calls) plus bbox=minlon,minlat,maxlon,maxlat. Up to GEO_MAP_MAX_POINTS points;
  above that, a server-side grid aggregation (clusters with counts), so a view of 100,000 problems
  is a few hundred features, never one per problem.
- /api/geo/dongs.geojson: dongs with problem counts and density (same filters + period).
- /api/geo/hotspots.geojson: the stored hotspots, the largest HOTSPOTS_GEOJSON_MAX (about 1 KB each).
"""

import hashlib
import json
import math

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, F, FloatField, Value
from django.db.models.functions import Floor
from django.urls import reverse
from django.views.decorators.http import require_GET

from geo.api import geojson_response
from geo.maps import dong_geojson
from geo.models import Hotspot
from soslab.core import exports
from soslab.core.http import json_error
from soslab.problems.filters import filter_problems
from soslab.problems.models import Problem, ProblemStatus

from .params import BadParameter, parse_bbox, parse_zoom
from .stats import dong_counts

GRID_CELLS = 24  # columns/rows of the aggregation grid over the requested view
HOTSPOTS_GEOJSON_MAX = 500  # the largest hotspots; each is at most 500 m wide (geo.hotspots)


def problems_in_view(params):
    """(queryset, cleaned, bbox) for the map: the list's filters, then the bbox."""
    bbox = parse_bbox(params.get("bbox"))
    queryset, cleaned = filter_problems(Problem.objects.public(), params)
    min_lon, min_lat, max_lon, max_lat = bbox
    # Published points (geo.privacy) decide what is in view: a bbox edge must not tell which side
    # of it a minor's exact point lies.
    queryset = queryset.filter(
        public_lat__range=(min_lat, max_lat), public_lon__range=(min_lon, max_lon)
    )
    return queryset, cleaned, bbox


@require_GET
def problems_geojson(request):
    try:
        queryset, _cleaned, bbox = problems_in_view(request.GET)
        zoom = parse_zoom(request.GET.get("zoom"))
    except BadParameter as exc:
        return json_error(exc.message, code=exc.code, status=400)
    limit = settings.GEO_MAP_MAX_POINTS
    # Fetch at most limit + 1 rows instead of counting: with many problems in view this stops
    # early and the view is aggregated instead.
    rows = list(
        queryset.order_by().values_list(
            "pk",
            "public_lat",
            "public_lon",
            "title",
            "status",
            "support_count",
            "category_id",
            "location_approximate",
        )[: limit + 1]
    )
    if len(rows) > limit:
        return _cached_clusters(request, queryset, bbox, zoom)
    total = len(rows)
    statuses = dict(ProblemStatus.choices)
    url_pattern = reverse("problems:detail", args=[0]).replace("/0/", "/{}/")
    features = []
    for pk, lat, lon, title, status, supports, category_id, approximate in rows:
        features.append(
            {
                "type": "Feature",
                "id": pk,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": pk,
                    "title": title,
                    "status": status,
                    "status_label": str(statuses.get(status, status)),
                    "supports": supports,
                    "category": category_id,
                    "url": url_pattern.format(pk),
                    "approximate": approximate,
                },
            }
        )
    return geojson_response(
        {
            "type": "FeatureCollection",
            "mode": "points",
            "total": total,
            "bbox": list(bbox),
            "features": features,
        }
    )


def _cached_clusters(request, queryset, bbox, zoom):
    """Aggregated views are cached for a minute per filters, view (snapped outward to 0.01°, so
    nearby views share an entry) and zoom: a busy map costs one GROUP BY a minute, not one a move."""
    min_lon, min_lat, max_lon, max_lat = bbox
    snapped = (
        math.floor(min_lon * 100 + 1e-6) / 100,
        math.floor(min_lat * 100 + 1e-6) / 100,
        math.ceil(max_lon * 100 - 1e-6) / 100,
        math.ceil(max_lat * 100 - 1e-6) / 100,
    )
    params = sorted((k, v) for k, v in request.GET.lists() if k not in ("bbox", "zoom"))
    key = "geo:clusters:" + hashlib.sha256(repr((params, snapped, zoom)).encode()).hexdigest()[:32]
    data = cache.get(key)
    if data is None:
        min_lon, min_lat, max_lon, max_lat = snapped
        in_view = queryset.filter(
            public_lat__range=(min_lat, max_lat), public_lon__range=(min_lon, max_lon)
        )
        data = _clusters(in_view, snapped, zoom)
        cache.set(key, data, 60)
    return geojson_response(data)


def _clusters(queryset, bbox, zoom):
    """Grid aggregation in SQL: one GROUP BY over the view, GRID_CELLS x GRID_CELLS cells."""
    min_lon, min_lat, max_lon, max_lat = bbox
    width = (max_lon - min_lon) / GRID_CELLS
    height = (max_lat - min_lat) / GRID_CELLS
    cells = (
        queryset.order_by()
        .annotate(
            cx=Floor((F("public_lon") - Value(min_lon)) / Value(width), output_field=FloatField()),
            cy=Floor((F("public_lat") - Value(min_lat)) / Value(height), output_field=FloatField()),
        )
        .values("cx", "cy")
        .annotate(n=Count("pk"), mean_lat=Avg("public_lat"), mean_lon=Avg("public_lon"))
    )
    features = [
        {
            "type": "Feature",
            # Means of published points, rounded to ~100 m as well.
            "geometry": {
                "type": "Point",
                "coordinates": [round(cell["mean_lon"], 3), round(cell["mean_lat"], 3)],
            },
            "properties": {"cluster": True, "count": cell["n"]},
        }
        for cell in cells
    ]
    return {
        "type": "FeatureCollection",
        "mode": "clusters",
        "total": sum(feature["properties"]["count"] for feature in features),
        "bbox": list(bbox),
        "zoom": zoom,
        "features": features,
    }


@require_GET
def dongs_geojson(request):
    try:
        rows, _meta = dong_counts(request.GET)
    except BadParameter as exc:
        return json_error(exc.message, code=exc.code, status=400)
    data = json.loads(json.dumps(dong_geojson()))
    for feature in data["features"]:
        row = rows.get(feature["properties"]["code"], {})
        feature["properties"].update(
            {
                "count": row.get("count", 0),
                "per_km2": row.get("density", 0),
                "area_km2": row.get("area_km2"),
            }
        )
    return geojson_response(data, max_age=60)


@require_GET
def hotspots_geojson(request):
    features = [
        {
            "type": "Feature",
            "id": hotspot.pk,
            "geometry": hotspot.area,
            "properties": {
                "id": hotspot.pk,
                "reports": hotspot.report_count,
                "centre": [exports.coordinate(hotspot.lon), exports.coordinate(hotspot.lat)],
                "top_category": hotspot.top_category,
                "computed_at": exports.timestamp(hotspot.computed_at),
            },
        }
        for hotspot in Hotspot.objects.defer("problem_ids")[:HOTSPOTS_GEOJSON_MAX]
    ]
    return geojson_response({"type": "FeatureCollection", "features": features}, max_age=120)
