"""Results frozen when voting closes: computed once, read afterwards, thawed by any change to an
idea of the round, a hidden idea never shown, a page of the ranking with constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soslab.ideas.models import Ballot, Idea, RoundResults, Vote
from soslab.ideas.phases import Phase
from soslab.ideas.results import round_results
from soslab.moderation.services import content_hide
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, make_round

pytestmark = pytest.mark.django_db


def _closed_round(ideas, votes_each=1):
    page = make_round(Phase.TEAMS)
    made = [IdeaFactory(round=page, title=f"아이디어 {n}") for n in range(ideas)]
    for n, idea in enumerate(made[: votes_each * 3]):
        user = UserFactory()
        ballot = Ballot.objects.create(round=page, user=user, votes_used=1)
        Vote.objects.create(idea=idea, ballot=ballot, user=user)
        Idea.objects.filter(pk=idea.pk).update(vote_count=n + 1)
    RoundResults.objects.filter(round=page).delete()
    return page, made


def test_results_are_frozen_on_the_first_request_after_closing(client):
    page, ideas = _closed_round(3)
    assert not RoundResults.objects.filter(round=page).exists()
    client.get(f"{page.url}results/")
    frozen = RoundResults.objects.get(round=page)
    assert [row["id"] for row in frozen.data["ranking"]][0] == ideas[2].pk
    Ballot.objects.all().delete()  # not an idea write: the frozen copy stays and is read
    assert client.get(f"{page.url}results/").context["results"]["voters"] == 3


def test_live_results_before_closing_are_not_frozen(staff):
    page = make_round(Phase.VOTING)
    IdeaFactory(round=page, vote_count=2)
    assert round_results(page)["ranking"][0]["votes"] == 2
    assert not RoundResults.objects.filter(round=page).exists()


def test_a_hide_after_closing_thaws_and_hides_at_once(client, moderator):
    page, ideas = _closed_round(3)
    client.get(f"{page.url}results/")
    assert RoundResults.objects.filter(round=page).exists()
    content_hide(moderator=moderator, target=ideas[2], reason_text="개인정보가 있습니다.")
    assert not RoundResults.objects.filter(round=page).exists()
    html = client.get(f"{page.url}results/").content.decode()
    assert "아이디어 2" not in html and "아이디어 1" in html


def test_frozen_copy_never_shows_a_hidden_idea(client):
    page, ideas = _closed_round(3)
    client.get(f"{page.url}results/")
    # Hidden without any ORM hook (as if frozen a moment before the hide committed).
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE ideas_idea SET moderation_state = 'hidden' WHERE id = %s", [ideas[2].pk]
        )
    assert RoundResults.objects.filter(round=page).exists()
    assert "아이디어 2" not in client.get(f"{page.url}results/").content.decode()
    body = b"".join(client.get(f"{page.url}results/csv/").streaming_content).decode()
    assert "아이디어 2" not in body and "아이디어 1" in body


def test_ranking_is_paginated_and_the_csv_has_every_idea(client, monkeypatch):
    from cms.rounds import voting

    monkeypatch.setattr(voting, "RANKING_PAGE_SIZE", 2)
    page, _ideas = _closed_round(5)
    response = client.get(f"{page.url}results/")
    assert len(response.context["ranking"]) == 2
    assert "page=2" in response.content.decode()
    assert len(client.get(f"{page.url}results/?page=3").context["ranking"]) == 1
    body = b"".join(client.get(f"{page.url}results/csv/").streaming_content).decode()
    assert body.count("아이디어 ") == 5


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_results_page_queries_do_not_grow_with_ideas_and_votes(client):
    small, _ = _closed_round(2)
    big, _ = _closed_round(40, votes_each=10)
    assert _queries(client, f"{small.url}results/") == _queries(client, f"{big.url}results/")
