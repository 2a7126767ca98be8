"""The list's versioned cache (soslab.core.page_cache): the same fragment for everyone, made stale
by every write that changes what it shows, so nothing stale or hidden is ever served from it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from soslab.core import page_cache
from soslab.moderation.services import content_hide
from soslab.problems import services
from soslab.problems.models import LIST_CACHE, Problem
from soslab.problems.supports import support_add
from tests.factories import StaffFactory, UserFactory

from .factories import CITY_HALL, CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


def html(client, url="/problems/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_second_request_is_served_from_the_cache(client, django_assert_num_queries):
    problem = ProblemFactory(title="캐시된 제목입니다")
    assert "캐시된 제목입니다" in html(client)
    with connection.cursor() as cursor:  # behind the ORM's back: no bump
        cursor.execute("UPDATE problems_problem SET title = %s WHERE id = %s", ["몰래", problem.pk])
    with django_assert_num_queries(1):  # the version; nothing else for an anonymous visitor
        assert "캐시된 제목입니다" in html(client)


def test_logged_in_visitors_share_the_fragment(client):
    ProblemFactory(title="모두에게 같은 목록")
    html(client)
    key_version = page_cache.current(LIST_CACHE)
    client.force_login(UserFactory())
    assert "모두에게 같은 목록" in html(client)
    assert page_cache.current(LIST_CACHE) == key_version


def test_new_problem_appears_at_once(
    client, citizen, dongs, settings, django_capture_on_commit_callbacks
):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    ProblemFactory(title="먼저 있던 문제")
    assert "새로 신고한 문제" not in html(client)
    with django_capture_on_commit_callbacks(execute=True):
        services.problem_create(
            author=citizen,
            title="새로 신고한 문제",
            description="어제부터 가로등이 꺼져 있습니다.",
            category=CategoryFactory(slug="safety"),
            lat=CITY_HALL[0],
            lon=CITY_HALL[1],
        )
    assert "새로 신고한 문제" in html(client)


def test_support_changes_count_and_order_at_once(
    client, citizen, django_capture_on_commit_callbacks
):
    ProblemFactory(title="공감 많은 문제", support_count=1)
    target = ProblemFactory(title="곧 공감받을 문제")
    first = html(client, "/problems/?sort=supported")
    assert first.index("공감 많은 문제") < first.index("곧 공감받을 문제")
    Problem.objects.filter(title="공감 많은 문제").update(support_count=0)  # ORM write: bumps
    with django_capture_on_commit_callbacks(execute=True):
        support_add(problem=target, user=citizen)
    after = html(client, "/problems/?sort=supported")
    assert after.index("곧 공감받을 문제") < after.index("공감 많은 문제")


def test_hidden_problem_is_never_served_from_the_cache(
    client, moderator, django_capture_on_commit_callbacks
):
    problem = ProblemFactory(title="숨겨질 문제입니다")
    assert "숨겨질 문제입니다" in html(client)
    assert "숨겨질 문제입니다" in html(client, "/problems/?sort=supported")
    with django_capture_on_commit_callbacks(execute=True):
        content_hide(moderator=moderator, target=problem, reason_text="개인정보가 있습니다.")
    assert "숨겨질 문제입니다" not in html(client)
    assert "숨겨질 문제입니다" not in html(client, "/problems/?sort=supported")


def test_official_answer_clears_the_deadline_badge_at_once(
    client, django_capture_on_commit_callbacks
):
    problem = ProblemFactory(answer_due_at=timezone.now() + timedelta(days=5))
    assert "D-" in html(client)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_add(problem=problem, author=StaffFactory(), body="담당 부서가 확인합니다.")
    assert "D-" not in html(client)


def test_rolled_back_write_does_not_bump():
    from django.db import transaction

    before = page_cache.current(LIST_CACHE)
    with pytest.raises(RuntimeError), transaction.atomic():
        ProblemFactory()
        raise RuntimeError
    assert page_cache.current(LIST_CACHE) == before


def test_unknown_parameters_share_the_entry_and_stay_out_of_links(client):
    for _ in range(25):
        ProblemFactory()
    assert 'href="?page=2"' in html(client, "/problems/?utm_source=x&page=1")
    assert 'href="?page=2"' in html(client, "/problems/?other=y")


def test_anonymous_whole_page_carries_each_visitors_own_csrf_token():
    import re

    from django.test import Client

    ProblemFactory()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    html(first)
    page = html(second)  # the whole page from the cache
    assert "\x00" not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = second.post(
        "/i18n/setlang/", {"language": "en", "next": "/problems/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_other_parameters_are_never_baked_into_a_cached_page(client):
    ProblemFactory()
    assert "utm_source" in html(client, "/problems/?utm_source=secret-campaign")
    assert "secret-campaign" not in html(client, "/problems/")
    assert "secret-campaign" not in html(client, "/problems/?utm_source=other")
