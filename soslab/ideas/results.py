"""Round results: ranking (ties share a rank), turnout by age band and dong (CSV cells are
escaped by soslab.core.csv).

`round_results(round_page)` is what pages show: computed live while voting is open (staff
preview), frozen into a `RoundResults` row on the first request after voting closes and read from
there afterwards. Computing takes a handful of queries whatever the number of ideas or votes;
rows are plain JSON (ids, titles, counts), so the frozen copy and the live one look the same.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Sum

from geo.models import Dong
from soslab.accounts.models import AgeBand
from soslab.problems.models import Problem

from .models import Ballot, Idea, IdeaStatus, RoundResults


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
        Idea.objects.public()
        .filter(round=round_page)
        .ranked()
        .values(
            "pk",
            "title",
            "status",
            "vote_count",
            "author__display_name",
            "author__deleted_at",
            "category__name",
            "category__name_en",
        )
    )
    top = max((idea["vote_count"] for idea in ideas), default=0)
    return [
        {
            "rank": row["rank"],
            "id": row["item"]["pk"],
            "title": row["item"]["title"],
            "status": row["item"]["status"],
            "author": ""
            if row["item"]["author__deleted_at"]
            else row["item"]["author__display_name"],
            "category": row["item"]["category__name"] or "",
            "category_en": row["item"]["category__name_en"] or "",
            "votes": row["score"],
            "percent": round(100 * row["score"] / top) if top else 0,
        }
        for row in rank_rows(ideas, key=lambda idea: idea["vote_count"])
    ]


def _voters_by_age(ballots):
    by_age = dict(
        ballots.values_list("user__age_band")
        .annotate(n=Count("id"))
        .values_list("user__age_band", "n")
    )
    return [{"band": value, "voters": by_age.get(value, 0)} for value in AgeBand.values]


def _voters_by_dong(ballots):
    """Rows per dong, and the number of voters whose dong is unknown.

    A voter's dong: the one they gave when voting, else the dong of the last problem they
    reported; otherwise unknown. Nothing else about where people live is collected."""
    by_dong = dict(
        ballots.filter(dong__isnull=False)
        .values("dong_id")
        .annotate(n=Count("id"))
        .values_list("dong_id", "n")
    )
    # Voters who gave no dong: the dong of their last reported problem, read in one ordered pass
    # (no subquery per ballot).
    undecided = set(ballots.filter(dong__isnull=True).values_list("user_id", flat=True))
    last_dong = {}
    reported = (
        Problem.objects.filter(author_id__in=ballots.filter(dong__isnull=True).values("user_id"))
        .filter(dong__isnull=False)
        .order_by("author_id", "created_at", "pk")
        .values_list("author_id", "dong_id")
    )
    for author_id, dong_id in reported.iterator(chunk_size=5000):
        last_dong[author_id] = dong_id
    for user_id in undecided:
        dong_id = last_dong.get(user_id)
        by_dong[dong_id] = by_dong.get(dong_id, 0) + 1
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


def round_results(round_page):
    """The results pages show: frozen once voting has closed (made by the first request that
    needs them, kept until one of the round's ideas changes), live before."""
    if not round_page.results_public:
        return _labelled(round_results_data(round_page))
    frozen = RoundResults.objects.filter(round=round_page).values_list("data", flat=True).first()
    if frozen is not None:
        return _labelled(frozen)
    data = round_results_data(round_page)
    try:
        with transaction.atomic():
            RoundResults.objects.create(round=round_page, data=data)
    except IntegrityError:  # another request froze them first, from the same closed vote
        pass
    return _labelled(data)


def _labelled(data):
    """Age bands named in the current language (the frozen copy stores only their values)."""
    labels = dict(AgeBand.choices)
    by_age = [{**row, "label": labels.get(row["band"], row["band"])} for row in data["by_age"]]
    return {**data, "by_age": by_age}


def ranking_rows(rows):
    """Ranking rows ready to show: only ideas still public (a guard for a copy frozen a moment
    before a moderator's hide), with the status label. One query."""
    public = set(
        Idea.objects.public()
        .filter(pk__in=[row["id"] for row in rows])
        .values_list("pk", flat=True)
    )
    labels = dict(IdeaStatus.choices)
    return [
        {**row, "status_label": labels.get(row["status"], row["status"])}
        for row in rows
        if row["id"] in public
    ]
