"""Hotspots over the problem reports: recompute them from the public reports (the clustering
itself is geo.hotspots, pure geometry), schedule a recomputation after reports change (debounced on
the trailing edge), and merge a hotspot's reports into one thread through the problems app's
duplicate mechanism."""

from collections import Counter
from datetime import timedelta
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from geo.hotspots import find_clusters
from geo.models import Hotspot
from soslab.core.outbox import enqueue
from soslab.problems.models import Category, Problem, ProblemStatus
from soslab.problems.services import problem_mark_duplicate

SCHEDULED_KEY = "geo:hotspots:scheduled"  # set while a recomputation is queued or running
GENERATION_KEY = "geo:hotspots:generation"  # bumped by every committed change to the reports
RECOMPUTE_TASK = "soslab.maps.tasks.recompute_hotspots"


def hotspot_problems(*, since=None):
    """Public, not-duplicate problems with a point, reported since `since` (when given): what
    hotspots are computed from (their published points, so a hotspot's outline never reveals a
    minor's exact point)."""
    problems = (
        Problem.objects.public()
        .exclude(status=ProblemStatus.DUPLICATE)
        .filter(public_lat__isnull=False, public_lon__isnull=False)
    )
    return problems.filter(created_at__gte=since) if since else problems


def _hotspot(cluster, rows, category_name, now):
    top_dong = Counter(rows[pk][1] for pk in cluster.ids if rows[pk][1]).most_common(1)
    return Hotspot(
        lat=cluster.lat,
        lon=cluster.lon,
        area=cluster.area,
        report_count=len(cluster.ids),
        problem_ids=cluster.ids,
        dong_id=top_dong[0][0] if top_dong else None,
        top_category=category_name[:40],
        computed_at=now,
    )


def hotspots_recompute(*, min_reports=None, radius_m=None, max_width_m=None, window_days=None):
    """Recompute every hotspot from the public reports of the last `window_days` days, one category
    at a time, and replace the stored ones in one transaction (readers never see a half-written
    set). Settings GEO_HOTSPOT_* give the defaults. Returns the number of hotspots."""
    min_reports = min_reports or settings.GEO_HOTSPOT_MIN_REPORTS
    radius_m = radius_m or settings.GEO_HOTSPOT_RADIUS_M
    max_width_m = max_width_m or settings.GEO_HOTSPOT_MAX_WIDTH_M
    window_days = settings.GEO_HOTSPOT_WINDOW_DAYS if window_days is None else window_days
    now = timezone.now()
    since = now - timedelta(days=window_days) if window_days else None
    rows = (
        hotspot_problems(since=since)
        .order_by("category_id", "pk")
        .values_list("category_id", "pk", "public_lon", "public_lat", "dong_id")
    )
    names = dict(Category.objects.values_list("pk", "name"))
    hotspots = []
    for category_id, group in groupby(rows.iterator(chunk_size=5000), key=itemgetter(0)):
        group = list(group)
        by_pk = {row[1]: (row[0], row[4]) for row in group}
        clusters = find_clusters(
            [row[1] for row in group],
            [row[2] for row in group],
            [row[3] for row in group],
            min_reports=min_reports,
            radius_m=radius_m,
            max_width_m=max_width_m,
        )
        name = names.get(category_id, "")
        hotspots.extend(_hotspot(cluster, by_pk, name, now) for cluster in clusters)
    hotspots.sort(key=lambda hotspot: (-hotspot.report_count, hotspot.problem_ids[0]))
    with transaction.atomic():
        Hotspot.objects.all().delete()
        Hotspot.objects.bulk_create(hotspots, batch_size=500)
    return len(hotspots)


def _generation():
    return cache.get(GENERATION_KEY, 0)


def _generation_bump():
    if cache.add(GENERATION_KEY, 1, timeout=None):
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # expired or evicted between add and incr
        cache.add(GENERATION_KEY, 1, timeout=None)


def _queue():
    """Queue one recomputation unless one is already queued or running (SCHEDULED_KEY)."""
    delay = settings.GEO_HOTSPOT_DEBOUNCE_SECONDS
    # The key outlives the countdown plus the task's time limit, so a crashed worker only delays
    # the next recomputation; it never blocks it for good (and the beat safety net runs anyway).
    if cache.add(SCHEDULED_KEY, 1, timeout=delay + 660):
        enqueue(RECOMPUTE_TASK, countdown=delay)
        return True
    return False


def hotspots_schedule():
    """Ask for a hotspot recomputation after reports changed (call it from transaction.on_commit;
    the signal in soslab.maps.apps does, once per transaction that saves or deletes problems).

    Trailing-edge debounce with a generation counter: every call bumps GENERATION_KEY; the first
    call queues one task GEO_HOTSPOT_DEBOUNCE_SECONDS later and later calls ride on it. The task
    (`hotspots_recompute_scheduled`) notes the generation before reading the reports; when it moved
    while it ran, it queues one more run, so the last change is never lost, and a burst of reports
    costs one or two recomputations. In-process (eager, the embedded default) the task runs at once
    after the commit: the report that completes a hotspot shows it in the same request."""
    _generation_bump()
    return _queue()


def hotspots_recompute_scheduled():
    """The body of the recompute task: recompute, release the schedule, and queue one more run if
    reports changed while this one was computing. Returns the number of hotspots."""
    seen = _generation()
    try:
        count = hotspots_recompute()
    finally:
        cache.delete(SCHEDULED_KEY)
    if _generation() != seen:
        _queue()
    return count


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
