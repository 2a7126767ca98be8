"""The problem maps: /map/ (problems, with the list's filters), /map/dongs/ (choropleth of
problems per dong) and the hotspot pages (a hotspot's reports; staff merge them into one thread).
Each map has a text alternative with the same data on the same page."""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from geo import maps
from geo.choropleth import COLOURS, choropleth_map, class_breaks
from geo.models import Hotspot
from soslab.problems.filters import filter_problems
from soslab.problems.models import Category, Problem
from soslab.problems.services import ProblemRefused

from . import services
from .params import BadParameter
from .stats import METRICS, PERIODS, dong_counts

PAGE_SIZE = 20


class KnownCountPaginator(Paginator):
    """A paginator told its row count (already known from a cached aggregate)."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


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
        "hotspot": _("Hotspot"),
        "hotspot_reports": _("%(count)s reports"),
        "hotspot_open": _("Reports in this hotspot"),
    }


@require_GET
def problems_map(request):
    """The problems map with the list's filters; the same query string as /problems/."""
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
        "hotspots": list(Hotspot.objects.select_related("dong").defer("area", "problem_ids")[:20]),
        "map_labels": map_labels(),
        **maps.page_context(maps.problems_map()),
    }
    return render(request, "maps/problems_map.html", context)


@require_GET
def dongs_map(request):
    """Choropleth of public problems per dong: count or per km², by category and period."""
    try:
        rows, meta = dong_counts(request.GET)
    except BadParameter as exc:
        messages.error(request, exc.message)
        return redirect("maps:dongs")
    values = [row["value"] for row in rows.values()]
    breaks = class_breaks(values)
    colours = COLOURS[: len(breaks) + 1]
    metric_label = str(METRICS[meta["metric"]])
    key = f"dongs:{meta['metric']}:{meta['period']}:{meta['category'].pk if meta['category'] else '-'}:{hash(tuple(sorted((k, r['value']) for k, r in rows.items())))}"
    parts = maps.render_cached(key, lambda: choropleth_map(rows, breaks, colours, metric_label))
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
        **maps.page_context(parts),
    }
    return render(request, "maps/dongs_map.html", context)


@require_GET
def hotspot_list(request):
    """Every hotspot, largest first, 20 a page (the map shows the largest few)."""
    hotspots = Hotspot.objects.select_related("dong").defer("area", "problem_ids")
    page = Paginator(hotspots, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "maps/hotspot_list.html", {"page": page})


@require_GET
def hotspot_detail(request, pk):
    """A hotspot's public reports, 20 a page; staff can merge them into one thread."""
    hotspot = get_object_or_404(Hotspot.objects.select_related("dong").defer("area"), pk=pk)
    problems = (
        Problem.objects.public()
        .filter(pk__in=hotspot.problem_ids)
        .select_related("category")
        .order_by("-support_count", "created_at", "pk")
    )
    return render(
        request,
        "maps/hotspot_detail.html",
        {
            "hotspot": hotspot,
            "page": Paginator(problems, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@require_POST
def hotspot_merge(request, pk):
    """Staff: keep one report as the thread, mark the others duplicates of it."""
    if not request.user.has_perm("maps.merge_hotspot"):
        return HttpResponseForbidden(_("Only staff can merge reports."))
    hotspot = get_object_or_404(Hotspot, pk=pk)
    try:
        original_id = int(request.POST.get("original", ""))
    except ValueError:
        original_id = None
    if original_id not in hotspot.problem_ids:
        messages.error(request, _("Choose which report to keep as the thread."))
        return redirect("maps:hotspot", pk=pk)
    original = Problem.objects.filter(pk=original_id).first()
    if original is None:
        raise Http404
    note = (request.POST.get("note") or "").strip()[:500]
    try:
        merged = services.hotspot_merge(
            hotspot=hotspot, original=original, actor=request.user, note=note
        )
    except ProblemRefused as exc:
        messages.error(request, str(exc))
        return redirect("maps:hotspot", pk=pk)
    messages.success(
        request,
        _("%(count)s reports were merged into “%(title)s”.")
        % {"count": merged, "title": original.title},
    )
    return redirect(original.get_absolute_url())
