"""The live audience vote at a results-sharing event."""

import json

import pytest
from django.db import IntegrityError, transaction

from soslab.teams.live_vote import (
    jury_score_set,
    live_vote_cast,
    live_vote_close,
    live_vote_open,
    live_vote_ranking,
)
from soslab.teams.models import LiveBallot, LiveVote, LiveVoteStatus
from soslab.teams.services import TeamActionRefused
from tests.factories import UserFactory
from tests.teams.factories import make_event, make_project, make_team


@pytest.fixture
def event(db):
    first = make_project(make_team(), title="스마트 횡단보도")
    second = make_project(make_team(), title="미세먼지 알리미")
    return make_event(projects=[first, second])


def _options(vote):
    return list(vote.options.order_by("sort_order"))


@pytest.mark.django_db
def test_staff_open_the_vote_on_the_showcased_projects(event, staff):
    vote = live_vote_open(event=event, actor=staff)
    assert vote.status == LiveVoteStatus.OPEN
    assert [o.project.title for o in _options(vote)] == ["스마트 횡단보도", "미세먼지 알리미"]


@pytest.mark.django_db
def test_citizens_cannot_open_the_vote(event, citizen):
    with pytest.raises(TeamActionRefused):
        live_vote_open(event=event, actor=citizen)
    assert not LiveVote.objects.exists()


@pytest.mark.django_db
def test_one_vote_per_account(event, staff, citizen):
    vote = live_vote_open(event=event, actor=staff)
    first, second = _options(vote)

    live_vote_cast(vote=vote, user=citizen, option_id=first.pk)
    with pytest.raises(TeamActionRefused) as excinfo:
        live_vote_cast(vote=vote, user=citizen, option_id=second.pk)

    assert excinfo.value.code == "already_voted"
    vote.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (vote.total_votes, first.audience_votes, second.audience_votes) == (1, 1, 0)


@pytest.mark.django_db
def test_the_database_refuses_a_second_ballot(event, staff, citizen):
    vote = live_vote_open(event=event, actor=staff)
    first, second = _options(vote)
    LiveBallot.objects.create(vote=vote, user=citizen, option=first)
    with pytest.raises(IntegrityError), transaction.atomic():
        LiveBallot.objects.create(vote=vote, user=citizen, option=second)


@pytest.mark.django_db
def test_one_tap_page_counts_one_vote_and_answers_json_409_the_second_time(
    client, event, staff, citizen
):
    vote = live_vote_open(event=event, actor=staff)
    first, _second = _options(vote)
    client.force_login(citizen)
    url = event.url_for("live_vote")

    assert client.post(url, {"option": first.pk}).status_code == 302
    response = client.post(url, {"option": first.pk}, HTTP_ACCEPT="application/json")

    assert response.status_code == 409
    assert response.json()["error"] == "already_voted"
    assert LiveBallot.objects.filter(vote=vote).count() == 1


@pytest.mark.django_db
def test_voting_needs_an_account(client, event, staff):
    vote = live_vote_open(event=event, actor=staff)
    response = client.post(
        event.url_for("live_vote"), {"option": _options(vote)[0].pk}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 401
    assert not LiveBallot.objects.exists()


@pytest.mark.django_db
def test_unknown_project_is_refused(client, event, staff, citizen):
    live_vote_open(event=event, actor=staff)
    client.force_login(citizen)
    response = client.post(
        event.url_for("live_vote"), {"option": "999999"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unknown_project"


@pytest.mark.django_db
def test_closed_vote_refuses_votes(event, staff, citizen):
    vote = live_vote_open(event=event, actor=staff)
    live_vote_close(vote=vote, actor=staff)
    vote.refresh_from_db()
    with pytest.raises(TeamActionRefused) as excinfo:
        live_vote_cast(vote=vote, user=citizen, option_id=_options(vote)[0].pk)
    assert excinfo.value.code == "vote_closed"


@pytest.mark.django_db
def test_final_ranking_combines_audience_and_jury_with_weights(event, staff):
    vote = live_vote_open(event=event, actor=staff, audience_weight=40)
    crossing, dust = _options(vote)
    for _ in range(3):
        live_vote_cast(vote=vote, user=UserFactory(), option_id=crossing.pk)
    live_vote_cast(vote=vote, user=UserFactory(), option_id=dust.pk)
    jury_score_set(vote=vote, option=crossing, juror="심사위원 A", score=50, actor=staff)
    jury_score_set(vote=vote, option=dust, juror="심사위원 A", score=100, actor=staff)
    jury_score_set(vote=vote, option=dust, juror="심사위원 B", score=80, actor=staff)
    vote.refresh_from_db()

    ranking = live_vote_ranking(vote)

    # crossing: 0.4 * 0.75 + 0.6 * 0.50 = 0.60; dust: 0.4 * 0.25 + 0.6 * 0.90 = 0.64
    assert [(row["title"], row["score"]) for row in ranking] == [
        ("미세먼지 알리미", 64.0),
        ("스마트 횡단보도", 60.0),
    ]
    assert ranking[0]["jury_mean"] == 90.0


@pytest.mark.django_db
def test_closing_freezes_the_outcome_into_the_event_page(client, event, staff, citizen):
    vote = live_vote_open(event=event, actor=staff, audience_weight=100)
    live_vote_cast(vote=vote, user=citizen, option_id=_options(vote)[1].pk)

    live_vote_close(vote=vote, actor=staff)

    vote.refresh_from_db()
    assert vote.status == LiveVoteStatus.CLOSED
    assert vote.outcome[0]["title"] == "미세먼지 알리미"
    html = client.get(event.url).content.decode()
    assert "미세먼지 알리미" in html
    assert "100.0" in html


@pytest.mark.django_db
def test_results_json_for_the_projector(client, event, staff, citizen):
    vote = live_vote_open(event=event, actor=staff)
    live_vote_cast(vote=vote, user=citizen, option_id=_options(vote)[0].pk)

    response = client.get(event.url_for("live_vote_results"))

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["status"] == "open"
    assert data["total_votes"] == 1
    assert data["ranking"][0]["title"] == "스마트 횡단보도"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_qr_code_is_an_svg_made_by_the_site(client, event):
    response = client.get(event.url_for("live_vote_qr"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


@pytest.mark.django_db
def test_projector_view_polls_with_a_nonce_script(client, event, staff):
    live_vote_open(event=event, actor=staff)
    response = client.get(event.url_for("projector"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "live_vote_projector.js" in html
    assert 'nonce="' in html
    assert "data-live-results" in html


@pytest.mark.django_db
def test_staff_controls_are_staff_only(client, event, citizen, staff):
    client.force_login(citizen)
    assert client.get(event.url_for("live_vote_manage")).status_code == 403
    assert client.post(event.url_for("live_vote_manage"), {"action": "open"}).status_code == 403
    assert not LiveVote.objects.exists()

    client.force_login(staff)
    response = client.post(
        event.url_for("live_vote_manage"), {"action": "open", "audience_weight": "60"}
    )
    assert response.status_code == 302
    assert LiveVote.objects.get().audience_weight == 60


@pytest.mark.django_db
def test_bad_weight_is_explained_and_kept(client, event, staff):
    client.force_login(staff)
    response = client.post(
        event.url_for("live_vote_manage"), {"action": "open", "audience_weight": "150"}
    )
    assert response.status_code == 400
    assert 'value="150"' in response.content.decode()
    assert not LiveVote.objects.exists()


@pytest.mark.django_db
def test_voting_without_a_csrf_token_is_refused(event, staff, citizen):
    from django.test import Client

    vote = live_vote_open(event=event, actor=staff)
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)

    response = client.post(event.url_for("live_vote"), {"option": _options(vote)[0].pk})

    assert response.status_code == 403
    assert not LiveBallot.objects.exists()
