"""Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read and write; the client
documentation is docs/open311.md.

Reads: services (the problem categories), requests (public problems only: hidden and pending
never), single requests, tokens of posted requests and the servicerequestupdates extension, in JSON
and XML. Every point is the published one (Problem.public_lat/public_lon from geo.privacy: minors'
rounded to about 100 m), like the open-data downloads; time stamps and coordinates follow
soslab.core.exports. A list is one query whatever its size (first photo and latest public note
are subqueries); pages hold 50 requests by default and 200 at most, and a `Link: rel="next"`
header says when there is another page.

Every view goes through `endpoint`: GET/HEAD/OPTIONS (POST for requests, see
geo/open311_write.py), CSRF exempt, jurisdiction_id checked, every error in the spec's error list
in the requested format, CORS on reads.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from functools import wraps

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from soslab.core import exports
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
READ_METHODS = exports.READ_METHODS
MAX_VALUES = 50  # values of one multi-value filter
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
    def __init__(self, status, description, headers=None):
        super().__init__(description)
        self.status = status
        self.description = str(description)
        self.headers = headers or {}


# --- rendering -----------------------------------------------------------------------------------


def _xml_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    # Stored text may predate input hygiene; XML 1.0 cannot carry control characters.
    return core_params.strip_illegal_characters(str(value))


def _xml_fill(element, item):
    for key, value in item.items():
        if value is None:
            continue
        if isinstance(value, list):
            # A list of scalars is one child per value, named after the list ("formats" -> "format").
            container = ET.SubElement(element, key)
            for entry in value:
                child = ET.SubElement(container, key[:-1] if key.endswith("s") else key)
                if isinstance(entry, dict):
                    _xml_fill(child, entry)
                else:
                    child.text = _xml_text(entry)
        else:
            ET.SubElement(element, key).text = _xml_text(value)


def _xml(root_tag, item_tag, items):
    root = ET.Element(root_tag)
    if item_tag is None:  # one object (discovery)
        _xml_fill(root, items)
    else:
        for item in items:
            _xml_fill(ET.SubElement(root, item_tag), item)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body


def render(fmt, root_tag, item_tag, items, status=200):
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
    return render(fmt, "errors", "error", [{"code": status, "description": description}], status)


def format_of(request):
    """The format a request asked for: the path's suffix, XML only when it says .xml."""
    return "xml" if request.path.endswith(".xml") else "json"


def _bad_input(request, error):
    """Bad input caught by soslab.core.params (and its middleware), in the spec's error list."""
    return _error(format_of(request), 400, error.message)


def _cors(response):
    return exports.allow_public_read(response)


def endpoint(*, write=False):
    """Every Open311 view: GET, HEAD and OPTIONS (and POST for `write`); CSRF exempt (writes
    carry an api_key, never a session cookie); `jurisdiction_id` checked; Open311Error, bad
    input and wrong methods answered in the spec's error list in the requested format; reads
    carry CORS headers."""
    allowed = (*READ_METHODS, "POST") if write else READ_METHODS

    def decorator(view):
        @csrf_exempt
        @core_params.bad_input_format(_bad_input)
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            fmt = format_of(request)
            if request.method not in allowed:
                response = _error(fmt, 405, _("This method is not allowed here."))
                response["Allow"] = ", ".join(allowed)
                return response
            if request.method == "OPTIONS":
                response = HttpResponse(status=204)
                response["Allow"] = ", ".join(allowed)
                return _cors(response)
            params = request.POST if request.method == "POST" else request.GET
            try:
                check_jurisdiction(params)
                response = view(request, *args, **kwargs)
            except Open311Error as error:
                response = _error(fmt, error.status, error.description)
                for header, value in error.headers.items():
                    response[header] = value
            if request.method != "POST":
                _cors(response)
            return response

        return wrapper

    return decorator


# --- parameters ----------------------------------------------------------------------------------


def jurisdiction_id():
    return getattr(settings, "OPEN311_JURISDICTION_ID", "jeonju.go.kr")


def check_jurisdiction(params):
    """`jurisdiction_id` is optional (we serve one city); a different one is a 404."""
    raw = _text(params, "jurisdiction_id")
    if raw and raw != jurisdiction_id():
        raise Open311Error(
            404,
            _("Unknown jurisdiction_id: this server serves %(id)s.") % {"id": jurisdiction_id()},
        )


def filter_values(params, name):
    """Every value of a filter: repeated parameters and comma-separated lists, stripped and
    without duplicates, in order (at most MAX_VALUES)."""
    values = []
    for raw in params.getlist(name) if hasattr(params, "getlist") else [params.get(name, "")]:
        if core_params.has_illegal_characters(raw):
            raise Open311Error(400, _("%(name)s contains control characters.") % {"name": name})
        for part in raw.split(","):
            part = part.strip()
            if part and part not in values:
                values.append(part)
    if len(values) > MAX_VALUES:
        raise Open311Error(
            400,
            _("%(name)s can have at most %(max)s values.") % {"name": name, "max": MAX_VALUES},
        )
    return values


def _parse_when(name, value):
    """An ISO 8601 date-time (naive means Korea time) or a date. Returns (aware datetime at the
    second, whole_day): dates and times are compared at the precision requests show (seconds)."""
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
        moment = datetime.datetime.combine(day, datetime.time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.replace(microsecond=0), day is not None


def date_range_filter(queryset, params, field):
    """Filter `field` by start_date (inclusive) and end_date (inclusive, at the second shown:
    end_date=T includes everything stamped T.xxxxxx; a bare date includes that whole day)."""
    start = end = None
    if params.get("start_date", "").strip():
        start, _whole_day = _parse_when("start_date", params["start_date"])
        queryset = queryset.filter(**{f"{field}__gte": start})
    if params.get("end_date", "").strip():
        end, whole_day = _parse_when("end_date", params["end_date"])
        step = datetime.timedelta(days=1) if whole_day else datetime.timedelta(seconds=1)
        queryset = queryset.filter(**{f"{field}__lt": end + step})
    if start is not None and end is not None and start > end:
        raise Open311Error(400, _("start_date must not be after end_date."))
    return queryset


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


def _requested_ids(parts):
    if not all(_NUMBER.fullmatch(part) for part in parts):
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


def _statuses(values):
    wanted = {value.lower() for value in values}
    if not wanted <= {STATUS_OPEN, STATUS_CLOSED}:
        raise Open311Error(400, _("status must be open, closed or both separated by a comma."))
    return wanted


def filtered_requests(params):
    """Public problems matching the Open311 parameters (and the list page's dong, tag and q, via
    soslab.problems.filters.filter_problems), newest first. Raises Open311Error on bad input."""
    from soslab.problems.filters import filter_problems
    from soslab.problems.models import CLOSED_STATUSES, OPEN_STATUSES, Problem

    queryset = Problem.objects.public()
    raw_ids = filter_values(params, "service_request_id")
    if raw_ids:
        # The spec: when request ids are given, every other filter is ignored.
        queryset, _cleaned = filter_problems(queryset, {})
        return queryset.filter(pk__in=_requested_ids(raw_ids))

    shared = {key: params[key] for key in ("dong", "tag", "q") if params.get(key)}
    queryset, _cleaned = filter_problems(queryset, shared)
    service_codes = filter_values(params, "service_code")
    if service_codes:
        queryset = queryset.filter(category__slug__in=service_codes)
    statuses = filter_values(params, "status")
    if statuses:
        wanted = _statuses(statuses)
        if wanted == {STATUS_OPEN}:
            queryset = queryset.filter(status__in=OPEN_STATUSES)
        elif wanted == {STATUS_CLOSED}:
            queryset = queryset.filter(status__in=CLOSED_STATUSES)
    return date_range_filter(queryset, params, "created_at")


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


iso = exports.timestamp  # the conventions of every export (soslab.core.exports)
coordinate = exports.coordinate


def open311_status(problem_status):
    from soslab.problems.models import CLOSED_STATUSES

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


def _english():
    return (get_language() or "ko").startswith("en")


def _base_url(request):
    return request.build_absolute_uri("/")[:-1]


# --- views ---------------------------------------------------------------------------------------


@endpoint()
def services(request, fmt):
    from soslab.problems.models import Category

    english = _english()
    items = []
    for category in Category.objects.order_by("sort_order", "name"):
        description = (english and category.description_en) or category.description
        items.append(
            compact(
                {
                    "service_code": category.slug,
                    "service_name": category.localized_name,
                    "description": description,
                    "metadata": False,
                    "type": "realtime",
                    "keywords": ", ".join(n for n in (category.name, category.name_en) if n),
                }
            )
        )
    return render(fmt, "services", "service", items)


@endpoint(write=True)
def requests(request, fmt):
    if request.method == "POST":
        from .open311_write import request_create

        return request_create(request, fmt)
    page = _positive_int(request.GET, "page", 1)
    page_size = _positive_int(request.GET, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    queryset = filtered_requests(request.GET)
    offset = (page - 1) * page_size
    rows = list(with_row_data(queryset)[offset : offset + page_size + 1])
    has_next = len(rows) > page_size
    base_url, english = _base_url(request), _english()
    items = [serialise_request(row, base_url, english) for row in rows[:page_size]]
    response = render(fmt, "service_requests", "request", items)
    if has_next:
        query = request.GET.copy()
        query["page"] = page + 1
        query["page_size"] = page_size
        next_url = request.build_absolute_uri(request.path) + "?" + urlencode(query, doseq=True)
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


def request_rows(pk):
    from soslab.problems.models import Problem

    return list(with_row_data(Problem.objects.public().filter(pk=pk)))


@endpoint()
def request_detail(request, pk, fmt):
    try:
        pk = core_params.parse_id(pk, "service_request_id")
    except core_params.BadInput:
        pk = None  # no id of ours: the same answer as a missing request
    rows = request_rows(pk) if pk else []
    if not rows:
        raise Open311Error(404, _("There is no public request with this number."))
    items = [serialise_request(rows[0], _base_url(request), _english())]
    return render(fmt, "service_requests", "request", items)


@endpoint()
def discovery(request, fmt):
    base = (
        _base_url(request)
        + reverse("geo:open311_services", kwargs={"fmt": "json"}).rsplit("/", 1)[0]
    )
    data = {
        "changeset": CHANGESET,
        "contact": settings.DEFAULT_FROM_EMAIL,
        "key_service": _("Reading needs no key. To post requests, ask %(contact)s for an API key.")
        % {"contact": settings.DEFAULT_FROM_EMAIL},
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    if fmt == "xml":
        return HttpResponse(_xml("discovery", None, data), content_type=FORMATS["xml"])
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@endpoint(write=True)
def not_found(request, rest=""):
    """Any other path under /open311/v2/: the spec's 404 error list, not an HTML page."""
    raise Open311Error(404, _("There is no Open311 endpoint at this address."))


# --- extensions ----------------------------------------------------------------------------------


@endpoint()
def token_detail(request, token, fmt):
    """GET tokens/<token>: the request id once a moderator has published a posted request."""
    from .models import Open311Submission

    submission = (
        Open311Submission.objects.filter(token=_text({"token": token}, "token"))
        .select_related("problem")
        .first()
    )
    if submission is None:
        raise Open311Error(404, _("There is no request with this token."))
    item = {"token": submission.token}
    if submission.problem.is_public:
        item["service_request_id"] = str(submission.problem_id)
    return render(fmt, "service_requests", "request", [item])


UPDATE_KINDS = ("status", "answer", "duplicate")


@endpoint()
def updates(request, fmt):
    """The servicerequestupdates extension: status changes and official answers of public
    requests, oldest first, filtered by start_date/end_date (and service_request_id)."""
    from soslab.problems.models import OfficialAnswer, Problem, TimelineEntry

    page = _positive_int(request.GET, "page", 1)
    page_size = _positive_int(request.GET, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    entries = TimelineEntry.objects.filter(
        kind__in=UPDATE_KINDS, problem__in=Problem.objects.public()
    )
    ids = filter_values(request.GET, "service_request_id")
    if ids:
        entries = entries.filter(problem_id__in=_requested_ids(ids))
    entries = date_range_filter(entries, request.GET, "created_at")
    answer = (
        OfficialAnswer.objects.filter(
            problem=OuterRef("problem"), created_at__lte=OuterRef("created_at")
        )
        .order_by("-created_at", "-pk")
        .values("body")[:1]
    )
    offset = (page - 1) * page_size
    rows = list(
        entries.annotate(answer=Subquery(answer))
        .order_by("created_at", "pk")
        .values(
            "pk",
            "problem_id",
            "problem__status",
            "kind",
            "to_status",
            "note",
            "created_at",
            "answer",
        )[offset : offset + page_size]
    )
    items = [
        compact(
            {
                "update_id": str(row["pk"]),
                "service_request_id": str(row["problem_id"]),
                "status": open311_status(row["to_status"] or row["problem__status"]),
                "updated_datetime": iso(row["created_at"]),
                "description": row["answer"] if row["kind"] == "answer" else row["note"],
            }
        )
        for row in rows
    ]
    return render(fmt, "service_request_updates", "request_update", items)
