"""Demo problem threads: the five categories and a few dozen realistic Jeonju problems, one or
more in each of the 35 dongs, with supports, status changes and official answers. Dates are
relative to today. Idempotent: categories are keyed on slug, problems on title; supports,
answers and status changes go through the services, which do nothing the second time.

Problems need the demo people (soslab.accounts.demo), so they are only created when
SOSLAB_DEMO_ACCOUNTS is on. The categories and answer templates are reference data
(soslab.problems.reference), loaded before the demo steps.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from geo.models import Dong
from geo.services import dong_for_point
from soslab.accounts.models import User
from soslab.moderation.models import ModerationState
from soslab.notifications.services import follow_subscribe

from .. import services
from ..models import (
    AnswerTemplate,
    Category,
    Problem,
    ProblemStatus,
    Support,
    TimelineEntry,
    TimelineKind,
)
from ..supports import support_add
from . import clusters, deokjin, wansan
from .photos import photos_ensure

AUTHORS = [
    "citizen@soslab.local",
    "resident@soslab.local",
    "neighbour1@soslab.local",
    "neighbour2@soslab.local",
    "neighbour3@soslab.local",
    "teen@soslab.local",
    "mentor@soslab.local",
]
SUPPORTERS = AUTHORS + ["moderator@soslab.local"]

# dong, category, title, description, place, tags, days ago, status, answer, supporters
PROBLEMS = wansan.PROBLEMS + deokjin.PROBLEMS
# The hotspot reports: the same rows, all just received, each at its own point.
CLUSTER_PROBLEMS = [
    (dong, slug, title, text, place, tags, days, ProblemStatus.RECEIVED, None, supports)
    for dong, slug, title, text, place, tags, days, supports, _offset in clusters.rows()
]
CLUSTER_OFFSETS = {row[2]: row[-1] for row in clusters.rows()}


def _point(dong, index):
    """A point near the dong's representative point, kept only if it stays in that dong."""
    offset = 0.0004 * ((index % 3) - 1)
    lat, lon = dong.rep_lat + offset, dong.rep_lon - offset
    found = dong_for_point(lon, lat)
    if found is None or found.pk != dong.pk:
        return dong.rep_lat, dong.rep_lon
    return lat, lon


def _problem_point(dong, index, title):
    """A hotspot report's own point; else near the dong's point, and every sixth has none."""
    if title in CLUSTER_OFFSETS:
        dlat, dlon = CLUSTER_OFFSETS[title]
        return dong.rep_lat + dlat, dong.rep_lon + dlon
    return _point(dong, index) if index % 6 else (None, None)


def _problem_add(row, index, *, author, dong, category, now):
    """One demo problem as its author reported it, `days` ago (published, followed)."""
    _dong, _slug, title, description, place, tags, days, *_rest = row
    lat, lon = _problem_point(dong, index, title)
    reported = now - timedelta(days=days, hours=index % 9)
    problem = Problem.objects.create(
        author=author,
        title=title,
        description=description,
        original_title=title,
        original_description=description,
        category=category,
        lat=lat,
        lon=lon,
        dong=dong,
        location_text=place,
        moderation_state=ModerationState.PUBLISHED,
        created_at=reported,
    )
    problem.tags.set(tags)
    problem.search_text = problem.build_search_text(tags)
    problem.save(update_fields=["search_text"])
    TimelineEntry.objects.create(
        problem=problem,
        kind=TimelineKind.REPORTED,
        actor=author,
        to_status=ProblemStatus.RECEIVED,
        created_at=reported,
    )
    follow_subscribe(user=author, target=problem)
    return problem


def _problem_progress(problem, row, *, people, staff, templates):
    """Supports, the official answer and the status change, through the services."""
    *_head, status, answer, supports = row
    for email in SUPPORTERS[:supports]:
        if email != problem.author.email:
            support_add(problem=problem, user=people[email])
    if answer:
        services.answer_add(problem=problem, author=staff, body=templates[answer].body)
    if status != ProblemStatus.RECEIVED:
        services.problem_status_change(
            problem=problem,
            status=status,
            actor=staff,
            note="운영진이 내용을 확인했습니다." if status == "reviewing" else "",
        )


def _supports_backdate(titles):
    """Supports given in the hours after each report, not at load time, so the round statistics
    of past periods count them. Idempotent: a support already dated is left alone."""
    late = []
    for support in Support.objects.filter(problem__title__in=titles).select_related("problem"):
        reported = support.problem.created_at
        if support.created_at > reported + timedelta(days=2):
            support.created_at = reported + timedelta(hours=2 + (support.pk % 7) * 5)
            late.append(support)
    Support.objects.bulk_update(late, ["created_at"])


def _answers_backdate(titles):
    """Official answers and status changes dated a few days after each report (the services
    date them at load time), so answer times on /statistics/ look like a city at work.
    Idempotent: what is already dated is left alone."""
    problems = Problem.objects.filter(title__in=titles, answered_at__isnull=False)
    for problem in problems:
        if problem.answered_at <= problem.created_at + timedelta(days=10):
            continue
        answered = problem.created_at + timedelta(days=1 + problem.pk % 6, hours=3)
        Problem.objects.filter(pk=problem.pk).update(answered_at=answered)
        problem.answers.update(created_at=answered)
        problem.timeline.exclude(kind=TimelineKind.REPORTED).update(created_at=answered)


def load(out):
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return {"categories": Category.objects.count(), "problems": "skipped (no demo accounts)"}
    people = {user.email: user for user in User.objects.filter(email__in=SUPPORTERS)}
    staff = User.objects.filter(email="staff@soslab.local").first()
    if len(people) < len(SUPPORTERS) or staff is None or not Dong.objects.exists():
        return {
            "categories": Category.objects.count(),
            "problems": "skipped (run accounts/geo demo first)",
        }
    dongs = {dong.name: dong for dong in Dong.objects.all()}
    categories = {category.slug: category for category in Category.objects.all()}
    templates = {template.title: template for template in AnswerTemplate.objects.all()}
    now = timezone.now()
    created = 0
    rows = PROBLEMS + CLUSTER_PROBLEMS
    for index, row in enumerate(rows):
        if Problem.objects.filter(title=row[2]).exists():
            # Already loaded; later steps (moderation, teams) may have moved it on since.
            continue
        problem = _problem_add(
            row,
            index,
            author=people[AUTHORS[index % len(AUTHORS)]],
            dong=dongs[row[0]],
            category=categories[row[1]],
            now=now,
        )
        created += 1
        _problem_progress(problem, row, people=people, staff=staff, templates=templates)
    titles = [row[2] for row in rows]
    _supports_backdate(titles)
    _answers_backdate(titles)
    return {
        "categories": Category.objects.count(),
        "problems": Problem.objects.count(),
        "new": created,
        "photos added": photos_ensure(titles),
    }
