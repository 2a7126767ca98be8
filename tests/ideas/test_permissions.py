"""The permissions table: (anonymous, unverified, citizen, resident, moderator, staff) x
(before ideas, ideas, voting, after voting) for propose, vote, withdraw and see counts.

Each cell is checked through HTTP, the way a browser or API client meets it.
"""

import pytest

from soslab.ideas.models import Ballot, Idea, Vote
from soslab.ideas.phases import Phase
from tests.factories import ModeratorFactory, StaffFactory, UserFactory
from tests.ideas.factories import IdeaFactory, make_round

JSON = {"HTTP_ACCEPT": "application/json"}
ROLES = ["anonymous", "unverified", "citizen", "resident", "moderator", "staff"]
PHASES = {
    "before ideas": Phase.PROBLEMS,
    "ideas": Phase.IDEAS,
    "voting": Phase.VOTING,
    "after voting": Phase.TEAMS,
}
MEMBERS = {"citizen", "resident", "moderator", "staff"}

# Expected outcome per (action, phase) -> the roles allowed.
ALLOWED = {
    ("propose", "before ideas"): set(),
    ("propose", "ideas"): MEMBERS,
    ("propose", "voting"): set(),
    ("propose", "after voting"): set(),
    ("vote", "before ideas"): set(),
    ("vote", "ideas"): set(),
    ("vote", "voting"): MEMBERS,
    ("vote", "after voting"): set(),
    ("withdraw", "before ideas"): set(),
    ("withdraw", "ideas"): set(),
    ("withdraw", "voting"): MEMBERS,
    ("withdraw", "after voting"): set(),
    # Counts are hidden until voting closes (the round's default); staff run the round and see them.
    ("see counts", "before ideas"): {"staff"},
    ("see counts", "ideas"): {"staff"},
    ("see counts", "voting"): {"staff"},
    ("see counts", "after voting"): set(ROLES),
}
# In a residents-only round only confirmed residents may vote or withdraw.
RESIDENTS_ONLY_VOTERS = {"resident"}


def make_user(role):
    if role == "anonymous":
        return None
    if role == "unverified":
        return UserFactory(verified=False)
    if role == "resident":
        return UserFactory(is_resident=True)
    if role == "moderator":
        return ModeratorFactory()
    if role == "staff":
        return StaffFactory()
    return UserFactory()


def attempt(client, action, page, user):
    idea = IdeaFactory(round=page, vote_count=7)
    if action == "propose":
        response = client.get(f"{page.url}ideas/new/")
        return response.status_code == 200
    if action == "vote":
        response = client.post(f"{page.url}ideas/{idea.pk}/vote/", **JSON)
        return response.status_code == 200
    if action == "withdraw":
        if user is not None:  # a vote cast earlier (set up directly, whatever the phase)
            ballot = Ballot.objects.create(round=page, user=user, votes_used=1)
            Vote.objects.create(idea=idea, ballot=ballot, user=user)
            Idea.objects.filter(pk=idea.pk).update(vote_count=8)
        response = client.post(f"{page.url}ideas/{idea.pk}/withdraw-vote/", **JSON)
        return response.status_code == 200
    if action == "see counts":
        detail = client.get(f"{page.url}ideas/{idea.pk}/").content.decode()
        listing = client.get(f"{page.url}ideas/").content.decode()
        shown = 'class="idea__votes"' in detail
        assert shown == ("7" in listing.split("idea-list")[-1] and 'class="idea__votes"' in detail)
        return shown
    raise AssertionError(action)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("phase_name", list(PHASES))
@pytest.mark.parametrize("action", ["propose", "vote", "withdraw", "see counts"])
def test_permission_table(client, role, phase_name, action):
    page = make_round(PHASES[phase_name])
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    allowed = attempt(client, action, page, user)
    assert allowed == (role in ALLOWED[(action, phase_name)]), (role, phase_name, action)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["vote", "withdraw"])
def test_residents_only_round(client, role, action):
    page = make_round(Phase.VOTING, voter_eligibility="residents")
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    assert attempt(client, action, page, user) == (role in RESIDENTS_ONLY_VOTERS)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_live_counts_round_shows_counts_to_everyone_during_voting(client, role):
    page = make_round(Phase.VOTING, show_live_counts=True)
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    assert attempt(client, "see counts", page, user) is True
