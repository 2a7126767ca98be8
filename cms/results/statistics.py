"""Statistics of a lab round for its results-sharing event, computed from the data, never typed.

Definitions (also in docs/teams.md):
- problems posted: public problems created from the round's problem collection start until its
  results-sharing start (Seoul dates; open-ended while the round runs);
- supports: supports (공감) given in the same period;
- ideas: public ideas of the round;  votes: votes on them;  voters: people with at least one vote;
- teams: teams of the round;  projects: live project pages of those teams;
- problems solved: distinct problems addressed by those projects whose status is "solved".

A fixed number of aggregate queries (one per figure) whatever the size of the round.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from cms.projects.models import ProjectPage
from soslab.ideas.models import Idea, Vote
from soslab.problems.models import Problem, ProblemStatus, Support
from soslab.teams.models import Team

SEOUL = ZoneInfo("Asia/Seoul")

LABELS = {
    "problems": _("Problems posted"),
    "supports": _("Supports"),
    "ideas": _("Ideas"),
    "voters": _("Voters"),
    "votes": _("Votes"),
    "teams": _("Teams"),
    "projects": _("Projects"),
    "solved": _("Problems solved"),
}


def _start_of(day):
    return dt.datetime.combine(day, dt.time.min, tzinfo=SEOUL)


def round_statistics(round_page):
    """{key: number} for the round, in the order of LABELS."""
    window = {"created_at__gte": _start_of(round_page.problems_start)}
    if round_page.results_start:
        window["created_at__lt"] = _start_of(round_page.results_start)

    ideas = Idea.objects.public().filter(round=round_page)
    votes = Vote.objects.filter(idea__round=round_page, idea__moderation_state="published")
    projects = ProjectPage.objects.live().filter(team__round=round_page)
    return {
        "problems": Problem.objects.public().filter(**window).count(),
        "supports": Support.objects.filter(problem__moderation_state="published", **window).count(),
        "ideas": ideas.count(),
        "voters": votes.values("user_id").distinct().count(),
        "votes": votes.count(),
        "teams": Team.objects.filter(round=round_page).count(),
        "projects": projects.count(),
        "solved": Problem.objects.filter(
            projects__in=projects.values("pk"), status=ProblemStatus.SOLVED
        )
        .distinct()
        .count(),
    }


CHART_ROW = 36
CHART_LABEL_WIDTH = 190
CHART_BAR_WIDTH = 380


def statistics_rows(stats):
    """Rows for the table and the server-drawn SVG bar chart: label, value, and the bar's
    position and length in chart units (the largest figure gets the full width)."""
    if not stats:
        return []
    largest = max(stats.values()) or 1
    rows = []
    for position, key in enumerate(key for key in LABELS if key in stats):
        bar = round(stats[key] / largest * CHART_BAR_WIDTH, 1)
        rows.append(
            {
                "key": key,
                "label": LABELS[key],
                "value": stats[key],
                "y": position * CHART_ROW,
                "bar": bar,
                "value_x": CHART_LABEL_WIDTH + bar + 8,
            }
        )
    return rows


def chart_height(rows):
    return len(rows) * CHART_ROW
