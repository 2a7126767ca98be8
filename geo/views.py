"""Map pages: /map/ (problems), /map/dongs/ (choropleth), /map/air/ (air quality), hotspot pages
and /open-data/. Each map has a text alternative with the same data on the same page."""

import hashlib
from datetime import timedelta

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from soslab.accounts.rules import user_is_moderator

from . import maps
from .air import GRADES, grade_for
from .models import AirReading, AirStation, Hotspot, TrafficSpot
from .services import latest_readings
from .stats import COLOURS, METRICS, PERIODS, class_breaks, dong_counts

PAGE_SIZE = 20


class KnownCountPaginator(Paginator):
    """A paginator told its row count (already known from a cached aggregate)."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


def _map_context(parts):
    return {"map_parts": parts, "map_assets": maps.vendor_assets()}


def map_labels():
    """Translated strings for static/js/map.js (placeholders replaced in the browser)."""
    return {
        "supports": _("Supports: %(count)s"),
        "open": _("Open this problem"),
        "approximate": _("Location shown to about 100 m"),
        "loading": _("Loading problems for this view…"),
        "failed": _("Problems could not be loaded. The list below still works."),
        "shown": _("%(count)s problems in this view."),
        "cluster": _("%(count)s problems here: zoom in"),
        "aggregated": _("Problems (grouped when zoomed out)"),
    }


@require_GET
def problems_map(request):
    """The problems map with the list's filters; the same query string as /problems/."""
    from soslab.problems.filters import filter_problems
    from soslab.problems.models import Category, Problem

    queryset, cleaned = filter_problems(Problem.objects.public(), request.GET)
    categories = list(Category.objects.all())
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("bbox", None)
    # One GROUP BY per filter combination a minute: per-category counts also give the total, so
    # the paginator does not count again.
    counts_key = "geo:mapcounts:" + hashlib.sha256(query.urlencode().encode()).hexdigest()[:32]
    counts = cache.get(counts_key)
    if counts is None:
        counts = dict(
            queryset.order_by()
            .values_list("category_id")
            .annotate(n=Count("pk"))
            .values_list("category_id", "n")
        )
        cache.set(counts_key, counts, 60)
    paginator = KnownCountPaginator(
        queryset.select_related("category", "dong"), PAGE_SIZE, count=sum(counts.values())
    )
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filter_form": cleaned["form"],
        "filters": cleaned,
        "page": page,
        "category_rows": [
            {"category": category, "count": counts.get(category.pk, 0)} for category in categories
        ],
        "total": sum(counts.values()),
        "categories_json": [
            {"id": c.pk, "slug": c.slug, "name": c.localized_name, "colour": c.colour}
            for c in categories
        ],
        "filter_query": query.urlencode(),
        "hotspots": list(Hotspot.objects.select_related("dong")[:20]),
        "map_labels": map_labels(),
        **_map_context(maps.problems_map()),
    }
    return render(request, "geo/problems_map.html", context)


@require_GET
def dongs_map(request):
    """Choropleth of public problems per dong: count or per km², by category and period."""
    from soslab.problems.models import Category

    from .api import BadParameter

    try:
        rows, meta = dong_counts(request.GET)
    except BadParameter as exc:
        messages.error(request, exc.message)
        return redirect("geo:dongs")
    values = [row["value"] for row in rows.values()]
    breaks = class_breaks(values)
    colours = COLOURS[: len(breaks) + 1]
    metric_label = str(METRICS[meta["metric"]])
    key = f"dongs:{meta['metric']}:{meta['period']}:{meta['category'].pk if meta['category'] else '-'}:{hash(tuple(sorted((k, r['value']) for k, r in rows.items())))}"
    parts = maps.render_cached(
        key, lambda: maps.choropleth_map(rows, breaks, colours, metric_label)
    )
    legend = []
    lower = None
    for index, colour in enumerate(colours):
        upper = breaks[index] if index < len(breaks) else None
        legend.append({"colour": colour, "lower": lower, "upper": upper})
        lower = upper
    table = sorted(rows.values(), key=lambda row: (-row["value"], row["gu"], row["name"]))
    context = {
        "rows": table,
        "legend": legend,
        "metric": meta["metric"],
        "metric_label": metric_label,
        "period": meta["period"],
        "category": meta["category"],
        "categories": Category.objects.all(),
        "periods": [(key, label) for key, (label, _days) in PERIODS.items()],
        "metrics": list(METRICS.items()),
        **_map_context(parts),
    }
    return render(request, "geo/dongs_map.html", context)


@require_GET
def air_page(request):
    """The 7 stations: latest PM10/PM2.5 with Korean grades, and a 7-day chart and table each."""
    from .charts import daily_summary, pm_chart

    stations = list(AirStation.objects.select_related("dong"))
    latest = latest_readings()
    end = timezone.now()
    start = end - timedelta(days=7)
    readings_by_station = {}
    for reading in AirReading.objects.filter(hour__gte=start, hour__lte=end).order_by("hour"):
        readings_by_station.setdefault(reading.station_id, []).append(reading)
    rows = []
    any_synthetic = False
    for station in stations:
        reading = latest.get(station.pk)
        week = readings_by_station.get(station.pk, [])
        synthetic = any(r.is_synthetic for r in week) or bool(reading and reading.is_synthetic)
        any_synthetic = any_synthetic or synthetic
        rows.append(
            {
                "station": station,
                "reading": reading,
                "pm10_grade": grade_for("pm10", reading.pm10) if reading else None,
                "pm25_grade": grade_for("pm25", reading.pm25) if reading else None,
                "synthetic": synthetic,
                "chart": pm_chart(
                    week,
                    title=_("PM10 and PM2.5 at %(station)s station, last 7 days")
                    % {"station": station.name},
                    description=_(
                        "Hourly PM10 (solid line) and PM2.5 (dashed line) in µg/m³ over the "
                        "PM10 grade bands. The table below gives daily averages and maxima."
                    ),
                    start=start,
                    end=end,
                )
                if week
                else None,
                "days": daily_summary(week),
            }
        )
    parts = maps.render_cached(
        f"air:{max((r.hour for r in latest.values()), default='none')}",
        lambda: maps.air_map(stations, latest),
    )
    context = {
        "rows": rows,
        "grades": GRADES.values(),
        "any_synthetic": any_synthetic,
        **_map_context(parts),
    }
    return render(request, "geo/air.html", context)


@require_GET
def hotspot_detail(request, pk):
    """A hotspot's public reports; staff can merge them into one thread."""
    from soslab.problems.models import Problem

    hotspot = get_object_or_404(Hotspot.objects.select_related("dong"), pk=pk)
    problems = list(
        Problem.objects.public()
        .filter(pk__in=hotspot.problem_ids)
        .select_related("category")
        .order_by("-support_count", "created_at")
    )
    return render(
        request,
        "geo/hotspot_detail.html",
        {
            "hotspot": hotspot,
            "problems": problems,
            "can_merge": user_is_moderator(request.user) and request.user.is_staff,
        },
    )


@require_POST
def hotspot_merge(request, pk):
    """Staff: keep one report as the thread, mark the others duplicates of it."""
    from soslab.problems.models import Problem
    from soslab.problems.services import ProblemRefused

    from .services import hotspot_merge as merge

    if not (request.user.is_authenticated and request.user.is_staff):
        return HttpResponseForbidden(_("Only staff can merge reports."))
    hotspot = get_object_or_404(Hotspot, pk=pk)
    try:
        original_id = int(request.POST.get("original", ""))
    except ValueError:
        original_id = None
    if original_id not in hotspot.problem_ids:
        messages.error(request, _("Choose which report to keep as the thread."))
        return redirect("geo:hotspot", pk=pk)
    original = Problem.objects.filter(pk=original_id).first()
    if original is None:
        raise Http404
    note = (request.POST.get("note") or "").strip()[:500]
    try:
        merged = merge(hotspot=hotspot, original=original, actor=request.user, note=note)
    except ProblemRefused as exc:
        messages.error(request, str(exc))
        return redirect("geo:hotspot", pk=pk)
    messages.success(
        request,
        _("%(count)s reports were merged into “%(title)s”.")
        % {"count": merged, "title": original.title},
    )
    return redirect(original.get_absolute_url())


@require_GET
def open_data(request):
    from soslab.problems.models import Problem

    return render(
        request,
        "geo/open_data.html",
        {
            "problem_count": Problem.objects.public().count(),
            "traffic_count": TrafficSpot.objects.count(),
            "station_count": AirStation.objects.count(),
        },
    )
