"""The query table over the demo problems: every query returns what it must and nothing it must
not, hidden and pending problems never, and the list and the map's GeoJSON agree on every one."""

import pytest

from soslab.core.search import index
from soslab.problems.filters import filter_problems
from soslab.problems.models import Problem

from .conftest import HIDDEN_TITLE, PENDING_TITLE
from .queries import QUERIES

pytestmark = pytest.mark.django_db
JEONJU_BBOX = "126.9,35.7,127.3,35.95"


def titles(q):
    queryset, _cleaned = filter_problems(Problem.objects.public(), {"q": q})
    return {problem.title for problem in queryset}


def test_the_table_has_at_least_40_queries():
    assert len(QUERIES) >= 40


@pytest.mark.parametrize("broad", [False, True])
def test_every_query_returns_what_it_must_and_not_what_it_must_not(demo, monkeypatch, broad):
    if broad:  # SQLite's plan for thousands of matches (walk the order, probe the matches)
        monkeypatch.setattr(index, "BROAD", 1)
    failures = []
    for q, must, must_not in QUERIES:
        found = titles(q)
        if not must <= found or must_not & found:
            failures.append((q, sorted(must - found), sorted(must_not & found)))
    assert failures == []


def test_hidden_and_pending_problems_are_never_found(demo):
    for q in ("횡단보도", "미세먼지", "가로등", "숨김", "승인 대기", "어린이 보호 구역", "객사"):
        found = titles(q)
        assert HIDDEN_TITLE not in found and PENDING_TITLE not in found, q


def test_hidden_rows_do_not_decide_the_fallback(demo):
    # Only the hidden problem holds the word exactly: the public search finds nothing exact, so
    # it falls back to grams, as if the hidden one did not exist.
    assert titles("숨김") == set()


def test_list_and_geojson_return_the_same_problems_for_every_query(client, demo):
    for q, _must, _must_not in QUERIES:
        listed = client.get("/problems/", {"q": q})
        assert listed.status_code == 200
        problems = list(listed.context["problems"])
        assert len(problems) < 20, q  # one page: the whole set
        list_ids = sorted(p.pk for p in problems if p.lat is not None)
        mapped = client.get("/api/geo/problems.geojson", {"q": q, "bbox": JEONJU_BBOX})
        assert mapped.status_code == 200
        map_ids = sorted(feature["id"] for feature in mapped.json()["features"])
        assert map_ids == list_ids, q
