"""Round results page at city scale: 5,000 ideas and 200,000 votes (BENCH_SCALE=small: 100 ideas
and 2,000 votes). Reports the first request after voting closed (which freezes the results), the
median of later requests, the HTML size and the query count, and the whole-ranking CSV.

    .venv/bin/python -m benchmarks bench_results
"""

import datetime as dt
import statistics
import time

from benchmarks.data import bench_dong, ensure_reference_data, scaled

IDEAS = scaled(5000, 100)
VOTERS = scaled(20000, 200)
VOTES_EACH = 10
REPEAT = scaled(15, 3)
SLUG = "bench-results"


def _page():
    from django.utils import timezone

    from benchmarks.bench_ideas_list import _round_pages
    from cms.models import RoundIndexPage, RoundPage

    page = RoundPage.objects.filter(slug=SLUG).first()
    if page is not None:
        return page, False
    _round_pages()  # the home page and the round index
    today = timezone.localdate()
    names = ("problems", "ideas", "voting", "teams", "making", "results")
    page = RoundPage(
        title=SLUG,
        slug=SLUG,
        **{f"{n}_start": today + dt.timedelta(days=10 * i - 60) for i, n in enumerate(names)},
    )
    RoundIndexPage.objects.first().add_child(instance=page)
    return RoundPage.objects.get(pk=page.pk), True


def _fill(page):
    """IDEAS ideas, VOTERS ballots of VOTES_EACH votes, stored counts (bulk, like an import)."""
    from django.db import transaction

    from soslab.accounts.models import User
    from soslab.core.db import planner_statistics_refresh
    from soslab.ideas.models import Ballot, Idea, Vote
    from soslab.moderation.models import ModerationState
    from soslab.problems.models import Category

    ensure_reference_data()
    category = Category.objects.get(slug="traffic")
    dong = bench_dong()
    with transaction.atomic():
        author, _ = User.objects.get_or_create(
            email="bench-author@example.kr",
            defaults={"username": "bench-author", "display_name": "작성자"},
        )
        ideas = Idea.objects.bulk_create(
            Idea(
                round=page,
                title=f"결과 아이디어 {n}",
                summary="요약",
                description="설명",
                category=category,
                author=author,
                moderation_state=ModerationState.PUBLISHED,
            )
            for n in range(IDEAS)
        )
        voters = User.objects.bulk_create(
            User(email=f"bench-res{n}@example.kr", username=f"bench-res{n}", display_name="투표자")
            for n in range(VOTERS)
        )
        ballots = Ballot.objects.bulk_create(
            Ballot(round=page, user=v, votes_used=VOTES_EACH, dong=dong if n % 2 else None)
            for n, v in enumerate(voters)
        )
        votes = [
            Vote(idea=ideas[(n * 31 + k * k * 7) % IDEAS], ballot=b, user_id=b.user_id)
            for n, b in enumerate(ballots)
            for k in range(VOTES_EACH)
        ]
        Vote.objects.bulk_create(votes, batch_size=5000, ignore_conflicts=True)
        counts = {}
        for vote in votes:
            counts[vote.idea_id] = counts.get(vote.idea_id, 0) + 1
        for idea in ideas:
            idea.vote_count = counts.get(idea.pk, 0)
        Idea.objects.bulk_update(ideas, ["vote_count"], batch_size=1000)
    planner_statistics_refresh()


def _timed(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed, response


def run(report):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from soslab.ideas.models import RoundResults

    page, created = _page()
    if created:
        _fill(page)
    RoundResults.objects.filter(round=page).delete()
    client = Client()
    path = f"{page.url}results/"
    first_ms, _response = _timed(client, path)
    report(f"results page, first after close ({IDEAS} ideas)", first_ms, "ms", "(freezes)")
    timings = [_timed(client, path)[0] for _ in range(REPEAT)]
    with CaptureQueriesContext(connection) as queries:
        _ms, response = _timed(client, path)
    report(
        f"results page, frozen ({IDEAS} ideas, {VOTERS * VOTES_EACH} votes)",
        statistics.median(timings),
        "ms",
        f"({len(queries)} queries)",
    )
    report("results page HTML size", len(response.content) / 1024, "KiB")
    started = time.perf_counter()
    csv = client.get(f"{path}csv/")
    size = sum(len(chunk) for chunk in csv.streaming_content)
    report(
        "results CSV, whole ranking",
        (time.perf_counter() - started) * 1000,
        "ms",
        f"{size // 1024} KiB",
    )
