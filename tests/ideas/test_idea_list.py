"""The idea list: filters, sorts, 20 per page, constant query count, stable random order."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soslab.ideas.models import Ballot, IdeaStatus, Vote
from soslab.ideas.phases import Phase
from soslab.moderation.models import ModerationState
from soslab.problems.models import Category
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, ProblemFactory, make_round


def list_url(page, query=""):
    return f"{page.url}ideas/{query}"


def listed_ids(response):
    return [idea.pk for idea in response.context["ideas"]]


def make_ideas(page, count, **kwargs):
    problem = ProblemFactory()
    return [IdeaFactory(round=page, problems=[problem], **kwargs) for _ in range(count)]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("phase", [Phase.IDEAS, Phase.VOTING, Phase.TEAMS])
def test_query_count_is_constant_for_few_and_many_ideas(client, citizen, phase):
    page = make_round(phase)
    client.force_login(citizen)
    few = make_ideas(page, 2)
    for idea in few:
        idea.tags.add("횡단보도")
    Ballot.objects.create(round=page, user=citizen, votes_used=1)
    Vote.objects.create(idea=few[0], ballot=Ballot.objects.get(user=citizen), user=citizen)
    client.get(list_url(page))  # warm the session and caches
    baseline = count_queries(client, list_url(page))

    many = make_ideas(page, 40)
    for idea in many:
        idea.tags.add("횡단보도", "안전")
    other = UserFactory()
    ballot = Ballot.objects.create(round=page, user=other, votes_used=3)
    for idea in many[:3]:
        Vote.objects.create(idea=idea, ballot=ballot, user=other)
    assert count_queries(client, list_url(page)) == baseline
    assert count_queries(client, list_url(page, "?page=2")) == baseline


@pytest.mark.django_db
def test_twenty_per_page(client):
    page = make_round(Phase.IDEAS)
    make_ideas(page, 25)
    first = client.get(list_url(page))
    assert len(first.context["ideas"]) == 20
    second = client.get(list_url(page, "?page=2"))
    assert len(second.context["ideas"]) == 5
    assert not set(listed_ids(first)) & set(listed_ids(second))


@pytest.mark.django_db
def test_hidden_and_pending_ideas_are_not_listed(client):
    page = make_round(Phase.IDEAS)
    visible = IdeaFactory(round=page)
    IdeaFactory(round=page, moderation_state=ModerationState.HIDDEN)
    IdeaFactory(round=page, moderation_state=ModerationState.PENDING)
    assert listed_ids(client.get(list_url(page))) == [visible.pk]


@pytest.mark.django_db
def test_filters_by_problem_category_status_and_tag(client):
    page = make_round(Phase.IDEAS)
    safety = Category.objects.create(name="안전", name_en="Safety", slug="safety")
    problem = ProblemFactory()
    by_problem = IdeaFactory(round=page, problems=[problem])
    by_category = IdeaFactory(round=page, category=safety)
    by_status = IdeaFactory(round=page, status=IdeaStatus.SHORTLISTED)
    by_tag = IdeaFactory(round=page)
    by_tag.tags.add("어린이보호구역")
    assert listed_ids(client.get(list_url(page, f"?problem={problem.pk}"))) == [by_problem.pk]
    assert listed_ids(client.get(list_url(page, "?category=safety"))) == [by_category.pk]
    assert listed_ids(client.get(list_url(page, "?status=shortlisted"))) == [by_status.pk]
    assert listed_ids(client.get(list_url(page, "?tag=어린이보호구역"))) == [by_tag.pk]


@pytest.mark.django_db
def test_invalid_filters_are_ignored(client):
    page = make_round(Phase.IDEAS)
    idea = IdeaFactory(round=page)
    response = client.get(list_url(page, "?status=bogus&page=abc&problem=x"))
    assert response.status_code == 200
    assert listed_ids(response) == [idea.pk]


@pytest.mark.django_db
def test_sorts(client):
    page = make_round(Phase.IDEAS)
    old, new = make_ideas(page, 2)
    old.created_at = old.created_at.replace(year=2025)
    old.save(update_fields=["created_at"])
    new.comment_count = 5
    new.save(update_fields=["comment_count"])
    assert listed_ids(client.get(list_url(page, "?sort=oldest"))) == [old.pk, new.pk]
    assert listed_ids(client.get(list_url(page, "?sort=newest"))) == [new.pk, old.pk]
    assert listed_ids(client.get(list_url(page, "?sort=comments")))[0] == new.pk


@pytest.mark.django_db
def test_random_order_during_voting_is_stable_per_visitor_and_differs_between_them(client):
    page = make_round(Phase.VOTING)
    ideas = make_ideas(page, 15)
    first_visit = listed_ids(client.get(list_url(page)))
    assert listed_ids(client.get(list_url(page))) == first_visit
    assert sorted(first_visit) == sorted(idea.pk for idea in ideas)
    orders = set()
    for _ in range(4):
        user = UserFactory()
        client.force_login(user)
        order = listed_ids(client.get(list_url(page)))
        assert listed_ids(client.get(list_url(page))) == order  # stable for this person
        orders.add(tuple(order))
    assert len(orders) > 1  # different people, different orders
    creation_order = [idea.pk for idea in sorted(ideas, key=lambda i: i.pk)]
    assert len(orders - {tuple(creation_order), tuple(reversed(creation_order))}) >= 1


@pytest.mark.django_db
def test_random_order_pages_do_not_repeat_or_skip(client):
    page = make_round(Phase.VOTING)
    ideas = make_ideas(page, 25)
    first = listed_ids(client.get(list_url(page)))
    second = listed_ids(client.get(list_url(page, "?page=2")))
    assert sorted(first + second) == sorted(idea.pk for idea in ideas)


@pytest.mark.django_db
def test_ranked_by_votes_after_voting_closes(client):
    page = make_round(Phase.TEAMS)
    low, high, middle = make_ideas(page, 3)
    for idea, votes in ((low, 1), (high, 9), (middle, 4)):
        idea.vote_count = votes
        idea.save(update_fields=["vote_count"])
    response = client.get(list_url(page))
    assert listed_ids(response) == [high.pk, middle.pk, low.pk]
    assert "9" in response.content.decode()


@pytest.mark.django_db
def test_sort_by_votes_is_not_offered_while_counts_are_hidden(client):
    page = make_round(Phase.VOTING)
    low, high = make_ideas(page, 2)
    high.vote_count = 98765  # a number no factory sequence can print by chance
    high.save(update_fields=["vote_count"])
    response = client.get(list_url(page, "?sort=votes"))
    listing = response.content.decode().split("idea-list")[-1]
    assert "98765" not in listing
    assert "98,765" not in listing
    assert "votes" not in [
        value for value, _label in response.context["form"].fields["sort"].choices
    ]
