"""Problem statistics per dong for the choropleth: counts and density, by category and period.
One GROUP BY query over indexed columns (dong, created_at, category), cached briefly."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERIODS = {
    "7d": (_("Last 7 days"), 7),
    "30d": (_("Last 30 days"), 30),
    "365d": (_("Last 12 months"), 365),
    "all": (_("All time"), None),
}
METRICS = {"count": _("Problems"), "density": _("Problems per km²")}
COLOURS = ["#f1f5f9", "#c7d2fe", "#818cf8", "#4f46e5", "#312e81"]


def _choice(params, name, choices, default):
    value = params.get(name) or default
    if value not in choices:
        from .api import BadParameter

        raise BadParameter(_("Unknown %(name)s.") % {"name": name}, f"invalid_{name}")
    return value


def dong_counts(params):
    """({dong code: {count, density, area_km2, name, gu}}, meta) for public problems filtered by
    category (slug), period (7d, 30d, 365d, all) and metric (count, density)."""
    from soslab.problems.models import Category, Problem

    from .models import Dong

    period = _choice(params, "period", PERIODS, "all")
    metric = _choice(params, "metric", METRICS, "count")
    category = None
    if params.get("category"):
        category = Category.objects.filter(slug=params["category"]).first()
        if category is None:
            from .api import BadParameter

            raise BadParameter(_("Unknown category."), "invalid_category")
    key = f"geo:dongcounts:{period}:{category.pk if category else '-'}"
    counts = cache.get(key)
    if counts is None:
        queryset = Problem.objects.public().filter(dong__isnull=False)
        days = PERIODS[period][1]
        if days:
            queryset = queryset.filter(created_at__gte=timezone.now() - timedelta(days=days))
        if category:
            queryset = queryset.filter(category=category)
        counts = dict(
            queryset.order_by()
            .values_list("dong__code")
            .annotate(n=Count("pk"))
            .values_list("dong__code", "n")
        )
        cache.set(key, counts, 120)
    rows = {}
    for dong in Dong.objects.all():
        count = counts.get(dong.code, 0)
        density = round(count / dong.area_km2, 2) if dong.area_km2 else 0
        value = count if metric == "count" else density
        rows[dong.code] = {
            "code": dong.code,
            "name": dong.name,
            "gu": dong.gu,
            "count": count,
            "density": density,
            "area_km2": dong.area_km2,
            "value": value,
            "label": f"{value:g}",
        }
    meta = {"period": period, "metric": metric, "category": category}
    return rows, meta


def class_breaks(values, classes=None):
    """Ascending upper bounds for `classes` classes: 0 in its own class, then quantiles of the
    non-zero values (rounded up, de-duplicated). Returns len <= classes - 1 bounds."""
    classes = classes or len(COLOURS)
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return [0]
    breaks = [0]
    for index in range(1, classes - 1):
        position = min(len(positive) - 1, int(len(positive) * index / (classes - 1)))
        bound = positive[position]
        bound = round(bound, 2)
        if bound > breaks[-1]:
            breaks.append(bound)
    return breaks
