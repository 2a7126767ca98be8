"""The numbers of the statistics page, computed in a constant number of queries whatever the
amount of data, and cached for CACHE_SECONDS per (language, period, category, month range).

Only public data: problems through `.public()` (hidden and pending never counted), live public
pages; no personal data (counts and durations only).

Definitions (also shown on the page):
- days to the first official answer: from the report (Problem.created_at) to the first official
  answer (Problem.answered_at), for answered problems reported in the period. The median is the
  middle value (mean of the two middle values for an even count); the 90th percentile is the
  nearest-rank value: the ceil(0.9 * n)-th smallest.
- overdue: an answer was due (Problem.answer_due_at, set by the support ladder), the date has
  passed and there is no official answer yet.
- share solved: problems with status "solved" among all public problems of the period.
- round turnout: per live round, the people who cast at least one vote (ballots with votes used)
  and the share of their vote budget they used. There is no register of eligible voters, so the
  turnout is counted in voters, not as a share of an electorate.
- team projects by stage: live project pages first published in the period, by their progress
  status today (the category filter does not apply: projects have no category).

Every filter (period, category, the from/to months) applies to every table and CSV.
"""

import math
import statistics
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.projects.models import ProgressStatus, ProjectPage
from cms.rounds.models import RoundPage
from soslab.problems.models import Problem, ProblemStatus

CACHE_SECONDS = 600
CACHE_VERSION = 2  # 2: the key names the month range


@dataclass
class Table:
    """One table of the page (and one CSV): `rows` are lists of cells; the chart (if any) draws
    column `chart_column` against the first column."""

    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    chart_column: int | None = 1
    description: str = ""


def median(values):
    return statistics.median(values) if values else None


def percentile_90(values):
    """Nearest-rank 90th percentile: the ceil(0.9 * n)-th smallest value."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def _problems(filters):
    problems = Problem.objects.public()
    if filters.since is not None:
        problems = problems.filter(created_at__gte=filters.since)
    if filters.until is not None:
        problems = problems.filter(created_at__lt=filters.until)
    if filters.category is not None:
        problems = problems.filter(category=filters.category)
    return problems


def _counted(problems, *fields):
    return problems.order_by().values(*fields).annotate(n=Count("pk"))


def by_category(problems):
    rows = _counted(problems, "category__name", "category__name_en", "category__sort_order")
    rows = sorted(rows, key=lambda r: (r["category__sort_order"], r["category__name"]))
    english = (get_language() or "ko").startswith("en")
    return Table(
        "category",
        _("Problems by category"),
        [_("Category"), _("Problems")],
        [
            [(r["category__name_en"] if english else "") or r["category__name"], r["n"]]
            for r in rows
        ],
    )


def by_dong(problems):
    rows = sorted(
        _counted(problems, "dong__gu", "dong__name"),
        key=lambda r: (-r["n"], r["dong__gu"] or "~", r["dong__name"] or ""),
    )
    return Table(
        "dong",
        _("Problems by dong"),
        [_("Dong"), _("Problems")],
        [
            [f"{r['dong__gu']} {r['dong__name']}" if r["dong__name"] else _("No dong"), r["n"]]
            for r in rows
        ],
    )


def by_status(problems):
    counts = {r["status"]: r["n"] for r in _counted(problems, "status")}
    return Table(
        "status",
        _("Problems by status"),
        [_("Status"), _("Problems")],
        [[label, counts.get(value, 0)] for value, label in ProblemStatus.choices],
    )


def by_month(problems):
    rows = (
        problems.order_by()
        .annotate(month=TruncMonth("created_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return Table(
        "month",
        _("Problems by month"),
        [_("Month"), _("Problems")],
        [[f"{r['month']:%Y-%m}", r["n"]] for r in rows],
    )


def answers(problems):
    now = timezone.now()
    totals = problems.aggregate(
        total=Count("pk"),
        solved=Count("pk", filter=Q(status=ProblemStatus.SOLVED)),
        due=Count("pk", filter=Q(answer_due_at__gte=now, answered_at__isnull=True)),
        overdue=Count("pk", filter=Q(answer_due_at__lt=now, answered_at__isnull=True)),
    )
    days = [
        (answered - created).total_seconds() / 86400
        for created, answered in problems.filter(answered_at__isnull=False)
        .order_by()
        .values_list("created_at", "answered_at")
    ]
    share = round(100 * totals["solved"] / totals["total"], 1) if totals["total"] else None
    rows = [
        [_("Problems"), totals["total"]],
        [_("Solved"), totals["solved"]],
        [_("Share solved (%)"), share],
        [_("Answered by the city"), len(days)],
        [_("Median days to the first official answer"), _rounded(median(days))],
        [_("90th percentile of days to the first official answer"), _rounded(percentile_90(days))],
        [_("Answers due, not yet overdue"), totals["due"]],
        [_("Answers overdue"), totals["overdue"]],
    ]
    return Table("answers", _("Answers and solutions"), [_("Measure"), _("Value")], rows, None)


def _rounded(value):
    return None if value is None else round(value, 1)


def round_turnout(filters):
    rounds = RoundPage.objects.live().public()
    if filters.since is not None:
        rounds = rounds.filter(voting_start__gte=filters.since.date())
    if filters.until is not None:
        rounds = rounds.filter(voting_start__lt=filters.until.date())
    rounds = rounds.annotate(
        voters=Count("ballots", filter=Q(ballots__votes_used__gt=0)),
        votes=Sum("ballots__votes_used"),
    ).order_by("voting_start", "pk")
    rows = []
    for page in rounds:
        votes = page.votes or 0
        budget = page.voters * page.vote_budget
        used = round(100 * votes / budget, 1) if budget else None
        rows.append(
            [page.localized("title"), f"{page.voting_start:%Y-%m-%d}", page.voters, votes, used]
        )
    columns = [
        _("Round"),
        _("Voting starts"),
        _("Voters"),
        _("Votes cast"),
        _("Vote budget used (%)"),
    ]
    return Table("rounds", _("Round turnout"), columns, rows, 2)


def projects_by_stage(filters):
    projects = ProjectPage.objects.live().public()
    if filters.since is not None:
        projects = projects.filter(first_published_at__gte=filters.since)
    if filters.until is not None:
        projects = projects.filter(first_published_at__lt=filters.until)
    counts = {
        r["progress_status"]: r["n"]
        for r in projects.order_by().values("progress_status").annotate(n=Count("pk"))
    }
    return Table(
        "projects",
        _("Team projects by stage"),
        [_("Stage"), _("Projects")],
        [[label, counts.get(value, 0)] for value, label in ProgressStatus.choices],
    )


def compute(filters):
    problems = _problems(filters)
    tables = [
        answers(problems),
        by_category(problems),
        by_status(problems),
        by_month(problems),
        by_dong(problems),
        round_turnout(filters),
        projects_by_stage(filters),
    ]
    return {table.key: table for table in tables}


def cached_tables(filters):
    """The tables for these filters, from the cache when computed in the last CACHE_SECONDS."""
    key = f"statistics:v{CACHE_VERSION}:{get_language()}:{filters.cache_key}"
    tables = cache.get(key)
    if tables is None:
        tables = compute(filters)
        cache.set(key, tables, CACHE_SECONDS)
    return tables
