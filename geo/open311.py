"""Read-only Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), as FixMyStreet serves it:
services (the problem categories) and requests (public problems), in JSON and XML.

Only `Problem.objects.public()` is published (hidden and pending never), and every point is the
published one (Problem.public_lat/public_lon from geo.privacy: minors' rounded to about 100 m), exactly like the open
data downloads. A list is one query whatever its size (first photo and latest public note are
subqueries); pages hold 50 requests by default and 200 at most, and a `Link: rel="next"` header
says when there is another page. Bad parameters answer 400 with the spec's error list.
"""

import datetime
import re
import xml.etree.ElementTree as ET

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from soslab.core import params as core_params
from soslab.core.media import public_url

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-21T00:00:00+09:00"
AGENCY = "전주시"
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_IDS = MAX_PAGE_SIZE
STATUS_OPEN, STATUS_CLOSED = "open", "closed"
_NUMBER = re.compile(r"[0-9]{1,9}")
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}

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


class Open311Error(Exception):
    def __init__(self, status, description):
        super().__init__(description)
        self.status = status
        self.description = str(description)


# --- rendering -----------------------------------------------------------------------------------


def _xml(root_tag, item_tag, items):
    root = ET.Element(root_tag)
    for item in items:
        element = ET.SubElement(root, item_tag)
        for key, value in item.items():
            child = ET.SubElement(element, key)
            if value is None:
                continue
            if isinstance(value, bool):
                child.text = "true" if value else "false"
            elif isinstance(value, list):
                child.text = core_params.strip_illegal_characters(",".join(str(v) for v in value))
            else:
                # Stored text may predate input hygiene; XML 1.0 cannot carry control characters.
                child.text = core_params.strip_illegal_characters(str(value))
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body


def _render(fmt, root_tag, item_tag, items, status=200):
    if fmt == "xml":
        return HttpResponse(
            _xml(root_tag, item_tag, items), content_type=FORMATS["xml"], status=status
        )
    return JsonResponse(
        items,
        safe=False,
        status=status,
        json_dumps_params={"ensure_ascii": False},
        content_type=FORMATS["json"],
    )


def _error(fmt, status, description):
    return _render(fmt, "errors", "error", [{"code": status, "description": description}], status)


def _bad_input(request, error):
    """Bad input caught by soslab.core.params (and its middleware), in the spec's error list."""
    fmt = "xml" if request.path.endswith(".xml") else "json"
    return _error(fmt, 400, error.message)


# --- parameters ----------------------------------------------------------------------------------


def _parse_when(name, value, *, end):
    """An ISO 8601 date-time (naive means Korea time) or date (a whole day: from its start, or
    up to its end when it is the end_date). Returns (aware datetime, inclusive)."""
    value = value.strip()
    try:
        # Date first: fromisoformat (behind parse_datetime) also reads a bare date as midnight.
        day = parse_date(value)
        moment = None if day else parse_datetime(value)
    except ValueError:
        moment = day = None
    if moment is None and day is None:
        raise Open311Error(
            400,
            _("%(name)s must be an ISO 8601 date or date-time, e.g. 2026-11-21T09:00:00+09:00.")
            % {"name": name},
        )
    if day is not None:
        if end:
            day += datetime.timedelta(days=1)
        moment = datetime.datetime.combine(day, datetime.time())
        inclusive = not end
    else:
        inclusive = True
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment, inclusive


def _positive_int(params, name, default, maximum=None):
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not _NUMBER.fullmatch(raw) or int(raw) < 1:
        raise Open311Error(400, _("%(name)s must be a positive whole number.") % {"name": name})
    value = int(raw)
    if maximum is not None and value > maximum:
        raise Open311Error(
            400, _("%(name)s can be at most %(max)s.") % {"name": name, "max": maximum}
        )
    return value


def _requested_ids(raw):
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    if not parts or not all(_NUMBER.fullmatch(part) for part in parts):
        raise Open311Error(
            400, _("service_request_id must be one or more request numbers separated by commas.")
        )
    if len(parts) > MAX_IDS:
        raise Open311Error(400, _("Ask for at most %(max)s requests at once.") % {"max": MAX_IDS})
    return [int(part) for part in parts]


def _text(query, name):
    try:
        return core_params.query_text(query, name)
    except core_params.BadInput as error:
        raise Open311Error(400, error.message) from error


def _statuses(raw):
    wanted = {part.strip().lower() for part in raw.split(",") if part.strip()}
    if not wanted or not wanted <= {STATUS_OPEN, STATUS_CLOSED}:
        raise Open311Error(400, _("status must be open, closed or both separated by a comma."))
    return wanted


def filtered_requests(params):
    """Public problems matching the Open311 parameters (and the list page's dong, tag and q, via
    soslab.problems.filters.filter_problems), newest first. Raises Open311Error on bad input."""
    from soslab.problems.filters import filter_problems
    from soslab.problems.models import CLOSED_STATUSES, OPEN_STATUSES, Problem

    queryset = Problem.objects.public()
    raw_ids = params.get("service_request_id", "").strip()
    if raw_ids:
        # The spec: when request ids are given, every other filter is ignored.
        queryset, _cleaned = filter_problems(queryset, {})
        return queryset.filter(pk__in=_requested_ids(raw_ids))

    shared = {key: params[key] for key in ("dong", "tag", "q") if params.get(key)}
    queryset, _cleaned = filter_problems(queryset, shared)
    service_code = _text(params, "service_code")
    if service_code:
        queryset = queryset.filter(category__slug=service_code)
    raw_status = params.get("status", "").strip()
    if raw_status:
        wanted = _statuses(raw_status)
        if wanted == {STATUS_OPEN}:
            queryset = queryset.filter(status__in=OPEN_STATUSES)
        elif wanted == {STATUS_CLOSED}:
            queryset = queryset.filter(status__in=CLOSED_STATUSES)
    start = end = None
    if params.get("start_date", "").strip():
        start, start_inclusive = _parse_when("start_date", params["start_date"], end=False)
        lookup = "created_at__gte" if start_inclusive else "created_at__gt"
        queryset = queryset.filter(**{lookup: start})
    if params.get("end_date", "").strip():
        end, end_inclusive = _parse_when("end_date", params["end_date"], end=True)
        lookup = "created_at__lte" if end_inclusive else "created_at__lt"
        queryset = queryset.filter(**{lookup: end})
    if start is not None and end is not None and start > end:
        raise Open311Error(400, _("start_date must not be after end_date."))
    return queryset


def with_row_data(queryset):
    """The page's rows as dicts: one query, whatever the page size."""
    from soslab.problems.models import ProblemPhoto, TimelineEntry

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


def _iso(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def open311_status(problem_status):
    from soslab.problems.models import CLOSED_STATUSES

    return STATUS_CLOSED if problem_status in CLOSED_STATUSES else STATUS_OPEN


def serialise_request(row, base_url, english):
    lat, lon = row["public_lat"], row["public_lon"]  # the published point (geo.privacy)
    place = " ".join(part for part in (row["dong__gu"], row["dong__name"]) if part)
    address = ", ".join(part for part in (row["location_text"], place) if part)
    media_url = ""
    if row["first_photo"]:
        media_url = public_url(row["first_photo"])  # only public problems are listed
        if media_url.startswith("/"):
            media_url = base_url + media_url
    name = (english and row["category__name_en"]) or row["category__name"]
    return {
        "service_request_id": row["pk"],
        "status": open311_status(row["status"]),
        "status_notes": row["status_note"] or "",
        "service_name": name,
        "service_code": row["category__slug"],
        "description": f"{row['title']}: {row['description']}",
        "agency_responsible": AGENCY,
        "service_notice": "",
        "requested_datetime": _iso(row["created_at"]),
        "updated_datetime": _iso(row["updated_at"]),
        "expected_datetime": "",
        "address": address,
        "address_id": "",
        "zipcode": "",
        "lat": lat,
        "long": lon,
        "media_url": media_url,
    }


def _english():
    return (get_language() or "ko").startswith("en")


def _base_url(request):
    return request.build_absolute_uri("/")[:-1]


# --- views ---------------------------------------------------------------------------------------


@require_GET
@core_params.bad_input_format(_bad_input)
def services(request, fmt):
    from soslab.problems.models import Category

    english = _english()
    items = []
    for category in Category.objects.order_by("sort_order", "name"):
        description = (english and category.description_en) or category.description
        items.append(
            {
                "service_code": category.slug,
                "service_name": category.localized_name,
                "description": description,
                "metadata": False,
                "type": "realtime",
                "keywords": ", ".join(n for n in (category.name, category.name_en) if n),
                "group": "",
            }
        )
    return _render(fmt, "services", "service", items)


@require_GET
@core_params.bad_input_format(_bad_input)
def requests(request, fmt):
    try:
        page = _positive_int(request.GET, "page", 1)
        page_size = _positive_int(request.GET, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
        queryset = filtered_requests(request.GET)
    except Open311Error as error:
        return _error(fmt, error.status, error.description)
    offset = (page - 1) * page_size
    rows = list(with_row_data(queryset)[offset : offset + page_size + 1])
    has_next = len(rows) > page_size
    base_url, english = _base_url(request), _english()
    items = [serialise_request(row, base_url, english) for row in rows[:page_size]]
    response = _render(fmt, "service_requests", "request", items)
    if has_next:
        query = request.GET.copy()
        query["page"] = page + 1
        query["page_size"] = page_size
        next_url = request.build_absolute_uri(request.path) + "?" + urlencode(query, doseq=True)
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


@require_GET
@core_params.bad_input_format(_bad_input)
def request_detail(request, pk, fmt):
    from soslab.problems.models import Problem

    try:
        pk = core_params.parse_id(pk, "service_request_id")
    except core_params.BadInput:
        pk = None  # no id of ours: the same answer as a missing request
    rows = list(with_row_data(Problem.objects.public().filter(pk=pk))) if pk else []
    if not rows:
        return _error(fmt, 404, _("There is no public request with this number."))
    items = [serialise_request(rows[0], _base_url(request), _english())]
    return _render(fmt, "service_requests", "request", items)


@require_GET
@core_params.bad_input_format(_bad_input)
def discovery(request):
    base = (
        _base_url(request)
        + reverse("geo:open311_services", kwargs={"fmt": "json"}).rsplit("/", 1)[0]
    )
    data = {
        "changeset": CHANGESET,
        "contact": settings.DEFAULT_FROM_EMAIL,
        "key_service": _("Read-only: no API key is needed."),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
