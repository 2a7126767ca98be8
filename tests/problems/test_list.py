"""The list: filters, sorts, Korean search, pagination and a constant number of queries."""

import io

import pytest
from django.core.files.base import ContentFile
from django.http import QueryDict
from PIL import Image

from soslab.moderation.models import ModerationState
from soslab.problems.filters import filter_problems
from soslab.problems.models import Problem, ProblemPhoto, ProblemStatus
from tests.factories import UserFactory

from .factories import CITY_HALL, CategoryFactory, ProblemFactory, SupportFactory

pytestmark = pytest.mark.django_db


def ids(queryset):
    return [p.pk for p in queryset]


def run(params):
    queryset, cleaned = filter_problems(Problem.objects.public(), QueryDict(params))
    return queryset, cleaned


def _searchable(title, description="설명이 충분히 깁니다.", tags=()):
    problem = ProblemFactory(title=title, description=description)
    if tags:
        problem.tags.set(list(tags))
    problem.search_text = problem.build_search_text(list(tags))
    problem.save(update_fields=["search_text"])
    return problem


def test_korean_search_crosswalk():
    hit = _searchable("횡단보도가 너무 위험해요")
    _searchable("가로등이 꺼졌어요")
    assert ids(run("q=횡단보도")[0]) == [hit.pk]


def test_korean_search_finds_substring_of_compound_word():
    hit = _searchable("공단 주변 공기", description="아침마다 미세먼지농도가 높습니다.")
    _searchable("버스 정류장 의자")
    assert ids(run("q=미세먼지")[0]) == [hit.pk]


def test_search_covers_tags_and_is_case_insensitive():
    hit = _searchable("정류장 문제입니다", tags=["bus stop"])
    assert ids(run("q=BUS")[0]) == [hit.pk]


def test_search_all_words_must_match():
    both = _searchable("어린이 보호구역 과속")
    _searchable("어린이 놀이터 파손")
    assert ids(run("q=어린이+과속")[0]) == [both.pk]


def test_filters_by_category_status_dong_tag(dongs):
    traffic, safety = CategoryFactory(slug="traffic"), CategoryFactory(slug="safety")
    target = ProblemFactory(category=traffic, status=ProblemStatus.REVIEWING, dong=dongs["효자1동"])
    target.tags.set(["통학로"])
    ProblemFactory(category=safety, status=ProblemStatus.REVIEWING, dong=dongs["효자1동"])
    ProblemFactory(category=traffic, status=ProblemStatus.SOLVED, dong=dongs["효자1동"])
    ProblemFactory(category=traffic, status=ProblemStatus.REVIEWING, dong=dongs["송천1동"])
    code = dongs["효자1동"].code
    queryset, cleaned = run(f"category=traffic&status=reviewing&dong={code}")
    assert ids(queryset) == [target.pk]
    assert cleaned["category"] == traffic and cleaned["dong"] == dongs["효자1동"]
    assert ids(run("tag=통학로")[0]) == [target.pk]
    assert len(ids(run("status=open")[0])) == 3


def test_invalid_filter_values_are_ignored_not_errors():
    ProblemFactory()
    queryset, cleaned = run("category=nope&status=bogus&sort=weird&near=abc")
    assert queryset.count() == 1
    assert cleaned["category"] is None and cleaned["sort"] == "new"
    assert "near" in cleaned["errors"]


def test_hidden_and_pending_never_listed():
    visible = ProblemFactory()
    ProblemFactory(moderation_state=ModerationState.HIDDEN)
    ProblemFactory(moderation_state=ModerationState.PENDING)
    assert ids(run("")[0]) == [visible.pk]


def test_sorts():
    old_popular = ProblemFactory(support_count=10, comment_count=1)
    new_discussed = ProblemFactory(support_count=2, comment_count=9)
    assert ids(run("")[0]) == [new_discussed.pk, old_popular.pk]
    assert ids(run("sort=supported")[0]) == [old_popular.pk, new_discussed.pk]
    assert ids(run("sort=discussed")[0]) == [new_discussed.pk, old_popular.pk]


def test_nearest_sort_uses_metric_distance_and_puts_unplaced_last():
    lat, lon = CITY_HALL
    # 0.003 deg of longitude (~270 m) is nearer than 0.003 deg of latitude (~333 m).
    east = ProblemFactory(lat=lat, lon=lon + 0.003)
    north = ProblemFactory(lat=lat + 0.003, lon=lon)
    unplaced = ProblemFactory(lat=None, lon=None)
    queryset, cleaned = run(f"sort=near&near={lat},{lon}")
    assert ids(queryset) == [east.pk, north.pk, unplaced.pk]
    assert cleaned["near"] == (lat, lon)


def test_nearest_without_point_uses_the_dong_centre(dongs):
    dong = dongs["효자1동"]
    far = ProblemFactory(dong=dong, lat=dong.rep_lat + 0.01, lon=dong.rep_lon)
    near = ProblemFactory(dong=dong, lat=dong.rep_lat + 0.001, lon=dong.rep_lon)
    assert ids(run(f"sort=near&dong={dong.code}")[0]) == [near.pk, far.pk]


def _tiny_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3)).save(buffer, "JPEG")
    return buffer.getvalue()


TINY_JPEG = _tiny_jpeg()


def _make(count, category):
    users = [UserFactory() for _ in range(3)]
    for i in range(count):
        problem = ProblemFactory(category=category)
        problem.tags.set([f"태그{i % 4}", "공통"])
        ProblemPhoto.objects.create(
            problem=problem,
            image=ContentFile(TINY_JPEG, name="x.jpg"),
            thumbnail=ContentFile(TINY_JPEG, name="x_thumb.jpg"),
        )
        SupportFactory(problem=problem, user=users[i % 3])


@pytest.mark.parametrize("logged_in", [False, True])
def test_list_query_count_is_constant(client, django_assert_num_queries, dongs, logged_in):
    """Rendering the list (a cache miss) costs the same queries at 3 and at 43 problems."""
    from django.core.cache import cache

    category = CategoryFactory(slug="traffic")
    if logged_in:
        client.force_login(UserFactory())
    _make(3, category)
    client.get("/problems/?sort=supported")  # warm caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as few:
        response = client.get("/problems/?sort=supported")
    assert response.status_code == 200
    _make(40, category)
    cache.clear()
    with django_assert_num_queries(len(few)):
        response = client.get("/problems/?sort=supported")
    assert len(response.context["problems"]) == 20


def test_pagination_twenty_per_page_and_keeps_filters(client):
    category = CategoryFactory(slug="traffic")
    for _ in range(25):
        ProblemFactory(category=category)
    response = client.get("/problems/?category=traffic")
    assert len(response.context["problems"]) == 20
    html = response.content.decode()
    assert "?category=traffic&amp;page=2" in html
    response = client.get("/problems/?category=traffic&page=2")
    assert len(response.context["problems"]) == 5


def test_list_page_shows_problem_cards(client):
    problem = ProblemFactory(title="목록에 보이는 문제")
    html = client.get("/problems/").content.decode()
    assert "목록에 보이는 문제" in html and problem.get_absolute_url() in html
