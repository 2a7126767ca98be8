"""Problem statistics per dong for the choropleth: counts and density, by category and period.
One GROUP BY query over indexed columns (dong, created_at, category), cached briefly."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from geo.models import Dong
from soslab.problems.models import Category, Problem

from .params import BadParameter, choice

PERIODS = {
    "7d": (_("Last 7 days"), 7),
    "30d": (_("Last 30 days"), 30),
    "365d": (_("Last 12 months"), 365),
    "all": (_("All time"), None),
}
METRICS = {"count": _("Problems"), "density": _("Problems per km²")}


def dong_counts(params):
    """({dong code: {count, density, area_km2, name, gu}}, meta) for public problems filtered by
    category (slug), period (7d, 30d, 365d, all) and metric (count, density)."""
    period = choice(params, "period", PERIODS, "all")
    metric = choice(params, "metric", METRICS, "count")
    category = None
    if params.get("category"):
        category = Category.objects.filter(slug=params["category"]).first()
        if category is None:
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
