"""The index follows the services in the same transaction, survives a rebuilt table, is rebuilt
by `search_rebuild`, and only registered models can be searched."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from soslab.core import search
from soslab.core.search import filter_matching, index
from soslab.problems import services
from soslab.problems.models import Category, Problem
from tests.problems.factories import CITY_HALL, CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _published_at_once(settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0


def found(q):
    return set(filter_matching(Problem.objects.public(), q).values_list("pk", flat=True))


def _report(citizen, **values):
    return services.problem_create(
        author=citizen,
        title=values.get("title", "에코시티 분수대가 고장 났어요"),
        description=values.get("description", "물이 나오지 않은 지 두 주가 넘었습니다."),
        category=CategoryFactory(slug="living"),
        lat=CITY_HALL[0],
        lon=CITY_HALL[1],
    )


def test_a_new_problem_is_found_in_the_same_transaction(citizen, dongs):
    with transaction.atomic():
        problem = _report(citizen)
        assert found("분수대") == {problem.pk}
    assert found("분수대가") == {problem.pk}


def test_an_edit_changes_what_finds_the_problem(citizen, dongs):
    problem = _report(citizen)
    services.problem_edit(
        problem=problem,
        editor=citizen,
        title="에코시티 놀이터 그네가 부서졌어요",
        description="아이들이 다칠까 걱정입니다. 빨리 고쳐 주세요.",
        category=problem.category,
        tags=["놀이터"],
    )
    assert found("분수대") == set()
    assert found("그네") == {problem.pk}
    assert found("놀이터") == {problem.pk}


def test_a_deleted_problem_leaves_the_index(dongs):
    problem = ProblemFactory(title="세병호 둘레길 조명이 꺼졌어요")
    assert found("둘레길") == {problem.pk}
    problem.delete()
    assert found("둘레길") == set()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                'SELECT count(*) FROM "problems_problem_fts" WHERE "problems_problem_fts" '
                "MATCH '\"둘레길\"'"
            )
            assert cursor.fetchone()[0] == 0


def test_ensure_indexes_is_idempotent_and_repairs_missing_triggers(dongs):
    problem = ProblemFactory(title="세병호 둘레길 조명이 꺼졌어요")
    index.ensure_indexes()
    index.ensure_indexes()
    if connection.vendor == "sqlite":  # what a migration rebuilding the table does
        with connection.cursor() as cursor:
            for suffix in ("ai", "ad", "au"):
                cursor.execute(f'DROP TRIGGER "problems_problem_fts_{suffix}"')
    Problem.objects.filter(pk=problem.pk).update(search_text=search.index_text("전동 킥보드"))
    index.ensure_indexes()
    assert found("킥보드") == {problem.pk}
    assert found("둘레길") == set()


def test_search_rebuild_recomputes_the_text_and_the_index(dongs):
    problem = ProblemFactory(title="덕진공원 연꽃 산책로 공사", description="공사 소음이 심합니다")
    problem.tags.set(["연꽃"])
    Problem.objects.filter(pk=problem.pk).update(search_text="")
    assert found("연꽃") == set()
    out = io.StringIO()
    call_command("search_rebuild", stdout=out, stderr=io.StringIO())
    assert "problems.Problem" in out.getvalue()
    assert found("연꽃") == {problem.pk}  # the tag, analysed again from the row
    assert found("덕진공원") == {problem.pk}


def test_an_empty_query_filters_nothing_and_a_query_of_nothing_matches_nothing(dongs):
    problem = ProblemFactory()
    assert set(filter_matching(Problem.objects.public(), "  ")) == {problem}
    assert list(filter_matching(Problem.objects.public(), "!!! ...")) == []


def test_only_registered_models_can_be_searched():
    with pytest.raises(LookupError):
        filter_matching(Category.objects.all(), "교통")
    with pytest.raises(Exception):  # noqa: B017 - FieldDoesNotExist: no search_text column
        search.register(Category)


def test_filter_matching_works_inside_a_subquery(dongs):
    hit = ProblemFactory(title="전주천 징검다리가 미끄러워요")
    ProblemFactory(title="버스 정류장 의자가 부서졌어요")
    matching = filter_matching(Problem.objects.public(), "징검다리").values("pk")
    assert list(Problem.objects.filter(pk__in=matching)) == [hit]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored tsvector is PostgreSQL's")
def test_postgresql_matches_on_a_stored_vector_replacing_an_expression_index(dongs):
    """A stored generated column, so a small table scanned without the index does not recompute
    to_tsvector for every row; an expression index of an earlier build is replaced."""
    with connection.cursor() as cursor:
        cursor.execute('DROP INDEX "problems_problem_search_vector"')
        cursor.execute(
            'CREATE INDEX "problems_problem_search" ON "problems_problem" '
            "USING gin (to_tsvector('simple'::regconfig, search_text))"
        )
    index.ensure_indexes()
    problem = ProblemFactory(title="세병호 둘레길 조명이 꺼졌어요")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'problems_problem' "
            "AND indexdef LIKE '%%gin%%'"
        )
        assert [(name, "search_vector" in d) for name, d in cursor.fetchall()] == [
            ("problems_problem_search_vector", True)
        ]
        sql, params = filter_matching(Problem.objects.all(), "둘레길").query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "to_tsvector" not in plan and "search_vector" in plan
    Problem.objects.filter(pk=problem.pk).update(search_text=search.index_text("전동 킥보드"))
    assert found("킥보드") == {problem.pk}  # the generated column follows the text
