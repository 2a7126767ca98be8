import pytest
from django.test import Client

from soslab.comments.models import Comment
from soslab.comments.services import comment_create
from soslab.moderation.models import ModerationState
from tests.factories import UserFactory

POST_URL = "/comments/post/"


def _data(target, body="좋은 의견이네요", **extra):
    return {"target": "wagtailcore.page", "object_id": target.pk, "body": body, **extra}


@pytest.mark.django_db
def test_post_redirects_back_to_the_comment(client, target, citizen):
    client.force_login(citizen)
    response = client.post(POST_URL, _data(target))
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{target.get_url()}#comment-{comment.pk}"
    assert comment.author == citizen


@pytest.mark.django_db
def test_post_answers_json_for_api_clients(client, target, citizen):
    client.force_login(citizen)
    response = client.post(
        POST_URL,
        _data(target, "https://example.kr 참고하세요"),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 201
    data = response.json()
    assert data["id"] == Comment.objects.get().pk
    assert 'rel="nofollow ugc"' in data["html"]


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_log_in(client, target):
    response = client.post(POST_URL, _data(target))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_unverified_people_are_told_why_in_json(client, target, unverified_user):
    client.force_login(unverified_user)
    response = client.post(POST_URL, _data(target), headers={"accept": "application/json"})
    assert response.status_code == 403
    assert response.json()["error"] == "email_unverified"


@pytest.mark.django_db
def test_get_is_not_allowed_and_csrf_is_enforced(target, citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.get(POST_URL).status_code == 405
    assert client.post(POST_URL, _data(target)).status_code == 403
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_too_long_comment_keeps_the_text_and_says_why(client, target, citizen):
    client.force_login(citizen)
    body = "긴 글이에요 " * 300  # 2,100 characters
    response = client.post(POST_URL, _data(target, body))
    assert response.status_code == 302
    assert response["Location"] == f"{target.get_url()}#comment-form"
    assert Comment.objects.count() == 0
    html = _render_section(client, target)
    assert body.strip() in html
    assert "2000" in html or "2,000" in html
    assert 'role="alert"' in html
    # The saved state is shown once, then forgotten.
    assert body.strip() not in _render_section(client, target)


@pytest.mark.django_db
def test_invalid_json_post_gets_a_precise_400(client, target, citizen):
    client.force_login(citizen)
    response = client.post(POST_URL, _data(target, ""), headers={"accept": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert response.json()["message"]


@pytest.mark.django_db
def test_honeypot_refuses_bots(client, target, citizen):
    client.force_login(citizen)
    response = client.post(
        POST_URL,
        _data(target, website="http://spam.example"),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 400
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_duplicate_gets_409(client, target, citizen):
    client.force_login(citizen)
    client.post(POST_URL, _data(target, "같은 말"))
    response = client.post(
        POST_URL, _data(target, "같은 말"), headers={"accept": "application/json"}
    )
    assert response.status_code == 409
    assert response.json()["error"] == "duplicate"


@pytest.mark.django_db
def test_unknown_target_gets_404(client, citizen):
    client.force_login(citizen)
    response = client.post(
        POST_URL,
        {"target": "accounts.user", "object_id": citizen.pk, "body": "안녕"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_unpublished_target_gets_404(client, make_target, citizen):
    draft = make_target(live=False)
    client.force_login(citizen)
    response = client.post(POST_URL, _data(draft), headers={"accept": "application/json"})
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"  # the same answer as a missing target


@pytest.mark.django_db
def test_comments_are_rate_limited(client, target, citizen, settings):
    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "comment_create": ["2/h/user"]}
    client.force_login(citizen)
    for n in range(2):
        assert client.post(POST_URL, _data(target, f"댓글 {n}")).status_code == 302
    response = client.post(
        POST_URL, _data(target, "세 번째"), headers={"accept": "application/json"}
    )
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_rate_limited_browser_keeps_the_text_and_says_why(client, target, citizen, settings):
    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "comment_create": ["1/h/user"]}
    client.force_login(citizen)
    client.post(POST_URL, _data(target, "첫 댓글"))
    response = client.post(POST_URL, _data(target, "너무 빨리 쓴 두 번째 댓글"))
    assert response.status_code == 302
    assert response["Location"].endswith("#comment-form")
    assert Comment.objects.count() == 1
    html = _render_section(client, target)
    assert "너무 빨리 쓴 두 번째 댓글" in html
    assert "분 뒤에 다시 시도해 주세요" in html


@pytest.mark.django_db
def test_reply_via_view(client, target, citizen):
    top = comment_create(author=UserFactory(), target=target, body="첫 댓글")
    client.force_login(citizen)
    client.post(POST_URL, _data(target, "답글", parent=top.pk))
    assert Comment.objects.get(author=citizen).parent == top


@pytest.mark.django_db
def test_edit_view_by_author_and_refusal_for_others(client, target, citizen):
    comment = comment_create(author=citizen, target=target, body="처음")
    client.force_login(UserFactory())
    response = client.post(
        f"/comments/{comment.pk}/edit/",
        {"body": "남이 고침"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 403
    client.force_login(citizen)
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "고침"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    comment.refresh_from_db()
    assert comment.body == "고침"


@pytest.mark.django_db
def test_delete_view_permissions(client, target, citizen, moderator):
    comment = comment_create(author=citizen, target=target, body="지울 글")
    client.force_login(UserFactory())
    assert (
        client.post(
            f"/comments/{comment.pk}/delete/", headers={"accept": "application/json"}
        ).status_code
        == 403
    )
    client.force_login(moderator)
    response = client.post(f"/comments/{comment.pk}/delete/")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_deleted


@pytest.mark.django_db
def test_pending_comment_message(client, target, citizen, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 2
    client.force_login(citizen)
    client.post(POST_URL, _data(target))
    assert Comment.objects.get().moderation_state == ModerationState.PENDING


def _render_section(client, target):
    """Render the tag as a target's page would, with the client's session."""
    from django.contrib.auth import get_user
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get(target.get_url())
    request.session = client.session
    request.user = get_user(request)
    html = Template("{% load comments_tags %}{% comments_section target %}").render(
        Context({"request": request, "target": target})
    )
    request.session.save()
    return html


@pytest.mark.django_db
def test_redirect_and_notification_point_to_the_right_page_of_a_long_thread(
    client, target, citizen, django_capture_on_commit_callbacks
):
    from soslab.notifications.models import Notification
    from soslab.notifications.services import follow_add

    others = UserFactory.create_batch(2)
    for n in range(20):
        comment_create(author=others[n % 2], target=target, body=f"앞선 의견 {n}")
    follower = UserFactory()
    follow_add(user=follower, target=target)
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(POST_URL, _data(target, "스물한 번째 의견"))
    comment = Comment.objects.get(author=citizen)
    expected = f"{target.get_url()}?comments_page=2#comment-{comment.pk}"
    assert response["Location"] == expected
    assert Notification.objects.get(recipient=follower, kind="comment").url == expected
    first = Comment.objects.order_by("pk").first()
    assert first.get_absolute_url() == f"{target.get_url()}#comment-{first.pk}"
