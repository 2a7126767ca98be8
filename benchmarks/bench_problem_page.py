"""A problem's page with 2,000 comments among 100,000 problems (BENCH_SCALE=small: 60 comments
among a few hundred): median ms and query count of the first and the last comment page. Compare
the medians with a BENCH_SCALE=small run (or the benchharness's 1k run): the goal is <= 1.5x.

    .venv/bin/python -m benchmarks bench_problem_page
"""

import statistics
import time

from benchmarks.data import ensure_problems, scaled

COMMENTS = scaled(2000, 60)
REPEAT = scaled(15, 3)
THREAD_PAGE_SIZE = 20


def _problem_with_comments():
    """The newest benchmark problem, given COMMENTS top-level comments (a reply on every third)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from soslab.comments.models import Comment
    from soslab.core.db import planner_statistics_refresh
    from soslab.moderation.models import ModerationState
    from soslab.problems.models import Problem

    problem = Problem.objects.public().exclude(public_lat=None).order_by("-created_at").first()
    content_type = ContentType.objects.get_for_model(Problem)
    thread = Comment.objects.filter(content_type=content_type, object_id=problem.pk)
    missing = COMMENTS - thread.filter(parent=None).count()
    if missing > 0:
        authors = list(problem.__class__.objects.values_list("author_id", flat=True)[:20])
        with transaction.atomic():
            tops = Comment.objects.bulk_create(
                Comment(
                    content_type=content_type,
                    object_id=problem.pk,
                    author_id=authors[n % len(authors)],
                    body=f"저도 매일 지나가는 길이라 공감합니다. 의견 {n}",
                    moderation_state=ModerationState.PUBLISHED,
                )
                for n in range(missing)
            )
            Comment.objects.bulk_create(
                Comment(
                    content_type=content_type,
                    object_id=problem.pk,
                    author_id=authors[0],
                    parent=top,
                    body="답글입니다.",
                    moderation_state=ModerationState.PUBLISHED,
                )
                for top in tops[::3]
            )
            Problem.objects.filter(pk=problem.pk).update(comment_count=thread.count())
        planner_statistics_refresh()
    return problem


def run(report):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    total = ensure_problems()
    problem = _problem_with_comments()
    client = Client()
    last = -(-COMMENTS // THREAD_PAGE_SIZE)
    for label, query in (
        ("comments page 1", ""),
        (f"comments page {last}", f"?comments_page={last}"),
    ):
        path = f"{problem.get_absolute_url()}{query}"
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
        report(
            f"problem page, {COMMENTS} comments, {label} ({total:,} problems)",
            statistics.median(timings),
            "ms",
            f"({len(queries)} queries)",
        )
