"""Casting and withdrawing votes: each refusal has its own message, code and HTTP status."""

import datetime as dt

import pytest
from django.utils import timezone

from soslab.ideas import services
from soslab.ideas.models import Ballot, IdeaStatus, Vote
from soslab.ideas.phases import Phase
from soslab.moderation.models import ModerationState
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, make_round

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def voting_round(db):
    return make_round(Phase.VOTING, vote_budget=3)


def vote_url(idea):
    return f"{idea.round.url}ideas/{idea.pk}/vote/"


def withdraw_url(idea):
    return f"{idea.round.url}ideas/{idea.pk}/withdraw-vote/"


@pytest.mark.django_db
def test_vote_counts_and_uses_budget(citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    ballot = services.vote_cast(user=citizen, idea=idea)
    idea.refresh_from_db()
    assert idea.vote_count == 1
    assert ballot.votes_used == 1
    assert Vote.objects.filter(user=citizen, idea=idea).exists()


@pytest.mark.django_db
def test_voting_twice_is_refused(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    assert client.post(vote_url(idea), **JSON).status_code == 200
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 409
    assert response.json()["error"] == "already_voted"
    idea.refresh_from_db()
    assert idea.vote_count == 1


@pytest.mark.django_db
def test_over_budget_is_refused_with_its_own_message(client, citizen, voting_round):
    ideas = [IdeaFactory(round=voting_round) for _ in range(4)]
    client.force_login(citizen)
    for idea in ideas[:3]:
        assert client.post(vote_url(idea), **JSON).json()["used"] in (1, 2, 3)
    response = client.post(vote_url(ideas[3]), **JSON)
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "over_budget"
    assert "3" in body["message"]
    assert Ballot.objects.get(user=citizen, round=voting_round).votes_used == 3


@pytest.mark.django_db
def test_unlimited_budget(citizen):
    page = make_round(Phase.VOTING, vote_budget=0)
    for _ in range(5):
        services.vote_cast(user=citizen, idea=IdeaFactory(round=page))
    assert Ballot.objects.get(user=citizen, round=page).votes_used == 5


@pytest.mark.django_db
def test_withdraw_frees_the_vote(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    client.post(vote_url(idea), **JSON)
    response = client.post(withdraw_url(idea), **JSON)
    assert response.status_code == 200
    assert response.json()["used"] == 0
    idea.refresh_from_db()
    assert idea.vote_count == 0
    assert not Vote.objects.filter(user=citizen).exists()


@pytest.mark.django_db
def test_withdraw_without_a_vote_is_refused(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    response = client.post(withdraw_url(idea), **JSON)
    assert response.status_code == 409
    assert response.json()["error"] == "not_voted"


@pytest.mark.django_db
def test_vote_on_hidden_idea_is_refused(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round, moderation_state=ModerationState.HIDDEN)
    client.force_login(citizen)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 404
    assert response.json()["error"] == "idea_hidden"
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_vote_on_withdrawn_idea_is_refused(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round, status=IdeaStatus.WITHDRAWN)
    client.force_login(citizen)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 409
    assert response.json()["error"] == "idea_withdrawn"


@pytest.mark.django_db
def test_unverified_user_cannot_vote(client, unverified_user, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(unverified_user)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 403
    assert response.json()["error"] == "email_unverified"


@pytest.mark.django_db
def test_blocked_user_cannot_vote(client, voting_round):
    blocked = UserFactory(blocked_until=timezone.now() + dt.timedelta(days=3))
    idea = IdeaFactory(round=voting_round)
    client.force_login(blocked)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 403
    assert response.json()["error"] == "blocked"


@pytest.mark.django_db
def test_anonymous_vote_needs_login(client, voting_round):
    idea = IdeaFactory(round=voting_round)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 401
    assert response.json()["error"] == "login_required"
    browser = client.post(vote_url(idea))
    assert browser.status_code == 302 and "/accounts/login/" in browser["Location"]


@pytest.mark.django_db
def test_non_resident_refused_when_round_requires_residents(client, citizen):
    page = make_round(Phase.VOTING, voter_eligibility="residents")
    idea = IdeaFactory(round=page)
    client.force_login(citizen)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 403
    assert response.json()["error"] == "not_resident"
    resident = UserFactory(is_resident=True)
    client.force_login(resident)
    assert client.post(vote_url(idea), **JSON).status_code == 200


@pytest.mark.django_db
def test_vote_before_voting_opens_names_the_dates(client, citizen):
    page = make_round(Phase.IDEAS)
    idea = IdeaFactory(round=page)
    client.force_login(citizen)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "voting_not_open"
    assert str(page.voting_start.day) in body["message"]


@pytest.mark.django_db
def test_vote_after_voting_closed_is_refused(client, citizen):
    page = make_round(Phase.TEAMS)
    idea = IdeaFactory(round=page)
    client.force_login(citizen)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 409
    assert response.json()["error"] == "voting_closed"


@pytest.mark.django_db
def test_withdraw_after_voting_closed_is_refused(citizen):
    page = make_round(Phase.VOTING)
    idea = IdeaFactory(round=page)
    services.vote_cast(user=citizen, idea=idea)
    later = page.voting_closes_at + dt.timedelta(seconds=1)
    with pytest.raises(services.VoteRefused) as refused:
        services.vote_withdraw(user=citizen, idea=idea, now=later)
    assert refused.value.code == "voting_closed"


@pytest.mark.django_db
def test_browser_vote_redirects_back_with_a_message(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    response = client.post(vote_url(idea), {"next": f"{voting_round.url}ideas/"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{voting_round.url}ideas/"
    html = response.content.decode()
    assert "3표 중 1표 사용" in html


@pytest.mark.django_db
def test_browser_refusal_is_shown_as_a_message(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    client.post(vote_url(idea))
    response = client.post(vote_url(idea), follow=True)
    assert "이미 이 아이디어에 투표했습니다" in response.content.decode()


@pytest.mark.django_db
def test_get_on_vote_endpoint_is_not_allowed(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    assert client.get(vote_url(idea)).status_code == 405


@pytest.mark.django_db
def test_voting_is_rate_limited(client, citizen, voting_round, settings):
    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "vote": ["2/h/user"]}
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    client.post(vote_url(idea), **JSON)
    client.post(withdraw_url(idea), **JSON)
    response = client.post(vote_url(idea), **JSON)
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"


@pytest.mark.django_db
def test_vote_records_the_optional_dong(client, citizen, voting_round):
    from tests.ideas.factories import make_dong

    dong = make_dong()
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    client.post(vote_url(idea), {"dong": dong.code}, **JSON)
    assert Ballot.objects.get(user=citizen).dong == dong


@pytest.mark.django_db
def test_ballot_summary_always_shown_on_the_idea_page(client, citizen, voting_round):
    idea = IdeaFactory(round=voting_round)
    client.force_login(citizen)
    html = client.get(f"{voting_round.url}ideas/{idea.pk}/").content.decode()
    assert "3표 중 0표 사용" in html
