"""Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read and write; the client
documentation is docs/open311.md.

Reads: services (the problem categories), requests (public problems only: hidden and pending
never), single requests, tokens of posted requests and the servicerequestupdates extension, in JSON
and XML. Every point is the published one (Problem.public_lat/public_lon from geo.privacy: minors'
rounded to about 100 m), like the open-data downloads; time stamps and coordinates follow
soslab.core.exports. A list is one query whatever its size (first photo and latest public note
are subqueries); pages hold 50 requests by default and 200 at most, and a `Link: rel="next"`
header says when there is another page.

Every view goes through `endpoint` (soslab/open311/endpoint.py): GET/HEAD/OPTIONS (POST for
requests, see soslab/open311/write.py), CSRF exempt, jurisdiction_id checked, every error in the
spec's error list in the requested format (soslab/open311/formats.py), CORS on reads. Parameters
are read by soslab/open311/params.py, request rows by soslab/open311/rows.py.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from soslab.core import params as core_params
from soslab.problems.models import Category, OfficialAnswer, Problem, TimelineEntry

from .endpoint import endpoint
from .formats import FORMATS, Open311Error, render, xml_document
from .models import Open311Submission
from .params import (
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    date_range_filter,
    filter_values,
    positive_int,
    requested_ids,
    text_param,
)
from .rows import (
    compact,
    filtered_requests,
    iso,
    open311_status,
    request_rows,
    serialise_request,
    with_row_data,
)
from .write import request_create

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-21T00:00:00+09:00"


def _english():
    return (get_language() or "ko").startswith("en")


def _base_url(request):
    return request.build_absolute_uri("/")[:-1]


# --- views ---------------------------------------------------------------------------------------


@endpoint()
def services(request, fmt):
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
        return request_create(request, fmt)
    page = positive_int(request.GET, "page", 1)
    page_size = positive_int(request.GET, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
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
        _base_url(request) + reverse("open311:services", kwargs={"fmt": "json"}).rsplit("/", 1)[0]
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
        return HttpResponse(xml_document("discovery", None, data), content_type=FORMATS["xml"])
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@endpoint(write=True)
def not_found(request, rest=""):
    """Any other path under /open311/v2/: the spec's 404 error list, not an HTML page."""
    raise Open311Error(404, _("There is no Open311 endpoint at this address."))


# --- extensions ----------------------------------------------------------------------------------


@endpoint()
def token_detail(request, token, fmt):
    """GET tokens/<token>: the request id once a moderator has published a posted request."""
    submission = (
        Open311Submission.objects.filter(token=text_param({"token": token}, "token"))
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
    page = positive_int(request.GET, "page", 1)
    page_size = positive_int(request.GET, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    entries = TimelineEntry.objects.filter(
        kind__in=UPDATE_KINDS, problem__in=Problem.objects.public()
    )
    ids = filter_values(request.GET, "service_request_id")
    if ids:
        entries = entries.filter(problem_id__in=requested_ids(ids))
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
