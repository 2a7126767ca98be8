"""Open311 request parameters: multi-value filters, ISO 8601 date ranges, page numbers and
request ids, each refused with the spec's 400 error (Open311Error) and a precise message."""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from soslab.core import params as core_params

from .formats import Open311Error

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_IDS = MAX_PAGE_SIZE
MAX_VALUES = 50  # values of one multi-value filter
STATUS_OPEN, STATUS_CLOSED = "open", "closed"
_NUMBER = re.compile(r"[0-9]{1,9}")


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


def positive_int(params, name, default, maximum=None):
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


def requested_ids(parts):
    if not all(_NUMBER.fullmatch(part) for part in parts):
        raise Open311Error(
            400, _("service_request_id must be one or more request numbers separated by commas.")
        )
    if len(parts) > MAX_IDS:
        raise Open311Error(400, _("Ask for at most %(max)s requests at once.") % {"max": MAX_IDS})
    return [int(part) for part in parts]


def text_param(query, name):
    try:
        return core_params.query_text(query, name)
    except core_params.BadInput as error:
        raise Open311Error(400, error.message) from error


def statuses_wanted(values):
    wanted = {value.lower() for value in values}
    if not wanted <= {STATUS_OPEN, STATUS_CLOSED}:
        raise Open311Error(400, _("status must be open, closed or both separated by a comma."))
    return wanted
