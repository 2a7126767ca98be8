"""GeoJSON of Jeonju's geography that the maps load (and anyone may reuse), and the one response
every /api/geo answer goes through (`geojson_response`):

- /api/geo/stations.geojson: the 7 stations with their latest reading and grades.
- /api/geo/traffic.geojson: the stored traffic-safety places.

The problem layers (/api/geo/problems.geojson, dongs.geojson, hotspots.geojson) are in
soslab/maps/api.py.
"""

import json

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from soslab.core import exports

from .air import grade_for
from .models import AirStation, TrafficSpot
from .services import latest_readings


def geojson_response(data, *, max_age=30):
    """Every /api/geo answer: RFC 7946 geometries (counter-clockwise polygons, 7 decimals) and
    CORS for public reads (soslab.core.exports)."""
    for feature in data.get("features", ()):
        feature["geometry"] = exports.rfc7946_geometry(feature.get("geometry"))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Cache-Control"] = f"public, max-age={max_age}"
    return exports.allow_public_read(response)


@require_GET
def stations_geojson(request):
    latest = latest_readings()
    features = []
    for station in AirStation.objects.select_related("dong"):
        reading = latest.get(station.pk)
        properties = {"id": station.pk, "name": station.name, "dong": str(station.dong or "")}
        if reading:
            pm10_grade = grade_for("pm10", reading.pm10)
            pm25_grade = grade_for("pm25", reading.pm25)
            properties.update(
                {
                    "hour": exports.timestamp(reading.hour),
                    "pm10": reading.pm10,
                    "pm25": reading.pm25,
                    "pm10_grade": pm10_grade.korean if pm10_grade else None,
                    "pm25_grade": pm25_grade.korean if pm25_grade else None,
                    "source": reading.source,
                    "synthetic": reading.is_synthetic,
                }
            )
        features.append(
            {
                "type": "Feature",
                "id": station.pk,
                "geometry": {"type": "Point", "coordinates": [station.lon, station.lat]},
                "properties": properties,
            }
        )
    return geojson_response({"type": "FeatureCollection", "features": features}, max_age=300)


@require_GET
def traffic_geojson(request):
    features = [
        {
            "type": "Feature",
            "id": spot.pk,
            "geometry": {"type": "Point", "coordinates": [spot.lon, spot.lat]},
            "properties": {
                "kind": spot.kind,
                "name": spot.name,
                "accidents": spot.accidents,
                "casualties": spot.casualties,
                "deaths": spot.deaths,
                "synthetic": spot.synthetic,
            },
        }
        for spot in TrafficSpot.objects.all()
    ]
    return geojson_response({"type": "FeatureCollection", "features": features}, max_age=600)
