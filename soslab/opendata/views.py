"""Open data: the /open-data/ page and its downloads, public problems as GeoJSON and CSV (public
fields only; minors' points rounded to about 100 m: the published point of geo.privacy; hidden
and pending content never; soslab.opendata.rows).

The downloads are files rebuilt in the background after changes (soslab.opendata.files), sent
with ETag and Last-Modified (304 on If-None-Match / If-Modified-Since), through django-sendfile2
in production (nginx X-Accel-Redirect) and as a FileResponse otherwise. While there is no fresh
file they are streamed from the database in chunks, so 100,000 rows never sit in memory.

They take the list's filters (q, category, status, dong, tag: soslab.problems.filters, the rule
every surface shares); a filtered download is always streamed (the files hold every row)."""

import os

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_GET

from geo.models import AirStation, TrafficSpot
from soslab.core.csv import csv_response
from soslab.problems.filters import filter_problems
from soslab.problems.models import Problem

from . import files
from .rows import FIELDS, csv_rows, geojson_lines, public_rows

CACHE_CONTROL = "public, max-age=300"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}
FILENAMES = {"csv": "soslab_jeonju_problems.csv", "geojson": "soslab_jeonju_problems.geojson"}


def _from_file(request, kind):
    """The built file of `kind` with its validators (or a 304), None when there is none fresh."""
    path = files.fresh_path(kind)
    if path is None:
        return None
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the response (or below)
    except FileNotFoundError:  # replaced between the check and here: stream this time
        return None
    stat = os.fstat(handle.fileno())
    etag = quote_etag(f"{stat.st_size:x}-{stat.st_mtime_ns:x}")
    conditional = get_conditional_response(request, etag=etag, last_modified=int(stat.st_mtime))
    if conditional is not None:
        handle.close()
        response = conditional
    elif settings.SENDFILE_BACKEND.endswith(".simple"):
        response = FileResponse(handle, content_type=CONTENT_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="{FILENAMES[kind]}"'
    else:
        from django_sendfile import sendfile

        handle.close()
        response = sendfile(request, path, mimetype=CONTENT_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="{FILENAMES[kind]}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Cache-Control"] = CACHE_CONTROL
    return response


FILTER_PARAMS = ("q", "category", "status", "dong", "tag")


def _filtered(request):
    """The public problems the request's filters select, or None when it sets none."""
    params = {name: request.GET.get(name, "").strip() for name in FILTER_PARAMS}
    if not any(params.values()):
        return None
    return filter_problems(Problem.objects.public(), {k: v for k, v in params.items() if v})[0]


def _download(stream, content_type, filename):
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = CACHE_CONTROL
    return response


@require_GET
def problems_csv(request):
    queryset = _filtered(request)
    response = _from_file(request, "csv") if queryset is None else None
    if response is not None:
        return response
    base = request.build_absolute_uri("/")[:-1]
    return csv_response(
        FIELDS,
        csv_rows(public_rows(base, queryset)),
        filename=FILENAMES["csv"],
        cache_control=CACHE_CONTROL,
    )


@require_GET
def problems_geojson_download(request):
    queryset = _filtered(request)
    response = _from_file(request, "geojson") if queryset is None else None
    if response is not None:
        return response
    base = request.build_absolute_uri("/")[:-1]
    return _download(
        geojson_lines(public_rows(base, queryset)), CONTENT_TYPES["geojson"], FILENAMES["geojson"]
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
