"""Open data: the /open-data/ page and its downloads, public problems as GeoJSON and CSV (public
fields only; minors' points rounded to about 100 m: the published point of geo.privacy; hidden
and pending content never). Streamed in chunks so 100,000 rows never sit in memory at once."""

import json

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from geo.models import AirStation, TrafficSpot
from soslab.core import exports
from soslab.core.csv import csv_response
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


def public_rows(base_url=""):
    """Dicts of the public fields of every public problem, oldest first."""
    url_pattern = base_url + reverse("problems:detail", args=[0]).replace("/0/", "/{}/")
    rows = (
        Problem.objects.public()
        .order_by("pk")
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


def _csv_rows(base_url):
    for row in public_rows(base_url):
        yield [row[field] for field in FIELDS]


def _geojson_stream(base_url):
    head = {
        "type": "FeatureCollection",
        "name": "soslab_jeonju_problems",
        "licence": LICENCE,
        "features": [],
    }
    opening = json.dumps(head, ensure_ascii=False)[: -len("]}")]
    yield opening
    first = True
    for row in public_rows(base_url):
        properties = {key: row[key] for key in FIELDS if key not in ("lat", "lon")}
        geometry = (
            None
            if row["lat"] is None
            else {
                "type": "Point",
                "coordinates": [row["lon"], row["lat"]],
            }
        )
        feature = {"type": "Feature", "geometry": geometry, "properties": properties}
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}"


def _download(stream, content_type, filename):
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def problems_csv(request):
    base = request.build_absolute_uri("/")[:-1]
    return csv_response(
        FIELDS,
        _csv_rows(base),
        filename="soslab_jeonju_problems.csv",
        cache_control="public, max-age=300",
    )


@require_GET
def problems_geojson_download(request):
    base = request.build_absolute_uri("/")[:-1]
    return _download(
        _geojson_stream(base),
        "application/geo+json; charset=utf-8",
        "soslab_jeonju_problems.geojson",
    )


@require_GET
def open_data(request):
    """The open-data page: the downloads, the GeoJSON APIs and Open311, with their licences."""
    return render(
        request,
        "opendata/open_data.html",
        {
            "problem_count": Problem.objects.public().count(),
            "traffic_count": TrafficSpot.objects.count(),
            "station_count": AirStation.objects.count(),
        },
    )
