"""Round results: ranking (ties share a rank), turnout by age band and dong, (CSV cells are escaped by soslab.core.csv).

Reads only; a handful of aggregate queries whatever the number of ideas or votes.
"""

from django.db.models import BigIntegerField, Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from geo.models import Dong
from soslab.accounts.models import AgeBand
from soslab.problems.models import Problem

from .models import Ballot, Idea


def rank_rows(items, key):
    """Standard competition ranking ("1, 2, 2, 4"): equal scores share the best rank.

    `items` must already be sorted by `key` descending.
    """
    rows = []
    previous = None
    rank = 0
    for position, item in enumerate(items, start=1):
        score = key(item)
        if score != previous:
            rank = position
            previous = score
        rows.append({"rank": rank, "item": item, "score": score})
    return rows


def _ranking(round_page):
    ideas = list(
        Idea.objects.public().filter(round=round_page).select_related("author", "category").ranked()
    )
    ranking = [
        {"rank": row["rank"], "idea": row["item"], "votes": row["score"]}
        for row in rank_rows(ideas, key=lambda idea: idea.vote_count)
    ]
    top = max((idea.vote_count for idea in ideas), default=0)
    for row in ranking:
        row["percent"] = round(100 * row["votes"] / top) if top else 0
    return ranking


def _voters_by_age(ballots):
    by_age = dict(
        ballots.values_list("user__age_band")
        .annotate(n=Count("id"))
        .values_list("user__age_band", "n")
    )
    return [{"label": label, "voters": by_age.get(value, 0)} for value, label in AgeBand.choices]


def _voters_by_dong(ballots):
    """Rows per dong, and the number of voters whose dong is unknown.

    A voter's dong: the one they gave when voting, else the dong of the last problem they
    reported; otherwise unknown. Nothing else about where people live is collected."""
    reported_dong = (
        Problem.objects.filter(author=OuterRef("user"), dong__isnull=False)
        .order_by("-created_at")
        .values("dong_id")[:1]
    )
    by_dong = dict(
        ballots.annotate(
            effective_dong=Coalesce(
                "dong_id", Subquery(reported_dong), output_field=BigIntegerField()
            )
        )
        .values("effective_dong")
        .annotate(n=Count("id"))
        .values_list("effective_dong", "n")
    )
    names = {dong.pk: str(dong) for dong in Dong.objects.filter(pk__in=[k for k in by_dong if k])}
    rows = sorted(
        ({"label": names[pk], "voters": n} for pk, n in by_dong.items() if pk in names),
        key=lambda row: (-row["voters"], row["label"]),
    )
    return rows, by_dong.get(None, 0)


def round_results_data(round_page):
    """Everything the results page and the CSV export show for one round."""
    ballots = Ballot.objects.filter(round=round_page, votes_used__gt=0)
    totals = ballots.aggregate(voters=Count("id"), votes=Sum("votes_used"))
    voters = totals["voters"] or 0
    age_rows = _voters_by_age(ballots)
    dong_rows, unknown_dong = _voters_by_dong(ballots)
    for rows in (age_rows, dong_rows):
        for row in rows:
            row["percent"] = round(100 * row["voters"] / voters) if voters else 0
    return {
        "ranking": _ranking(round_page),
        "voters": voters,
        "votes": totals["votes"] or 0,
        "by_age": age_rows,
        "by_dong": dong_rows,
        "unknown_dong": unknown_dong,
    }
