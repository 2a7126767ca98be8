"""The page's filters, parsed through soslab.core.params: a bad value is a precise 400.

`period` (a rolling window), `category`, and a month range `from`/`to` (YYYY-MM, both optional,
Seoul months: from the first day of `from` to the end of `to`). All of them apply together."""

import datetime as dt
import re
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from soslab.core.params import BadInput, query_text
from soslab.problems.models import Category

PERIODS = {
    "30d": (gettext_lazy("Last 30 days"), timedelta(days=30)),
    "12m": (gettext_lazy("Last 12 months"), timedelta(days=365)),
    "all": (gettext_lazy("All time"), None),
}
DEFAULT_PERIOD = "all"
MONTH_FIELDS = ("from", "to")
SEOUL = ZoneInfo("Asia/Seoul")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Filters:
    period: str = DEFAULT_PERIOD
    category: Category | None = None
    month_from: dt.date | None = None  # first day of the first month
    month_to: dt.date | None = None  # first day of the last month (included)

    @property
    def since(self):
        """Start of what is counted (None: from the beginning): the later of the period's
        start and the first day of `from`."""
        span = PERIODS[self.period][1]
        starts = [] if span is None else [timezone.now() - span]
        if self.month_from is not None:
            starts.append(_midnight(self.month_from))
        return max(starts) if starts else None

    @property
    def until(self):
        """End of what is counted, exclusive (None: up to now): the first day after `to`."""
        return None if self.month_to is None else _midnight(_next_month(self.month_to))

    @property
    def cache_key(self):
        months = ":".join(f"{month:%Y-%m}" if month else "" for month in self.months)
        return f"{self.period}:{self.category.pk if self.category else ''}:{months}"

    @property
    def months(self):
        return (self.month_from, self.month_to)

    def query(self):
        """The query string that reproduces these filters (for CSV links)."""
        parts = [f"period={self.period}"]
        if self.category:
            parts.append(f"category={self.category.slug}")
        for name, month in zip(MONTH_FIELDS, self.months, strict=True):
            if month:
                parts.append(f"{name}={month:%Y-%m}")
        return "&".join(parts)

    def file_suffix(self):
        """What the CSV file name says about the filters."""
        months = "_".join(f"{month:%Y-%m}" if month else "" for month in self.months)
        return self.period if months == "_" else f"{self.period}-{months}"


def _midnight(day):
    return dt.datetime.combine(day, dt.time.min, tzinfo=SEOUL)


def _next_month(day):
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month(params, name):
    """The first day of the month named by `name` (YYYY-MM), None when empty."""
    value = query_text(params, name, max_length=20)
    if not value:
        return None
    match = _MONTH.fullmatch(value)
    year, month = (int(match[1]), int(match[2])) if match else (0, 0)
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        label = _("From month") if name == "from" else _("To month")
        raise BadInput(
            name,
            _("%(label)s: enter a month as YYYY-MM, for example 2026-03.") % {"label": label},
            code="invalid_month",
        )
    return dt.date(year, month, 1)


def parse_months(params):
    """(first month, last month) from `from`/`to`; raises BadInput when one is not a month or
    the range runs backwards."""
    month_from, month_to = _month(params, "from"), _month(params, "to")
    if month_from and month_to and month_from > month_to:
        raise BadInput(
            "from",
            _("The first month (%(start)s) is after the last month (%(end)s).")
            % {"start": f"{month_from:%Y-%m}", "end": f"{month_to:%Y-%m}"},
            code="months_reversed",
        )
    return month_from, month_to


def parse_filters(params, *, months=True):
    """Filters from the query string; `months=False` ignores `from`/`to` (the page shows the
    other filters' numbers next to a month error)."""
    period = query_text(params, "period", default=DEFAULT_PERIOD, max_length=10) or DEFAULT_PERIOD
    if period not in PERIODS:
        raise BadInput(
            "period",
            _("period must be one of: %(choices)s.") % {"choices": ", ".join(PERIODS)},
        )
    slug = query_text(params, "category", max_length=40)
    category = None
    if slug:
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            raise BadInput("category", _("There is no category %(slug)s.") % {"slug": slug})
    month_from, month_to = parse_months(params) if months else (None, None)
    return Filters(period=period, category=category, month_from=month_from, month_to=month_to)
