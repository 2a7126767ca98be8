"""SQLite keeps choosing the (lat, lon) index as the problem table grows (issue 10, part 10).

20,000 problems are bulk-created, then the planner statistics are refreshed the way every bulk
writer does (soslab.core.db.planner_statistics_refresh). The SQL checked is what the code really
runs: captured while the map API answers a street-level bbox and while similar_problems() looks for
duplicates, then given to EXPLAIN QUERY PLAN.
"""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soslab.core.db import planner_statistics_refresh
from soslab.moderation.models import ModerationState
from soslab.problems.models import Problem
from soslab.problems.similar import similar_problems
from tests.factories import UserFactory
from tests.problems.factories import CITY_HALL, CategoryFactory

ROWS = 20_000


def _lat_lon_indexes():
    """Names of the problem indexes that lead with a latitude column (problem_lat_lon, ...)."""
    return {
        index.name for index in Problem._meta.indexes if index.fields[0].lstrip("-").endswith("lat")
    }


@pytest.fixture
def many_problems(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite planner statistics (PostgreSQL keeps its own with autovacuum)")
    rng = random.Random(10)
    categories = [CategoryFactory(slug=slug) for slug in ("traffic", "safety", "air")]
    authors = UserFactory.create_batch(5)
    Problem.objects.bulk_create(
        (
            Problem(
                title=f"골목 문제 {n}",
                description="설명입니다. 설명입니다.",
                category=rng.choice(categories),
                author=rng.choice(authors),
                lat=rng.uniform(35.78, 35.88),
                lon=rng.uniform(127.05, 127.20),
                moderation_state=ModerationState.PUBLISHED,
                search_text=f"골목 문제 {n}",
            )
            for n in range(ROWS)
        ),
        batch_size=2000,
    )
    planner_statistics_refresh()
    return categories


def _plan_of_problem_query(queries):
    """EXPLAIN QUERY PLAN of the captured query that filters problems by latitude."""
    sql = next(
        query["sql"]
        for query in queries
        if 'FROM "problems_problem"' in query["sql"] and "BETWEEN" in query["sql"]
    )
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " | ".join(row[-1] for row in cursor.fetchall())


def _uses_a_lat_lon_index(plan):
    return any(f"INDEX {name} " in f"{plan} " for name in _lat_lon_indexes())


def test_the_map_bbox_query_uses_the_lat_lon_index(many_problems, client):
    lat, lon = CITY_HALL
    bbox = f"{lon - 0.004},{lat - 0.003},{lon + 0.004},{lat + 0.003}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/geo/problems.geojson?bbox={bbox}&zoom=17")
    assert response.status_code == 200

    plan = _plan_of_problem_query(queries.captured_queries)

    assert _uses_a_lat_lon_index(plan), plan


def test_the_similar_problems_query_uses_the_lat_lon_index(many_problems):
    lat, lon = CITY_HALL
    with CaptureQueriesContext(connection) as queries:
        similar_problems(lat=lat, lon=lon, category=many_problems[0], title="골목 문제")

    plan = _plan_of_problem_query(queries.captured_queries)

    assert _uses_a_lat_lon_index(plan), plan


def test_planner_statistics_cover_the_problem_table(many_problems):
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'problems_problem'")
        analyzed = {row[0] for row in cursor.fetchall()}

    assert _lat_lon_indexes() <= analyzed


@pytest.mark.django_db(transaction=True)
def test_closing_a_connection_runs_pragma_optimize():
    """The backend runs PRAGMA optimize before a connection closes: a table that was filled and
    queried through an index, but never analyzed, has statistics once the connection is closed."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backend (soslab.core.sqlite)")
    categories = [CategoryFactory(slug="traffic")]
    author = UserFactory()
    Problem.objects.bulk_create(
        Problem(
            title=f"문제 {n}",
            description="설명입니다. 설명입니다.",
            category=categories[0],
            author=author,
            lat=35.8 + n / 1e5,
            lon=127.1,
            search_text="",
        )
        for n in range(500)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'problems_problem'")
            # The planner holds the statistics it loaded (a migration ANALYZEd the table): make
            # it read the emptied table again.
            cursor.execute("ANALYZE sqlite_schema")
    list(Problem.objects.filter(lat__range=(35.8, 35.801), lon__range=(127.0, 127.2)))

    connection.close()

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'problems_problem'")
        assert cursor.fetchone()[0] > 0


def test_most_supported_in_a_category_walks_its_index(many_problems):
    """category + sort=supported (+ status): the rows come in order from
    problem_public_cat_support instead of the category's rows being sorted (66 -> 3 ms at 100k)."""
    from soslab.problems.filters import filter_problems

    queryset, _cleaned = filter_problems(
        Problem.objects.public(), {"category": "safety", "status": "open", "sort": "supported"}
    )
    sql, params = queryset[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " | ".join(row[-1] for row in cursor.fetchall())
    assert "INDEX problem_public_cat_support " in f"{plan} "
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan  # at most the tie-break's right part
