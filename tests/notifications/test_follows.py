import pytest

from soslab.notifications.models import Follow
from soslab.notifications.services import (
    follow_add,
    follow_remove,
    follower_count,
    followers_of,
    is_following,
)
from tests.factories import UserFactory


@pytest.mark.django_db
def test_follow_add_is_idempotent_and_counted(target, citizen):
    assert follow_add(user=citizen, target=target) is True
    assert follow_add(user=citizen, target=target) is False
    assert Follow.objects.count() == 1
    assert is_following(citizen, target)
    assert list(followers_of(target)) == [citizen]
    assert follower_count(target) == 1


@pytest.mark.django_db
def test_follow_remove_stops_following(target, citizen):
    follow_add(user=citizen, target=target)
    assert follow_remove(user=citizen, target=target) is True
    assert follow_remove(user=citizen, target=target) is False
    assert not is_following(citizen, target)
    assert follower_count(target) == 0


@pytest.mark.django_db
def test_followers_are_per_target(make_target, citizen):
    first, second = make_target(), make_target()
    other = UserFactory()
    follow_add(user=citizen, target=first)
    follow_add(user=other, target=second)
    assert list(followers_of(first)) == [citizen]
    assert list(followers_of(second)) == [other]


@pytest.mark.django_db
def test_anonymous_is_never_following(target):
    from django.contrib.auth.models import AnonymousUser

    assert is_following(AnonymousUser(), target) is False


@pytest.mark.django_db
def test_follow_view_follows_and_unfollows(client, target, citizen):
    client.force_login(citizen)
    data = {"target": "wagtailcore.page", "object_id": target.pk, "action": "follow"}
    response = client.post("/notifications/follow/", data)
    assert response.status_code == 302
    assert response["Location"] == f"{target.get_url()}#follow"
    assert is_following(citizen, target)
    response = client.post("/notifications/follow/", {**data, "action": "unfollow"})
    assert response.status_code == 302
    assert not is_following(citizen, target)


@pytest.mark.django_db
def test_follow_view_answers_json(client, target, citizen):
    client.force_login(citizen)
    response = client.post(
        "/notifications/follow/",
        {"target": "wagtailcore.page", "object_id": target.pk, "action": "follow"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json() == {"following": True, "follower_count": 1}


@pytest.mark.django_db
def test_follow_view_sends_anonymous_people_to_log_in(client, target):
    response = client.post(
        "/notifications/follow/",
        {"target": "wagtailcore.page", "object_id": target.pk, "action": "follow"},
    )
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Follow.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"target": "accounts.user", "object_id": "1", "action": "follow"},  # not for follows
        {"target": "nope.model", "object_id": "1", "action": "follow"},
        {"target": "wagtailcore.page", "object_id": "999999", "action": "follow"},
        {"target": "wagtailcore.page", "object_id": "abc", "action": "follow"},
    ],
)
def test_follow_view_refuses_what_cannot_be_followed(client, citizen, data):
    client.force_login(citizen)
    response = client.post("/notifications/follow/", data, headers={"accept": "application/json"})
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert Follow.objects.count() == 0


@pytest.mark.django_db
def test_follow_view_refuses_an_unpublished_target(client, make_target, citizen):
    hidden = make_target(live=False)
    client.force_login(citizen)
    response = client.post(
        "/notifications/follow/",
        {"target": "wagtailcore.page", "object_id": hidden.pk, "action": "follow"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"  # the same answer as a missing target


@pytest.mark.django_db
def test_follow_view_is_post_only_and_csrf_protected(target, citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.get("/notifications/follow/").status_code == 405
    response = client.post(
        "/notifications/follow/",
        {"target": "wagtailcore.page", "object_id": target.pk, "action": "follow"},
    )
    assert response.status_code == 403
    assert not is_following(citizen, target)


@pytest.mark.django_db
def test_follow_button_says_how_many_follow_and_works_without_js(rf, target, citizen):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    follow_add(user=citizen, target=target)
    follow_add(user=UserFactory(), target=target)
    template = Template("{% load notifications_tags %}{% follow_button target %}")
    request = rf.get("/")
    request.user = citizen
    html = template.render(Context({"request": request, "target": target}))
    assert 'method="post"' in html
    assert 'action="/notifications/follow/"' in html
    assert 'value="unfollow"' in html
    assert "2" in html
    request.user = AnonymousUser()
    html = template.render(Context({"request": request, "target": target}))
    assert 'value="follow"' in html
