"""Reusable spam checks: new accounts limited in links, the same text twice refused."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from soslab.moderation.spam import check_links_allowed, check_not_repeated, count_links
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_count_links():
    assert count_links("자세한 내용은 https://a.kr/x 와 www.b.com 그리고 c.co.kr/y") == 3
    assert count_links("간선 1000번, 2026-11-20, 오후 3.5시") == 0


def test_new_accounts_are_limited_in_links(settings):
    settings.SOSLAB_NEW_ACCOUNT_MAX_LINKS = 1
    newcomer = UserFactory()
    check_links_allowed(author=newcomer, text="참고 https://jeonju.go.kr")
    with pytest.raises(ValidationError) as error:
        check_links_allowed(author=newcomer, text="https://a.kr https://b.kr")
    assert error.value.code == "too_many_links"


def test_older_accounts_and_moderators_are_not_limited(moderator):
    veteran = UserFactory(date_joined=timezone.now() - timedelta(days=30))
    text = "https://a.kr https://b.kr https://c.kr"
    check_links_allowed(author=veteran, text=text)
    check_links_allowed(author=moderator, text=text)


def test_the_same_text_twice_is_refused(make_post):
    author = UserFactory()
    earlier = make_post(author=author, body="효자동 사거리 신호등이 3일째 꺼져 있습니다.")
    with pytest.raises(ValidationError) as error:
        check_not_repeated(author=author, text="  효자동 사거리 신호등이 3일째 꺼져 있습니다.  ")
    assert error.value.code == "repeated_text"
    # Editing the same item unchanged is fine; someone else posting it is fine.
    check_not_repeated(author=author, text=earlier.body, exclude=earlier)
    check_not_repeated(author=UserFactory(), text=earlier.body)


def test_old_posts_do_not_count_as_repeats(make_post):
    author = UserFactory()
    make_post(
        author=author,
        body="효자동 사거리 신호등이 3일째 꺼져 있습니다.",
        created_at=timezone.now() - timedelta(days=60),
    )
    check_not_repeated(author=author, text="효자동 사거리 신호등이 3일째 꺼져 있습니다.")
