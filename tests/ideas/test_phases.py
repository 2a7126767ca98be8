import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from soslab.ideas.phases import SEOUL, Phase, current_phase, phase_spans
from tests.ideas.factories import make_round

DATES = {
    "problems_start": dt.date(2026, 3, 1),
    "ideas_start": dt.date(2026, 3, 15),
    "voting_start": dt.date(2026, 4, 1),
    "teams_start": dt.date(2026, 4, 15),
    "making_start": dt.date(2026, 5, 1),
    "results_start": dt.date(2026, 7, 1),
}


def seoul(*args):
    return dt.datetime(*args, tzinfo=SEOUL)


def test_phase_changes_at_midnight_seoul_not_utc():
    # 2026-03-31 23:59 in Seoul is still idea collection; 00:00 on 4/1 Seoul (15:00 UTC 3/31) is voting.
    assert current_phase(DATES, seoul(2026, 3, 31, 23, 59, 59)) == Phase.IDEAS
    assert current_phase(DATES, seoul(2026, 4, 1, 0, 0)) == Phase.VOTING
    utc_afternoon = dt.datetime(2026, 3, 31, 15, 0, tzinfo=dt.UTC)
    assert current_phase(DATES, utc_afternoon) == Phase.VOTING


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        (seoul(2026, 2, 28, 12), Phase.UPCOMING),
        (seoul(2026, 3, 1, 0), Phase.PROBLEMS),
        (seoul(2026, 3, 20), Phase.IDEAS),
        (seoul(2026, 4, 14, 23, 59), Phase.VOTING),
        (seoul(2026, 4, 15, 0), Phase.TEAMS),
        (seoul(2026, 6, 1), Phase.MAKING),
        (seoul(2027, 1, 1), Phase.RESULTS),
    ],
)
def test_each_phase_is_derived_from_the_dates(moment, phase):
    assert current_phase(DATES, moment) == phase


def test_timeline_states_and_last_days():
    spans = phase_spans(DATES, seoul(2026, 4, 2))
    assert [span.state for span in spans] == [
        "past",
        "past",
        "current",
        "future",
        "future",
        "future",
    ]
    voting = spans[2]
    assert voting.first_day == dt.date(2026, 4, 1)
    assert voting.last_day == dt.date(2026, 4, 14)
    assert spans[-1].ends_at is None


@pytest.mark.django_db
def test_round_page_phase_follows_its_dates():
    page = make_round(Phase.VOTING)
    assert page.current_phase == Phase.VOTING
    assert page.voting_is_open()
    assert not page.results_public
    assert page.next_span.phase == Phase.TEAMS
    assert 0 < page.countdown_seconds() <= 10 * 86400
    finished = make_round(Phase.TEAMS)
    assert finished.results_public
    assert not finished.voting_is_open()


@pytest.mark.django_db
def test_round_dates_out_of_order_are_refused():
    page = make_round(Phase.IDEAS)
    page.voting_start = page.ideas_start - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "voting_start" in error.value.message_dict
