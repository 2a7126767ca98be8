"""The page's filters, parsed through soslab.core.params: a bad value is a precise 400."""

from dataclasses import dataclass
from datetime import timedelta

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


@dataclass(frozen=True)
class Filters:
    period: str = DEFAULT_PERIOD
    category: Category | None = None

    @property
    def since(self):
        """Start of the period (None for all time)."""
        span = PERIODS[self.period][1]
        return None if span is None else timezone.now() - span

    @property
    def cache_key(self):
        return f"{self.period}:{self.category.pk if self.category else ''}"

    def query(self):
        """The query string that reproduces these filters (for CSV links)."""
        parts = [f"period={self.period}"]
        if self.category:
            parts.append(f"category={self.category.slug}")
        return "&".join(parts)


def parse_filters(params):
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
    return Filters(period=period, category=category)
