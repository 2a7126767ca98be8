"""Round phases. The current phase is always derived from the round's dates in Asia/Seoul time,
never stored: a phase begins at 00:00 (Seoul) on its start date and ends when the next one begins.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SEOUL = ZoneInfo("Asia/Seoul")


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Not started yet")
    PROBLEMS = "problems", _("Problem collection")
    IDEAS = "ideas", _("Idea collection")
    VOTING = "voting", _("Voting")
    TEAMS = "teams", _("Team building")
    MAKING = "making", _("Making")
    RESULTS = "results", _("Results sharing")


# (phase, name of the RoundPage date field on which it starts), in order.
PHASE_FIELDS = [
    (Phase.PROBLEMS, "problems_start"),
    (Phase.IDEAS, "ideas_start"),
    (Phase.VOTING, "voting_start"),
    (Phase.TEAMS, "teams_start"),
    (Phase.MAKING, "making_start"),
    (Phase.RESULTS, "results_start"),
]

# What a visitor can do in each phase (shown on the round page as "what you can do now").
PHASE_ACTIONS = {
    Phase.UPCOMING: _("The round has not started yet. Report local problems any time meanwhile."),
    Phase.PROBLEMS: _(
        "Report the local problems this round should tackle, and support the ones you share."
    ),
    Phase.IDEAS: _(
        "Propose an idea that solves one of the round's problems, and comment on others."
    ),
    Phase.VOTING: _("Vote for the ideas you want the maker teams to build."),
    Phase.TEAMS: _("Voting is closed and the results are public. Maker teams are forming."),
    Phase.MAKING: _("Maker teams are building the selected ideas. Follow their project pages."),
    Phase.RESULTS: _("See what the teams built and join the results-sharing event."),
}


def seoul_midnight(day):
    """00:00 in Seoul on `day`, as an aware datetime."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=SEOUL)


@dataclass(frozen=True)
class PhaseSpan:
    phase: str
    label: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None  # None: open-ended (the last phase)
    state: str  # "past", "current" or "future"

    @property
    def last_day(self):
        """The last calendar day (Seoul) of the phase, for display."""
        if self.ends_at is None:
            return None
        return (self.ends_at - dt.timedelta(seconds=1)).astimezone(SEOUL).date()

    @property
    def first_day(self):
        return self.starts_at.astimezone(SEOUL).date()


def phase_spans(dates, now=None):
    """The six phases with their start and end instants and past/current/future state.

    `dates` maps each PHASE_FIELDS field name to a date.
    """
    now = now or timezone.now()
    starts = [(phase, seoul_midnight(dates[field])) for phase, field in PHASE_FIELDS]
    spans = []
    for index, (phase, starts_at) in enumerate(starts):
        ends_at = starts[index + 1][1] if index + 1 < len(starts) else None
        if now < starts_at:
            state = "future"
        elif ends_at is None or now < ends_at:
            state = "current"
        else:
            state = "past"
        spans.append(PhaseSpan(phase, Phase(phase).label, starts_at, ends_at, state))
    return spans


def current_phase(dates, now=None):
    """The phase in progress at `now` (UPCOMING before the first phase starts)."""
    for span in phase_spans(dates, now):
        if span.state == "current":
            return span.phase
    return Phase.UPCOMING
