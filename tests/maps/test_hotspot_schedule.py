"""When hotspots are recomputed: which reports count (a category, a recent window, public points)
and the debounce after reports change (at once in-process; trailing edge with a worker)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from geo.models import Hotspot
from soslab.maps import services
from soslab.maps.services import (
    GENERATION_KEY,
    SCHEDULED_KEY,
    hotspots_recompute,
    hotspots_recompute_scheduled,
    hotspots_schedule,
)
from soslab.problems.models import Problem
from tests.geo.test_hotspots import offset
from tests.problems.factories import CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db

SPOT = (127.1300, 35.8400)


@pytest.fixture
def traffic(dongs):
    return CategoryFactory(slug="traffic", name="교통")


def report(category, metres_east=0, **kwargs):
    lon, lat = offset(metres_east, 0, origin=SPOT)
    return ProblemFactory(category=category, lat=lat, lon=lon, **kwargs)


def report_in_own_request(capture, category, metres_east=0):
    """One report committed on its own, as one request does (its on_commit hooks run)."""
    with capture(execute=True):
        return report(category, metres_east)


# --- which reports make a hotspot --------------------------------------------------------------


def test_hotspots_are_per_category(traffic):
    safety = CategoryFactory(slug="safety", name="안전")
    for index in range(3):
        report(traffic, 10 * index)
    for index in range(2):
        report(safety, 10 * index)
    assert hotspots_recompute() == 0
    for index in range(3):
        report(safety, 30 + 10 * index)
    assert hotspots_recompute() == 1
    assert Hotspot.objects.get().top_category == "안전"


def test_only_reports_of_the_recent_window_count(traffic, settings):
    settings.GEO_HOTSPOT_WINDOW_DAYS = 90
    old = [report(traffic, 10 * index) for index in range(5)]
    Problem.objects.filter(pk__in=[p.pk for p in old]).update(
        created_at=timezone.now() - timedelta(days=91)
    )
    assert hotspots_recompute() == 0
    assert hotspots_recompute(window_days=0) == 1  # 0: all time
    settings.GEO_HOTSPOT_WINDOW_DAYS = 120
    assert hotspots_recompute() == 1


def test_a_hotspot_page_is_paginated_with_constant_queries(
    client, traffic, django_assert_max_num_queries
):
    for index in range(45):
        report(traffic, 2 * index)
    assert hotspots_recompute() == 1
    hotspot = Hotspot.objects.get()
    with django_assert_max_num_queries(12):
        first = client.get(f"/map/hotspots/{hotspot.pk}/")
    with django_assert_max_num_queries(12):
        last = client.get(f"/map/hotspots/{hotspot.pk}/?page=3")
    assert len(first.context["page"].object_list) == 20
    assert len(last.context["page"].object_list) == 5
    assert client.get(f"/map/hotspots/{hotspot.pk}/?page=oops").status_code == 200


def test_the_hotspot_list_is_paginated_with_constant_queries(
    client, dongs, django_assert_max_num_queries
):
    for number in range(23):  # 23 categories, 23 hotspots at 23 places
        category = CategoryFactory(slug=f"c{number}", name=f"분야{number}")
        for index in range(5):
            report(category, 600 * number + 10 * index)
    assert hotspots_recompute() == 23
    with django_assert_max_num_queries(12):
        first = client.get("/map/hotspots/")
    with django_assert_max_num_queries(12):
        second = client.get("/map/hotspots/?page=2")
    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 3
    features = client.get("/api/geo/hotspots.geojson").json()["features"]
    assert len(features) == 23
    assert all(feature["geometry"]["type"] == "Polygon" for feature in features)


# --- in-process (eager, the embedded default) -----------------------------------------------


def test_the_fifth_nearby_report_makes_the_hotspot_in_its_own_request(
    traffic, django_capture_on_commit_callbacks
):
    for index in range(4):
        report_in_own_request(django_capture_on_commit_callbacks, traffic, 20 * index)
        assert Hotspot.objects.count() == 0
    fifth = report_in_own_request(django_capture_on_commit_callbacks, traffic, 80)
    hotspot = Hotspot.objects.get()
    assert fifth.pk in hotspot.problem_ids
    assert hotspot.report_count == 5
    assert cache.get(SCHEDULED_KEY) is None  # nothing left waiting


def test_a_transaction_saving_many_reports_recomputes_once(
    traffic, django_capture_on_commit_callbacks, monkeypatch
):
    calls = []
    real = services.hotspots_recompute
    monkeypatch.setattr(services, "hotspots_recompute", lambda: calls.append(1) or real())
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(7):
            report(traffic, 10 * index)
    assert calls == [1]
    assert Hotspot.objects.get().report_count == 7


def test_a_rolled_back_savepoint_does_not_drop_the_transactions_recomputation(
    traffic, django_capture_on_commit_callbacks, monkeypatch
):
    calls = []
    real = services.hotspots_recompute
    monkeypatch.setattr(services, "hotspots_recompute", lambda: calls.append(1) or real())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for index in range(5):
            report(traffic, 10 * index)
        with pytest.raises(RuntimeError), transaction.atomic():
            report(traffic, 60)  # moves the registration into this savepoint's reach...
            raise RuntimeError  # ...and the savepoint is rolled back
    assert calls == [1]
    assert Hotspot.objects.get().report_count == 5
    assert len(callbacks) >= 1


# --- with a worker (tasks queued through the outbox) -----------------------------------------


@pytest.fixture
def queued(monkeypatch):
    """Tasks queued instead of run: the list of (task, countdown)."""
    tasks = []
    monkeypatch.setattr(
        services, "enqueue", lambda task, countdown=None: tasks.append((task, countdown))
    )
    return tasks


def test_a_burst_of_reports_queues_one_trailing_recomputation(traffic, queued, settings):
    settings.GEO_HOTSPOT_DEBOUNCE_SECONDS = 120
    assert [hotspots_schedule() for _ in range(6)] == [True] + [False] * 5
    assert queued == [(services.RECOMPUTE_TASK, 120)]
    for index in range(5):
        report(traffic, 10 * index)
    assert hotspots_recompute_scheduled() == 1  # the task, after the burst
    assert queued == [(services.RECOMPUTE_TASK, 120)]  # nothing changed while it ran
    assert hotspots_schedule() is True  # the next report queues a new run


def test_a_report_arriving_while_the_task_runs_is_not_lost(traffic, queued, monkeypatch):
    for index in range(4):
        report(traffic, 10 * index)
    hotspots_schedule()
    real = services.hotspots_recompute

    def recompute_then_a_report_arrives():
        count = real()
        report(traffic, 50)  # committed after the task read the reports
        assert hotspots_schedule() is False  # a run is still under way: it rides on it
        return count

    monkeypatch.setattr(services, "hotspots_recompute", recompute_then_a_report_arrives)
    assert hotspots_recompute_scheduled() == 0
    assert len(queued) == 2  # the generation moved while it ran: one more run is queued
    monkeypatch.setattr(services, "hotspots_recompute", real)
    assert hotspots_recompute_scheduled() == 1
    assert Hotspot.objects.get().report_count == 5


def test_a_failed_run_releases_the_schedule(traffic, queued, monkeypatch):
    hotspots_schedule()

    def broken():
        raise RuntimeError("worker lost")

    monkeypatch.setattr(services, "hotspots_recompute", broken)
    with pytest.raises(RuntimeError):
        hotspots_recompute_scheduled()
    assert cache.get(SCHEDULED_KEY) is None
    assert hotspots_schedule() is True
    assert cache.get(GENERATION_KEY) == 2
