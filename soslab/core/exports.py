"""The conventions every machine-readable export follows (Open311, /api/geo/*, the open-data CSV
and GeoJSON, the Atom feed); docs/open311.md states them for clients.

- Time stamps: ISO 8601 in Korea time with its offset (+09:00), to the second (`timestamp`).
- Coordinates: WGS84 degrees rounded to 7 decimals, about 1 cm (`coordinate`); minors' points are
  already rounded to about 100 m upstream (geo.privacy) and stay so.
- GeoJSON geometries: RFC 7946, polygons with counter-clockwise outer rings and clockwise holes
  (`rfc7946_geometry`).
- Public reads answer CORS for any origin, GET only (`allow_public_read`).
"""

from django.utils import timezone
from shapely.geometry import MultiPolygon, mapping, shape
from shapely.geometry.polygon import orient

DECIMALS = 7
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def timestamp(moment):
    """ISO 8601 in Korea time with its offset, to the second; None stays None."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def local(moment):
    """The moment in Korea time (for writers that format it themselves, e.g. the Atom feed)."""
    return None if moment is None else timezone.localtime(moment)


def coordinate(value):
    return None if value is None else round(float(value), DECIMALS)


def _rounded(coordinates):
    if isinstance(coordinates, (int, float)):
        return coordinate(coordinates)
    return [_rounded(part) for part in coordinates]


def rfc7946_geometry(geometry):
    """A GeoJSON geometry dict with counter-clockwise outer rings and 7-decimal coordinates."""
    if not geometry:
        return geometry
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        return {**geometry, "geometries": [rfc7946_geometry(g) for g in geometry["geometries"]]}
    if kind == "Polygon":
        geometry = mapping(orient(shape(geometry), sign=1.0))
    elif kind == "MultiPolygon":
        polygons = [orient(polygon, sign=1.0) for polygon in shape(geometry).geoms]
        geometry = mapping(MultiPolygon(polygons))
    return {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}


def allow_public_read(response):
    """CORS for a public read: any origin, read methods only, no credentials."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
    return response
