"""The public rows of the open-data downloads and their GeoJSON text: public fields only,
minors' points rounded to about 100 m (the published point of geo.privacy), hidden and pending
content never. Used by the streamed downloads (views) and the background-built files (files)."""

import json

from django.urls import reverse

from soslab.core import exports
from soslab.problems.models import Problem

FIELDS = [
    "id",
    "title",
    "description",
    "category",
    "category_name",
    "status",
    "dong_code",
    "dong_name",
    "gu",
    "supports",
    "comments",
    "created_at",
    "lat",
    "lon",
    "location_precision",
    "url",
]
LICENCE = (
    "CC BY 4.0 (SOS랩 전주); 행정동 경계: 통계청 SGIS 공공누리 제1유형, vuski/admdongkor CC BY 4.0"
)
CHUNK = 2000


def public_rows(base_url="", queryset=None):
    """Dicts of the public fields of every public problem, oldest first; of `queryset` (public
    problems already filtered, e.g. by filter_problems) when given."""
    url_pattern = base_url + reverse("problems:detail", args=[0]).replace("/0/", "/{}/")
    if queryset is None:
        queryset = Problem.objects.public()
    rows = (
        queryset.order_by("pk")
        .values_list(
            "pk",
            "title",
            "description",
            "category__slug",
            "category__name",
            "status",
            "dong__code",
            "dong__name",
            "dong__gu",
            "support_count",
            "comment_count",
            "created_at",
            "public_lat",
            "public_lon",
            "location_approximate",
        )
        .iterator(chunk_size=CHUNK)
    )
    for row in rows:
        (pk, title, description, slug, category, status, code, dong, gu, supports, comments,
         created_at, lat, lon, approximate) = row  # fmt: skip
        yield {
            "id": pk,
            "title": title,
            "description": description,
            "category": slug,
            "category_name": category,
            "status": status,
            "dong_code": code or "",
            "dong_name": dong or "",
            "gu": gu or "",
            "supports": supports,
            "comments": comments,
            "created_at": exports.timestamp(created_at),
            "lat": exports.coordinate(lat),
            "lon": exports.coordinate(lon),
            "location_precision": ""
            if lat is None
            else ("approx_100m" if approximate else "exact"),
            "url": url_pattern.format(pk),
        }


def csv_rows(rows):
    for row in rows:
        yield [row[field] for field in FIELDS]


GEOJSON_CLOSING = "]}"


def geojson_opening():
    head = {
        "type": "FeatureCollection",
        "name": "soslab_jeonju_problems",
        "licence": LICENCE,
        "features": [],
    }
    return json.dumps(head, ensure_ascii=False)[: -len(GEOJSON_CLOSING)]


def geojson_feature(row):
    """One public row as a GeoJSON Feature (RFC 7946 point, lon first), as text."""
    properties = {key: row[key] for key in FIELDS if key not in ("lat", "lon")}
    geometry = (
        None if row["lat"] is None else {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
    )
    feature = {"type": "Feature", "geometry": geometry, "properties": properties}
    return json.dumps(feature, ensure_ascii=False)


def geojson_lines(rows):
    """The whole FeatureCollection of `rows`, piece by piece (for streaming)."""
    yield geojson_opening()
    for number, row in enumerate(rows):
        yield ("," if number else "") + geojson_feature(row)
    yield GEOJSON_CLOSING
