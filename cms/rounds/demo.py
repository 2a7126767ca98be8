"""Demo lab rounds (step cms.rounds.demo): one finished round with results and one round in its
voting phase, with their ideas and votes.

Dates are computed from today (Seoul) so the demo is always live; re-running changes nothing on
the same day (on a later day it moves the dates and publishes one new revision per round).
Ideas and votes need the demo people (settings.SOSLAB_DEMO_ACCOUNTS) and public problems.
"""

import datetime as dt

from django.db.models import Count
from django.utils import timezone

from cms.demo_images import demo_image
from soslab.accounts.models import User
from soslab.ideas.models import Ballot, Idea, IdeaStatus, Vote
from soslab.ideas.services import idea_search_text_refresh
from soslab.moderation.models import ModerationState
from soslab.problems.models import Problem

from .models import RoundPage
from .tree import round_index_ensure

ROUNDS = [
    {
        "slug": "2026-spring-school-routes",
        "title": "2026 봄 SOS랩: 안전한 통학로",
        "intro": (
            "전주 초·중학교 주변 통학로의 위험한 횡단보도와 불법 주정차 문제를 시민과 함께 풀어 본 라운드입니다.\n\n"
            "시민 투표로 뽑힌 아이디어는 청소년 메이커 팀이 지역 기업 멘토와 함께 직접 만들었습니다."
        ),
        "offsets": (-130, -110, -80, -66, -55, -12),
        "cover": ("통학로 횡단보도", "crosswalk"),
        "vote_budget": 3,
        "show_live_counts": False,
        "ideas": [
            (
                "보행 신호 자동 연장 버튼",
                "어르신과 어린이가 건너는 중이면 보행 신호를 몇 초 늘려 주는 버튼과 센서",
                IdeaStatus.SELECTED,
                "시민 투표 1위로 선정되었습니다. 전주시 교통정책과와 협의해 효자동 두 곳에 시범 설치를 준비합니다.",
            ),
            (
                "통학로 불법 주정차 알림 지도",
                "등하교 시간대 불법 주정차가 잦은 곳을 지도에 모으고 학부모에게 알림을 보내는 웹앱",
                IdeaStatus.IN_DEVELOPMENT,
                "메이커 팀 '초록불'이 제작하고 있습니다. 완산구청 주차단속팀이 데이터를 함께 검토합니다.",
            ),
            (
                "스쿨존 바닥 LED 정지선",
                "횡단보도 앞 바닥에 LED 정지선을 깔아 휴대폰을 보는 보행자도 신호를 알 수 있게 하기",
                IdeaStatus.SELECTED,
                "투표 상위 아이디어로 선정되었습니다. 설치 비용과 유지 관리 방안을 함께 검토합니다.",
            ),
            (
                "학교 앞 안전 지킴이 앱",
                "녹색어머니회 활동 일정과 위험 신고를 한곳에서 관리하는 앱",
                IdeaStatus.NOT_SELECTED,
                "좋은 제안이었지만 기존 학교 알림 앱과 기능이 겹쳐 이번 라운드에서는 선정되지 않았습니다.",
            ),
        ],
        "votes": [7, 5, 6, 3],  # how many people voted for each idea
    },
    {
        "slug": "2026-autumn-clean-air-walks",
        "title": "2026 가을 SOS랩: 미세먼지 없는 걷기 좋은 길",
        "intro": (
            "미세먼지가 심한 날에도 안심하고 걸을 수 있는 전주를 만들기 위한 라운드입니다.\n\n"
            "대기 측정소 자료와 시민이 올린 문제를 바탕으로 모인 아이디어에 투표해 주세요."
        ),
        "offsets": (-45, -28, -3, 7, 21, 70),
        "cover": ("미세먼지 낀 전주 시내", "skyline"),
        "vote_budget": 3,
        "show_live_counts": False,
        "ideas": [
            (
                "버스정류장 미세먼지 신호등",
                "정류장에 실시간 미세먼지 등급을 색으로 보여 주는 작은 표시등을 다는 아이디어",
                IdeaStatus.SHORTLISTED,
                "",
            ),
            (
                "공기 좋은 길 안내 지도",
                "측정소 자료와 교통량을 합쳐 지금 걷기 좋은 길을 알려 주는 지도",
                IdeaStatus.PROPOSED,
                "",
            ),
            (
                "학교 앞 공회전 줄이기 캠페인 키트",
                "등하교 시간 차량 공회전을 줄이도록 안내판과 QR 설문을 만드는 키트",
                IdeaStatus.PROPOSED,
                "",
            ),
            (
                "가로수 그늘 쉼터 찾기",
                "여름철과 미세먼지 나쁜 날 쉬어 갈 수 있는 실내외 쉼터를 모은 목록",
                IdeaStatus.PROPOSED,
                "",
            ),
            (
                "자전거 출퇴근 마스크 대여함",
                "공영자전거 정류소에 필터 마스크 대여함을 두는 아이디어",
                IdeaStatus.PROPOSED,
                "",
            ),
        ],
        "votes": [5, 4, 3, 2, 2],
    },
]


def _dates(offsets):
    today = timezone.localdate()
    fields = (
        "problems_start",
        "ideas_start",
        "voting_start",
        "teams_start",
        "making_start",
        "results_start",
    )
    return {
        field: today + dt.timedelta(days=offset)
        for field, offset in zip(fields, offsets, strict=True)
    }


def ensure_round(index, spec):
    dates = _dates(spec["offsets"])
    page = RoundPage.objects.filter(slug=spec["slug"]).first()
    if page is None:
        page = RoundPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            vote_budget=spec["vote_budget"],
            show_live_counts=spec["show_live_counts"],
            cover_image=demo_image(*spec["cover"]),
            **dates,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    elif any(getattr(page, field) != value for field, value in dates.items()) or (
        page.cover_image_id is None
    ):
        for field, value in dates.items():
            setattr(page, field, value)
        page.cover_image = demo_image(*spec["cover"])
        page.save_revision().publish()
    return RoundPage.objects.get(pk=page.pk)


def _people():
    return list(User.objects.filter(email__endswith="@soslab.local").order_by("pk"))


def _problems():
    return list(
        Problem.objects.public().filter(dong__isnull=False).order_by("-support_count", "pk")[:12]
    )


def ensure_ideas(page, spec, people, problems):
    authors = [p for p in people if not p.is_staff] or people
    ideas = []
    for number, (title, summary, status, feedback) in enumerate(spec["ideas"]):
        problem = problems[number % len(problems)]
        idea, created = Idea.objects.get_or_create(
            round=page,
            title=title,
            defaults={
                "summary": summary,
                "description": (
                    f"{summary}.\n\n"
                    "필요한 것: 시범 설치 장소 두세 곳, 전주시와 학교의 협조, 청소년 메이커 팀의 제작 시간.\n"
                    "기대 효과: 위험한 순간을 줄이고, 주민이 변화를 직접 확인할 수 있습니다."
                ),
                "author": authors[number % len(authors)],
                "category": problem.category,
                "status": status,
                "staff_feedback": feedback,
                "feedback_at": timezone.now() if feedback else None,
                "moderation_state": ModerationState.PUBLISHED,
            },
        )
        if created:
            idea.problems.set([problem])
            idea.tags.set(
                ["통학로" if "school" in page.slug else "미세먼지", problem.category.name]
            )
            idea_search_text_refresh(idea=idea)
        ideas.append(idea)
    return ideas


def ensure_votes(page, ideas, spec, people):
    """Votes from the demo people within the budget; counters recomputed from the rows."""
    voters = [p for p in people if not p.is_staff]
    for number, (idea, wanted) in enumerate(zip(ideas, spec["votes"], strict=False)):
        # Rotate through the people so different ages and neighbourhoods take part.
        for voter in (
            voters[(number * 3 + k) % len(voters)] for k in range(min(wanted, len(voters)))
        ):
            ballot, _created = Ballot.objects.get_or_create(round=page, user=voter)
            used = Vote.objects.filter(ballot=ballot).count()
            if used >= page.vote_budget and not Vote.objects.filter(idea=idea, user=voter).exists():
                continue
            Vote.objects.get_or_create(idea=idea, user=voter, defaults={"ballot": ballot})
    for ballot in Ballot.objects.filter(round=page).annotate(n=Count("votes")):
        if ballot.votes_used != ballot.n:
            Ballot.objects.filter(pk=ballot.pk).update(votes_used=ballot.n)
    for idea in Idea.objects.filter(round=page).annotate(n=Count("votes")):
        if idea.vote_count != idea.n:
            Idea.objects.filter(pk=idea.pk).update(vote_count=idea.n)


def load(out):
    index = round_index_ensure()
    rounds = [ensure_round(index, spec) for spec in ROUNDS]
    people = _people()
    problems = _problems()
    if people and problems:
        for page, spec in zip(rounds, ROUNDS, strict=True):
            ideas = ensure_ideas(page, spec, people, problems)
            ensure_votes(page, ideas, spec, people)
    return {
        "rounds": RoundPage.objects.count(),
        "ideas": Idea.objects.count(),
        "votes": Vote.objects.count(),
    }


def round_of_results_event():
    """The round a results-sharing event shares: a finished one (results phase started), else the
    latest."""
    today = timezone.localdate()
    rounds = RoundPage.objects.live()
    return (
        rounds.filter(results_start__lte=today).order_by("-results_start").first()
        or rounds.order_by("-problems_start").first()
    )
