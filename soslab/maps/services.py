"""Hotspots over the problem reports: recompute them from the public reports (the clustering
itself is geo.hotspots, pure geometry), schedule a debounced recomputation after reports change,
and merge a hotspot's reports into one thread through the problems app's duplicate mechanism."""

from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from geo.hotspots import find_clusters
from geo.models import Hotspot
from soslab.core.outbox import enqueue
from soslab.problems.models import Problem, ProblemStatus
from soslab.problems.services import problem_mark_duplicate

SCHEDULED_KEY = "geo:hotspots:scheduled"


def hotspot_problems():
    """Public, not-duplicate problems with a point: what hotspots are computed from (their
    published points, so a hotspot's outline never reveals a minor's exact point)."""
    return (
        Problem.objects.public()
        .exclude(status=ProblemStatus.DUPLICATE)
        .filter(public_lat__isnull=False, public_lon__isnull=False)
    )


def hotspots_recompute(*, min_reports=None, radius_m=None):
    """Recompute every hotspot from the current public reports and replace the stored ones in one
    transaction (readers never see a half-written set). Returns the number of hotspots."""
    min_reports = min_reports or settings.GEO_HOTSPOT_MIN_REPORTS
    radius_m = radius_m or settings.GEO_HOTSPOT_RADIUS_M
    rows = list(
        hotspot_problems().values_list(
            "pk", "public_lon", "public_lat", "category__name", "dong_id"
        )
    )
    ids = [row[0] for row in rows]
    lons = [row[1] for row in rows]
    lats = [row[2] for row in rows]
    by_id = {row[0]: row for row in rows}
    clusters = find_clusters(ids, lons, lats, min_reports=min_reports, radius_m=radius_m)
    now = timezone.now()
    hotspots = []
    for cluster in clusters:
        members = [by_id[pk] for pk in cluster.ids]
        top_category = Counter(row[3] for row in members).most_common(1)[0][0]
        top_dong = Counter(row[4] for row in members if row[4]).most_common(1)
        hotspots.append(
            Hotspot(
                lat=cluster.lat,
                lon=cluster.lon,
                area=cluster.area,
                report_count=len(cluster.ids),
                problem_ids=cluster.ids,
                dong_id=top_dong[0][0] if top_dong else None,
                top_category=top_category or "",
                computed_at=now,
            )
        )
    with transaction.atomic():
        Hotspot.objects.all().delete()
        Hotspot.objects.bulk_create(hotspots)
    return len(hotspots)


def hotspots_schedule():
    """Ask for a hotspot recomputation after new reports, debounced: however many reports arrive
    within GEO_HOTSPOT_DEBOUNCE_SECONDS, one task runs at the end of that window. Call it from
    transaction.on_commit (the signal in soslab.maps.apps does, for every saved or deleted problem)."""
    delay = settings.GEO_HOTSPOT_DEBOUNCE_SECONDS
    if cache.add(SCHEDULED_KEY, 1, timeout=delay):
        enqueue("soslab.maps.tasks.recompute_hotspots", countdown=delay)
        return True
    return False


def hotspot_merge(*, hotspot, original, actor, note=""):
    """Staff: mark every other open report of a hotspot as a duplicate of `original` (one thread),
    through the problems app's duplicate mechanism. Returns how many reports were merged."""
    if original.pk not in hotspot.problem_ids:
        raise ValueError("the original must be one of the hotspot's reports")
    merged = 0
    with transaction.atomic():
        duplicates = (
            Problem.objects.filter(pk__in=hotspot.problem_ids)
            .exclude(pk=original.pk)
            .exclude(status=ProblemStatus.DUPLICATE)
            .order_by("pk")
        )
        for duplicate in duplicates:
            problem_mark_duplicate(duplicate=duplicate, original=original, actor=actor, note=note)
            merged += 1
        transaction.on_commit(hotspots_schedule)
    return merged
