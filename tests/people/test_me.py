"""My activity (/me/): everything of mine, pending and hidden with the reason, only to me."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soslab.comments.services import comment_create
from soslab.moderation.models import ModerationState
from soslab.notifications.models import Follow
from soslab.teams.services import team_create
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory, SupportFactory

ME = "/me/"


@pytest.mark.django_db
def test_me_requires_login(client):
    response = client.get(ME)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_me_shows_pending_and_hidden_problems_with_the_reason(client, citizen):
    ProblemFactory(author=citizen, title="검토 중인 문제", moderation_state=ModerationState.PENDING)
    ProblemFactory(
        author=citizen,
        title="숨겨진 문제",
        moderation_state=ModerationState.HIDDEN,
        moderation_reason="다른 사람의 차량 번호가 보입니다",
    )
    client.force_login(citizen)
    html = client.get(ME).content.decode()
    assert "검토 중인 문제" in html
    assert "숨겨진 문제" in html
    assert "다른 사람의 차량 번호가 보입니다" in html


@pytest.mark.django_db
def test_the_reason_is_never_on_the_public_profile(client, citizen):
    ProblemFactory(
        author=citizen,
        moderation_state=ModerationState.HIDDEN,
        moderation_reason="다른 사람의 차량 번호가 보입니다",
    )
    client.force_login(UserFactory())
    html = client.get(reverse("people:profile", args=[citizen.pk])).content.decode()
    assert "다른 사람의 차량 번호가 보입니다" not in html


@pytest.mark.django_db
def test_me_shows_only_my_own_things(client, citizen):
    ProblemFactory(title="남의 문제", moderation_state=ModerationState.PENDING)
    client.force_login(citizen)
    assert "남의 문제" not in client.get(ME).content.decode()


@pytest.mark.django_db
def test_me_lists_supports_comments_follows_and_teams(client, citizen):
    problem = ProblemFactory(title="공감한 문제")
    SupportFactory(problem=problem, user=citizen)
    comment_create(author=citizen, target=problem, body="내 댓글입니다")
    team_create(name="내 메이커 팀", slug="my-team", leader=citizen)
    client.force_login(citizen)
    html = client.get(ME).content.decode()
    assert "공감한 문제" in html
    assert "내 댓글입니다" in html
    assert "내 메이커 팀" in html
    # commenting follows the target; the unfollow form posts to the follow endpoint
    assert Follow.objects.filter(user=citizen).exists()
    assert 'value="unfollow"' in html


@pytest.mark.django_db
def test_header_links_to_my_activity(client, citizen):
    client.force_login(citizen)
    assert 'href="/me/"' in client.get(ME).content.decode()


@pytest.mark.django_db
def test_me_query_count_is_constant(client, citizen):
    def add(count):
        for n in range(count):
            problem = ProblemFactory(author=citizen)
            SupportFactory(problem=ProblemFactory(), user=citizen)
            comment_create(author=citizen, target=problem, body=f"댓글 {n}")

    add(2)
    client.force_login(citizen)
    client.get(ME)
    with CaptureQueriesContext(connection) as few:
        client.get(ME)
    add(6)
    with CaptureQueriesContext(connection) as many:
        client.get(ME)
    assert len(many) == len(few)


@pytest.mark.django_db
def test_unfollowing_from_my_activity_comes_back_here(client, citizen):
    problem = ProblemFactory()
    Follow.objects.create(user=citizen, content_type_id=_ct(problem), object_id=problem.pk)
    client.force_login(citizen)
    response = client.post(
        reverse("notifications:follow"),
        {
            "target": "problems.problem",
            "object_id": problem.pk,
            "action": "unfollow",
            "next": "/me/#me-follows",
        },
    )
    assert response["Location"] == "/me/#me-follows"
    assert not Follow.objects.filter(user=citizen).exists()


@pytest.mark.django_db
def test_unfollow_ignores_an_offsite_next(client, citizen):
    problem = ProblemFactory()
    Follow.objects.create(user=citizen, content_type_id=_ct(problem), object_id=problem.pk)
    client.force_login(citizen)
    response = client.post(
        reverse("notifications:follow"),
        {
            "target": "problems.problem",
            "object_id": problem.pk,
            "action": "unfollow",
            "next": "https://evil.example/",
        },
    )
    assert "evil.example" not in response["Location"]


def _ct(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk
