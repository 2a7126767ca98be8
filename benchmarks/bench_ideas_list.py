"""Idea list speed: 20-row pages of a round with many ideas and votes, in voting (per-visitor
random order) and after voting (ranked by the stored vote_count). Reports median ms per page and
the SQL query count, which must not grow with the number of ideas.

    .venv/bin/python -m benchmarks bench_ideas_list
"""

import datetime as dt
import statistics
import time

from benchmarks.data import bench_dong, ensure_reference_data, scaled

IDEAS = scaled(2000, 100)
VOTERS = scaled(300, 30)
REPEAT = scaled(15, 3)
DEEP_PAGE = scaled(50, 4)


def _round_pages():
    """The two bench round pages (one voting, one closed), created once."""
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.models import HomePage, RoundIndexPage, RoundPage

    today = timezone.localdate()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="SOS랩 전주", slug="bench-home")
        Page.get_first_root_node().add_child(instance=home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    index = RoundIndexPage.objects.first()
    if index is None:
        index = RoundIndexPage(title="라운드", slug="rounds")
        home.add_child(instance=index)
    pages = {}
    for slug, offset in (("bench-voting", -1), ("bench-closed", -20)):
        page = RoundPage.objects.filter(slug=slug).first()
        if page is None:
            starts = [today + dt.timedelta(days=offset + 10 * (i - 2)) for i in range(6)]
            names = ("problems", "ideas", "voting", "teams", "making", "results")
            page = RoundPage(
                title=slug,
                slug=slug,
                **{f"{n}_start": d for n, d in zip(names, starts, strict=True)},
            )
            index.add_child(instance=page)
        pages[slug] = RoundPage.objects.get(pk=page.pk)
    return pages


def _round_fill(page, *, problem, voters, category, author):
    """IDEAS published ideas on `page`, each voter's ballot with three votes, stored counts."""
    from soslab.ideas.models import Ballot, Idea, Vote
    from soslab.moderation.models import ModerationState

    ideas = Idea.objects.bulk_create(
        Idea(
            round=page,
            title=f"아이디어 {n}",
            summary="요약",
            description="설명",
            category=category,
            author=author,
            moderation_state=ModerationState.PUBLISHED,
        )
        for n in range(IDEAS)
    )
    Idea.problems.through.objects.bulk_create(
        Idea.problems.through(idea_id=idea.pk, problem_id=problem.pk) for idea in ideas
    )
    ballots = Ballot.objects.bulk_create(
        Ballot(round=page, user=voter, votes_used=3) for voter in voters
    )
    votes = [
        Vote(idea=ideas[(n * 7 + k * 13) % IDEAS], ballot=ballot, user_id=ballot.user_id)
        for n, ballot in enumerate(ballots)
        for k in range(3)
    ]
    Vote.objects.bulk_create(votes)
    counts = {}
    for vote in votes:
        counts[vote.idea_id] = counts.get(vote.idea_id, 0) + 1
    for idea in ideas:
        idea.vote_count = counts.get(idea.pk, 0)
    Idea.objects.bulk_update(ideas, ["vote_count"], batch_size=500)


def _setup():
    from django.db import transaction

    from soslab.accounts.models import User
    from soslab.core.db import planner_statistics_refresh
    from soslab.ideas.models import Idea
    from soslab.problems.models import Category, Problem

    pages = _round_pages()
    if Idea.objects.filter(round=pages["bench-voting"]).count() >= IDEAS:
        return pages
    ensure_reference_data()
    with transaction.atomic():
        category = Category.objects.get(slug="traffic")
        author, _ = User.objects.get_or_create(
            email="bench-author@example.kr",
            defaults={"username": "bench-author", "display_name": "작성자"},
        )
        problem = Problem.objects.create(
            title="벤치마크 문제",
            description="벤치마크용 문제 설명입니다.",
            category=category,
            author=author,
            dong=bench_dong(),
        )
        voters = User.objects.bulk_create(
            User(
                email=f"bench-voter{n}@example.kr",
                username=f"bench-voter{n}",
                display_name=f"투표자{n}",
            )
            for n in range(VOTERS)
        )
        for page in pages.values():
            _round_fill(page, problem=problem, voters=voters, category=category, author=author)
    planner_statistics_refresh()
    return pages


def run(report):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages = _setup()
    client = Client()
    for slug, label in (
        ("bench-voting", "voting, random order"),
        ("bench-closed", "closed, ranked"),
    ):
        url = f"{pages[slug].url}ideas/"
        for path in (url, f"{url}?page={DEEP_PAGE}"):
            client.get(path)  # warm up
            timings = []
            for _ in range(REPEAT):
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            where = "page 1" if path == url else f"page {DEEP_PAGE}"
            report(
                f"ideas list {label}, {where} ({IDEAS} ideas)",
                statistics.median(timings),
                "ms",
                f"({len(queries)} queries)",
            )
