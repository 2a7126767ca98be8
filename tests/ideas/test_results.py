"""Results: ranking with ties sharing a rank, turnout, public at voting close, CSV for staff."""

import csv
import io

import pytest

from soslab.accounts.models import AgeBand
from soslab.core.csv import safe_cell
from soslab.ideas.models import Ballot, Vote
from soslab.ideas.phases import Phase
from soslab.ideas.results import rank_rows
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, ProblemFactory, make_dong, make_round


def test_ties_share_a_rank():
    rows = rank_rows([9, 5, 5, 5, 2, 0, 0], key=lambda votes: votes)
    assert [row["rank"] for row in rows] == [1, 2, 2, 2, 5, 6, 6]


def test_no_ideas_no_ranks():
    assert rank_rows([], key=lambda votes: votes) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+82 63 123", "'+82 63 123"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("스마트 횡단보도", "스마트 횡단보도"),
        ("a=b", "a=b"),
        (12, 12),
        (-3, -3),
        (None, ""),
    ],
)
def test_csv_escapes_formula_like_cells(value, expected):
    assert safe_cell(value) == expected


def vote(page, idea, user):
    ballot, _created = Ballot.objects.get_or_create(round=page, user=user)
    Vote.objects.create(idea=idea, ballot=ballot, user=user)
    Ballot.objects.filter(pk=ballot.pk).update(votes_used=ballot.votes_used + 1)
    idea.vote_count += 1
    idea.save(update_fields=["vote_count"])


@pytest.fixture
def finished_round(db):
    page = make_round(Phase.TEAMS)
    a, b, c = (IdeaFactory(round=page, title=t) for t in ("가 아이디어", "나 아이디어", "=1+2"))
    dong = make_dong()
    adult, teen, kid = (
        UserFactory(),
        UserFactory(age_band=AgeBand.TEEN),
        UserFactory(age_band=AgeBand.UNDER_14),
    )
    for idea in (a, b):
        vote(page, idea, adult)
        vote(page, idea, teen)
    vote(page, c, kid)
    Ballot.objects.filter(user=adult).update(dong=dong)
    ProblemFactory(author=teen, dong=dong)  # teen's dong comes from the problem they reported
    return page, (a, b, c)


@pytest.mark.django_db
def test_results_page_ranking_turnout_and_chart(client, finished_round):
    page, (a, b, c) = finished_round
    response = client.get(f"{page.url}results/")
    assert response.status_code == 200
    results = response.context["results"]
    assert [(row["rank"], row["id"]) for row in response.context["ranking"]] == [
        (1, a.pk),
        (1, b.pk),
        (3, c.pk),
    ]
    assert results["voters"] == 3
    assert results["votes"] == 5
    by_age = {row["label"]: row["voters"] for row in results["by_age"]}
    assert list(by_age.values()) == [1, 1, 1]
    assert results["by_dong"] == [{"label": "완산구 효자1동", "voters": 2, "percent": 67}]
    assert results["unknown_dong"] == 1
    html = response.content.decode()
    assert 'class="bar"' in html and "<table" in html
    assert "results/csv/" in html  # public results: the whole ranking as CSV for everyone


@pytest.mark.django_db
def test_results_are_not_public_before_voting_closes(client, staff):
    page = make_round(Phase.VOTING)
    IdeaFactory(round=page, vote_count=4)
    response = client.get(f"{page.url}results/")
    assert response.status_code == 200
    assert "results" not in response.context
    client.force_login(staff)
    assert "results" in client.get(f"{page.url}results/").context  # staff preview


@pytest.mark.django_db
def test_results_become_public_the_moment_voting_closes(client, finished_round):
    page, _ideas = finished_round
    assert page.results_public
    assert client.get(f"{page.url}results/").context["results"]["voters"] == 3


@pytest.mark.django_db
def test_csv_is_for_staff_until_voting_closes(client, staff, citizen):
    page = make_round(Phase.VOTING)
    IdeaFactory(round=page, vote_count=4)
    url = f"{page.url}results/csv/"
    assert client.get(url).status_code == 302  # anonymous: log in
    client.force_login(citizen)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_csv_export_is_public_after_closing_and_escapes_formulas(client, finished_round):
    page, (a, b, c) = finished_round
    url = f"{page.url}results/csv/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")  # Excel reads Korean correctly only with the BOM
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert len(rows) == 4
    titles = [row[1] for row in rows[1:]]
    assert "'=1+2" in titles
    assert [row[0] for row in rows[1:]] == ["1", "1", "3"]
