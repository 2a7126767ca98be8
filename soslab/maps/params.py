"""Query parameters of the problem maps and their GeoJSON, refused with a precise message and a
machine-readable code (BadParameter): the view's bbox, the zoom, and choices such as period."""

import math

from django.utils.translation import gettext as _

JEONJU_BBOX = (126.9975, 35.7284, 127.2357, 35.9015)
MAX_BBOX_DEGREES = 2.0


class BadParameter(ValueError):
    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def parse_bbox(value):
    """'minlon,minlat,maxlon,maxlat' (WGS84) -> tuple of floats; missing -> all of Jeonju."""
    if value in (None, ""):
        return JEONJU_BBOX
    parts = value.split(",")
    if len(parts) != 4:
        raise BadParameter(
            _("bbox must be four numbers: minlon,minlat,maxlon,maxlat."), "invalid_bbox"
        )
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError as exc:
        raise BadParameter(
            _("bbox must be four numbers: minlon,minlat,maxlon,maxlat."), "invalid_bbox"
        ) from exc
    numbers = (min_lon, min_lat, max_lon, max_lat)
    if not all(math.isfinite(n) for n in numbers):
        raise BadParameter(_("bbox must be four finite numbers."), "invalid_bbox")
    if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
        raise BadParameter(
            _("bbox must have min before max, in longitude/latitude degrees."), "invalid_bbox"
        )
    if max_lon - min_lon > MAX_BBOX_DEGREES or max_lat - min_lat > MAX_BBOX_DEGREES:
        raise BadParameter(_("bbox is too large; zoom in to Jeonju."), "bbox_too_large")
    return numbers


def parse_zoom(value):
    if value in (None, ""):
        return None
    try:
        zoom = int(value)
    except ValueError as exc:
        raise BadParameter(_("zoom must be a whole number from 0 to 22."), "invalid_zoom") from exc
    if not 0 <= zoom <= 22:
        raise BadParameter(_("zoom must be a whole number from 0 to 22."), "invalid_zoom")
    return zoom


def choice(params, name, choices, default):
    value = params.get(name) or default
    if value not in choices:
        raise BadParameter(_("Unknown %(name)s.") % {"name": name}, f"invalid_{name}")
    return value
