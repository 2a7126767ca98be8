"""PRODUCT.md journey 3 in a real browser on a phone: a citizen votes for ideas within the round's
budget, always sees how many votes are used, is refused a vote over budget with the reason, and
withdraws a vote to free it."""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client

from soslab.ideas.models import Vote
from soslab.ideas.phases import Phase
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, make_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def voter(transactional_db):
    return UserFactory()


@pytest.fixture
def signed_in(phone, live_server, voter):
    client = Client()
    client.force_login(voter)
    phone.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return phone


def _vote(page, idea):
    # The button's accessible name ends with the idea's title (a visually hidden suffix).
    page.get_by_role(
        "button", name=re.compile(rf"^이 아이디어에 투표\s*:\s*{re.escape(idea.title)}$")
    ).click()
    page.wait_for_load_state()


def test_citizen_votes_within_the_budget_and_can_withdraw(signed_in, live_server, voter):
    voting = make_round(Phase.VOTING, vote_budget=2)
    ideas = [IdeaFactory(round=voting) for _ in range(3)]
    page = signed_in
    page.goto(f"{live_server.url}{voting.url}ideas/")
    assert "2표 중 0표 사용" in page.inner_text("#ballot-status")

    for idea in ideas[:2]:
        page.goto(f"{live_server.url}{voting.url}ideas/{idea.pk}/")
        _vote(page, idea)
    assert "2표 중 2표 사용" in page.inner_text("#ballot-status")

    # Over budget: the button says it is unavailable and why; a forced submit is refused by the
    # server with the reason, and nothing is recorded.
    page.goto(f"{live_server.url}{voting.url}ideas/{ideas[2].pk}/")
    button = page.get_by_role(
        "button", name=re.compile(rf"^이 아이디어에 투표\s*:\s*{re.escape(ideas[2].title)}$")
    )
    assert button.is_disabled()
    button.click(force=True)
    page.wait_for_load_state()
    assert "모두 사용" in page.inner_text("main")
    assert Vote.objects.filter(user=voter).count() == 2

    # Withdrawing frees the vote for another idea.
    page.goto(f"{live_server.url}{voting.url}ideas/{ideas[0].pk}/")
    page.get_by_role(
        "button", name=re.compile(rf"^투표 취소\s*:\s*{re.escape(ideas[0].title)}$")
    ).click()
    page.wait_for_load_state()
    assert "2표 중 1표 사용" in page.inner_text("#ballot-status")
    page.goto(f"{live_server.url}{voting.url}ideas/{ideas[2].pk}/")
    _vote(page, ideas[2])
    assert "2표 중 2표 사용" in page.inner_text("#ballot-status")
    assert set(Vote.objects.filter(user=voter).values_list("idea_id", flat=True)) == {
        ideas[1].pk,
        ideas[2].pk,
    }


def test_voting_page_fits_a_phone_screen(signed_in, live_server):
    voting = make_round(Phase.VOTING, vote_budget=3)
    IdeaFactory.create_batch(3, round=voting)
    signed_in.goto(f"{live_server.url}{voting.url}ideas/")
    overflow = signed_in.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
