"""The target registry (soslab.core.targets): comments, follows, reports and notifications reach
only registered models, and only instances the person may see. Anything else is the same 404 as a
missing object: no redirect, no URL, no hint (issue 11, findings 1 and 2)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from soslab.comments.models import Comment
from soslab.comments.services import CommentRefused, comment_create
from soslab.core import targets
from soslab.moderation.cases import case_for
from soslab.moderation.models import Decision, DecisionAction, ModerationState
from soslab.notifications.models import Follow
from soslab.notifications.services import follow_add, notify
from soslab.teams.joining import invitation_create
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_project, make_team

JSON = {"accept": "application/json"}


def _invitation():
    leader = UserFactory()
    return invitation_create(team=make_team(leader=leader), created_by=leader).invitation


def _decision():
    problem = ProblemFactory(moderation_state=ModerationState.HIDDEN)
    return Decision.objects.create(case=case_for(problem), action=DecisionAction.HIDE)


# Every object the security review attached comments or follows to, and none is a target.
UNREGISTERED = {
    "teams.invitation": _invitation,
    "moderation.decision": _decision,
    "teams.team": lambda: make_team(),
    "auth.group": lambda: Group.objects.create(name="아무 그룹"),
    # A live project page seen as a bare Wagtail page: the base model is not a target.
    "wagtailcore.page": lambda: Page.objects.get(pk=make_project(make_team()).pk),
}


def test_the_registered_targets_and_their_purposes():
    table = {targets.target_key(entry.model): set(entry.purposes) for entry in targets.registered()}
    everything = {targets.COMMENT, targets.FOLLOW, targets.REPORT, targets.NOTIFY}
    assert table == {
        "problems.problem": everything,
        "ideas.idea": everything,
        "cms.projectpage": {targets.COMMENT, targets.FOLLOW, targets.NOTIFY},
        "comments.comment": {targets.REPORT},
        "accounts.user": {targets.REPORT},
        "moderation.decision": {targets.NOTIFY},
    }


# --- Follows -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_follow_of_an_invitation_is_a_plain_404_without_location(client):
    invitation = _invitation()

    response = client.post(
        "/notifications/follow/",
        {"target": "teams.invitation", "object_id": invitation.pk, "action": "follow"},
    )

    assert response.status_code == 404
    assert "Location" not in response.headers
    assert "/teams/join/" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("key", [*UNREGISTERED, "accounts.user"])
def test_nothing_unregistered_can_be_followed(client, citizen, key):
    obj = citizen if key == "accounts.user" else UNREGISTERED[key]()
    client.force_login(citizen)
    data = {"target": key, "object_id": obj.pk, "action": "follow"}

    html = client.post("/notifications/follow/", data)
    api = client.post("/notifications/follow/", data, headers=JSON)

    assert html.status_code == 404
    assert "Location" not in html.headers
    assert api.status_code == 404
    assert api.json()["error"] == "not_found"
    assert "/teams/join/" not in api.content.decode()
    assert Follow.objects.count() == 0


@pytest.mark.django_db
def test_an_invisible_target_answers_exactly_like_a_missing_one(client, citizen):
    hidden = ProblemFactory(moderation_state=ModerationState.HIDDEN)
    client.force_login(citizen)

    invisible = client.post(
        "/notifications/follow/",
        {"target": "problems.problem", "object_id": hidden.pk, "action": "follow"},
        headers=JSON,
    )
    missing = client.post(
        "/notifications/follow/",
        {"target": "problems.problem", "object_id": hidden.pk + 1000, "action": "follow"},
        headers=JSON,
    )

    assert (invisible.status_code, invisible.json()) == (missing.status_code, missing.json())


@pytest.mark.django_db
@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.PENDING])
def test_following_a_hidden_or_pending_problem_is_404_for_others(client, citizen, state):
    problem = ProblemFactory(moderation_state=state)
    client.force_login(citizen)

    response = client.post(
        "/notifications/follow/",
        {"target": "problems.problem", "object_id": problem.pk, "action": "follow"},
    )

    assert response.status_code == 404
    assert "Location" not in response.headers
    assert not Follow.objects.filter(user=citizen).exists()


@pytest.mark.django_db
def test_the_author_may_follow_their_own_pending_problem(client):
    problem = ProblemFactory(moderation_state=ModerationState.PENDING)
    client.force_login(problem.author)

    response = client.post(
        "/notifications/follow/",
        {"target": "problems.problem", "object_id": problem.pk, "action": "follow"},
        headers=JSON,
    )

    assert response.status_code == 200
    assert response.json()["following"] is True


@pytest.mark.django_db
def test_a_follow_on_a_problem_hidden_since_can_still_be_stopped(client, citizen):
    problem = ProblemFactory()
    follow_add(user=citizen, target=problem)
    problem.moderation_state = ModerationState.HIDDEN
    problem.save(update_fields=["moderation_state"])
    client.force_login(citizen)

    response = client.post(
        "/notifications/follow/",
        {"target": "problems.problem", "object_id": problem.pk, "action": "unfollow"},
        headers=JSON,
    )

    assert response.status_code == 200
    assert not Follow.objects.filter(user=citizen).exists()


@pytest.mark.django_db
def test_follow_service_refuses_an_invisible_target(citizen):
    problem = ProblemFactory(moderation_state=ModerationState.PENDING)
    with pytest.raises(targets.TargetNotFound):
        follow_add(user=citizen, target=problem)
    with pytest.raises(targets.TargetNotFound):
        follow_add(user=citizen, target=_invitation())


# --- Comments ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("key", [*UNREGISTERED, "accounts.user"])
def test_nothing_unregistered_can_be_commented_on(client, citizen, key):
    obj = citizen if key == "accounts.user" else UNREGISTERED[key]()
    client.force_login(citizen)
    data = {"target": key, "object_id": obj.pk, "body": "여기에 댓글을 달아 봅니다"}

    api = client.post("/comments/post/", data, headers=JSON)
    html = client.post("/comments/post/", data)

    assert api.status_code == 404
    assert api.json()["error"] == "not_found"
    assert "/teams/join/" not in api.content.decode()
    assert html.status_code == 404
    assert "Location" not in html.headers
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_comment_service_refuses_unregistered_targets(citizen):
    for make in UNREGISTERED.values():
        with pytest.raises(CommentRefused) as refused:
            comment_create(author=citizen, target=make(), body="우회해서 달아 보는 댓글")
        assert refused.value.status == 404
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_commenting_on_someone_elses_pending_problem_is_404(client, citizen):
    problem = ProblemFactory(moderation_state=ModerationState.PENDING)
    client.force_login(citizen)

    response = client.post(
        "/comments/post/",
        {"target": "problems.problem", "object_id": problem.pk, "body": "보이지 않는 글"},
        headers=JSON,
    )

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


@pytest.mark.django_db
def test_project_pages_take_comments_only_while_live(client, citizen, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    team = make_team()
    live, draft = make_project(team), make_project(team, live=False)
    client.force_login(citizen)

    def post(page):
        return client.post(
            "/comments/post/",
            {"target": "cms.projectpage", "object_id": page.pk, "body": "멋진 프로젝트예요"},
            headers=JSON,
        )

    assert post(live).status_code == 201
    assert post(draft).status_code == 404


@pytest.mark.django_db
def test_editing_a_comment_on_a_target_hidden_since_is_404(client, citizen, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    problem = ProblemFactory()
    comment = comment_create(author=citizen, target=problem, body="처음 쓴 댓글")
    problem.moderation_state = ModerationState.HIDDEN
    problem.save(update_fields=["moderation_state"])
    client.force_login(citizen)

    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "고친 댓글"}, headers=JSON)

    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.body == "처음 쓴 댓글"


# --- Reports and notifications -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["teams.invitation", "moderation.decision", "teams.team"])
def test_unregistered_things_cannot_be_reported(client, citizen, key):
    obj = UNREGISTERED[key]()
    client.force_login(citizen)

    assert client.get(f"/moderation/report/{key}/{obj.pk}/").status_code == 404
    api = client.post(f"/moderation/report/{key}/{obj.pk}/", {"reason": "spam"}, headers=JSON)
    assert api.status_code == 404
    assert api.json()["error"] == "not_found"


@pytest.mark.django_db
def test_a_hidden_problem_cannot_be_reported_by_others(client, citizen):
    problem = ProblemFactory(moderation_state=ModerationState.HIDDEN)
    client.force_login(citizen)

    response = client.get(f"/moderation/report/problems.problem/{problem.pk}/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_comment_on_a_hidden_problem_cannot_be_reported(client, citizen, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    problem = ProblemFactory()
    comment = comment_create(author=UserFactory(), target=problem, body="공개 댓글")
    problem.moderation_state = ModerationState.HIDDEN
    problem.save(update_fields=["moderation_state"])
    client.force_login(citizen)

    response = client.get(f"/moderation/report/comments.comment/{comment.pk}/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_notifications_refuse_an_unregistered_target(citizen):
    with pytest.raises(targets.TargetNotFound):
        notify(recipients=[citizen], kind="comment", target=_invitation(), message="x")


@pytest.mark.django_db
def test_a_decision_is_visible_only_to_its_author_and_moderators(citizen, moderator):
    decision = _decision()
    author = decision.case.author

    assert targets.is_visible(decision, user=author, purpose=targets.NOTIFY)
    assert targets.is_visible(decision, user=moderator, purpose=targets.NOTIFY)
    assert not targets.is_visible(decision, user=citizen, purpose=targets.NOTIFY)


@pytest.mark.django_db
def test_bad_ids_resolve_to_nothing_without_a_query(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        for bad in ("abc", "-1", "0", str(2**70), "", None, "1\x00"):
            assert (
                targets.resolve(
                    "problems.problem", bad, user=AnonymousUser(), purpose=targets.FOLLOW
                )
                is None
            )


@pytest.mark.django_db
def test_ideas_are_followed_only_while_their_round_page_is_live(client, citizen):
    from tests.ideas.factories import IdeaFactory

    idea = IdeaFactory()
    client.force_login(citizen)
    data = {"target": "ideas.idea", "object_id": idea.pk, "action": "follow"}
    assert client.post("/notifications/follow/", data, headers=JSON).status_code == 200

    idea.round.unpublish()
    client.post("/notifications/follow/", {**data, "action": "unfollow"}, headers=JSON)
    response = client.post("/notifications/follow/", data, headers=JSON)

    assert response.status_code == 404
