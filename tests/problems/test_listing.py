"""City-scale list pages (soslab.problems.listing): a capped count and page cap with a message,
and "nearest" through widening boxes giving exactly the fully sorted order."""

import random

import pytest
from django.core.cache import cache
from django.http import QueryDict

from soslab.problems import listing
from soslab.problems.filters import filter_problems
from soslab.problems.models import Problem

from .factories import CITY_HALL, CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pages_max(monkeypatch):
    monkeypatch.setattr(listing, "MAX_PAGES", 2)


def test_count_and_pages_are_capped_with_a_message(client, two_pages_max):
    for _ in range(45):
        ProblemFactory()
    response = client.get("/problems/?page=2")
    html = response.content.decode()
    assert response.context["page"].paginator.num_pages == 2
    assert "문제 40건 이상" in html
    assert "처음 2쪽까지만" in html


def test_a_deep_page_costs_what_page_one_costs(client, two_pages_max, django_assert_num_queries):
    for _ in range(45):
        ProblemFactory()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get("/problems/")
    cache.clear()
    with django_assert_num_queries(len(first)):
        response = client.get("/problems/?page=2000")
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert "처음 2쪽까지만" in response.content.decode()


def test_under_the_cap_the_count_is_exact(client):
    for _ in range(3):
        ProblemFactory()
    html = client.get("/problems/").content.decode()
    assert "문제 3건" in html
    assert "이상" not in html.split('role="status"')[1].split("</p>")[0]
    assert "쪽까지만" not in html


def _scatter(n, seed=7):
    rng = random.Random(seed)
    categories = [CategoryFactory(slug="traffic"), CategoryFactory(slug="safety")]
    for i in range(n):
        ProblemFactory(
            lat=CITY_HALL[0] + rng.uniform(-0.12, 0.12) ** 3 * 40,
            lon=CITY_HALL[1] + rng.uniform(-0.12, 0.12) ** 3 * 40,
            category=categories[i % 2],
        )
    ProblemFactory(lat=None, lon=None)  # no point: always last


@pytest.mark.parametrize("query", ["", "category=traffic"])
def test_nearest_in_boxes_equals_sorting_everything(query):
    _scatter(90)
    params = QueryDict(f"sort=near&near={CITY_HALL[0] + 0.003},{CITY_HALL[1] - 0.002}&{query}")
    queryset, cleaned = filter_problems(Problem.objects.public(), params)
    rows = listing.nearest_rows(queryset, *cleaned["near"])
    expected = [p.pk for p in queryset]
    got = []
    for start in range(0, len(expected), 20):
        got += [p.pk for p in rows(start, start + 20)]
    assert got == expected


@pytest.mark.parametrize("path", ["/problems/?sort=near&near=35.8242,127.148", "/problems/?page=3"])
def test_list_variants_cost_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, path
):
    _scatter(10)
    client.get(path)
    for size in (10, 80):
        if size > 10:
            _scatter(70, seed=size)
        cache.clear()
        # version, count, rows (up to 6 boxes for "nearest"), tags, photos, form choices
        with django_assert_max_num_queries(14):
            assert client.get(path).status_code == 200
