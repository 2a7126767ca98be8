"""Open311 service requests read from public problems: the filters of a request list, the row
values one query fetches, and their serialisation. Every point is the published one
(Problem.public_lat/public_lon from geo.privacy)."""

from django.db.models import OuterRef, Subquery

from soslab.core import exports
from soslab.core.media import public_url
from soslab.problems.filters import filter_problems
from soslab.problems.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Problem,
    ProblemPhoto,
    TimelineEntry,
)

from .params import (
    STATUS_CLOSED,
    STATUS_OPEN,
    date_range_filter,
    filter_values,
    requested_ids,
    statuses_wanted,
)

AGENCY = "전주시"

# Values read per request row; the view never loads model instances.
_ROW_FIELDS = (
    "pk",
    "title",
    "description",
    "status",
    "category__slug",
    "category__name",
    "category__name_en",
    "created_at",
    "updated_at",
    "location_text",
    "dong__name",
    "dong__gu",
    "public_lat",
    "public_lon",
    "status_note",
    "first_photo",
)


def filtered_requests(params):
    """Public problems matching the Open311 parameters (and the list page's dong, tag and q, via
    soslab.problems.filters.filter_problems), newest first. Raises Open311Error on bad input."""

    queryset = Problem.objects.public()
    raw_ids = filter_values(params, "service_request_id")
    if raw_ids:
        # The spec: when request ids are given, every other filter is ignored.
        queryset, _cleaned = filter_problems(queryset, {})
        return queryset.filter(pk__in=requested_ids(raw_ids))

    shared = {key: params[key] for key in ("dong", "tag", "q") if params.get(key)}
    queryset, _cleaned = filter_problems(queryset, shared)
    service_codes = filter_values(params, "service_code")
    if service_codes:
        queryset = queryset.filter(category__slug__in=service_codes)
    statuses = filter_values(params, "status")
    if statuses:
        wanted = statuses_wanted(statuses)
        if wanted == {STATUS_OPEN}:
            queryset = queryset.filter(status__in=OPEN_STATUSES)
        elif wanted == {STATUS_CLOSED}:
            queryset = queryset.filter(status__in=CLOSED_STATUSES)
    return date_range_filter(queryset, params, "created_at")


def with_row_data(queryset):
    """The page's rows as dicts: one query, whatever the page size."""
    latest_note = (
        TimelineEntry.objects.filter(problem=OuterRef("pk"))
        .exclude(note="")
        .order_by("-created_at", "-pk")
        .values("note")[:1]
    )
    first_photo = (
        ProblemPhoto.objects.filter(problem=OuterRef("pk"))
        .order_by("position", "pk")
        .values("image")[:1]
    )
    return queryset.annotate(
        status_note=Subquery(latest_note), first_photo=Subquery(first_photo)
    ).values(*_ROW_FIELDS)


iso = exports.timestamp  # the conventions of every export (soslab.core.exports)
coordinate = exports.coordinate


def open311_status(problem_status):
    return STATUS_CLOSED if problem_status in CLOSED_STATUSES else STATUS_OPEN


def compact(item):
    """Optional fields that are empty are omitted (the spec allows it; "" fails the schema's
    date-time and uri formats)."""
    return {key: value for key, value in item.items() if value not in ("", None)}


def absolute_media_url(name, base_url):
    url = public_url(name)  # only public problems are ever serialised
    return base_url + url if url.startswith("/") else url


def serialise_request(row, base_url, english):
    lat, lon = row["public_lat"], row["public_lon"]  # the published point (geo.privacy)
    place = " ".join(part for part in (row["dong__gu"], row["dong__name"]) if part)
    address = ", ".join(part for part in (row["location_text"], place) if part)
    media_url = absolute_media_url(row["first_photo"], base_url) if row["first_photo"] else ""
    name = (english and row["category__name_en"]) or row["category__name"]
    return compact(
        {
            "service_request_id": str(row["pk"]),
            "status": open311_status(row["status"]),
            "status_notes": row["status_note"],
            "service_name": name,
            "service_code": row["category__slug"],
            "description": f"{row['title']}: {row['description']}"[:4000],
            "agency_responsible": AGENCY,
            "requested_datetime": iso(row["created_at"]),
            "updated_datetime": iso(row["updated_at"]),
            "address": address,
            "lat": coordinate(lat),
            "long": coordinate(lon),
            "media_url": media_url,
        }
    )


def request_rows(pk):
    return list(with_row_data(Problem.objects.public().filter(pk=pk)))
