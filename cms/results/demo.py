"""Demo results-sharing event (step cms.results.demo): a past event of the round whose results
are shared, with its schedule, the published demo project showcased and awarded, a closed live
vote with jury scores, and statistics computed from the round. Idempotent: a second run changes
nothing."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from cms.demo_images import demo_image
from cms.projects.demo import PUBLISHED_SLUG
from cms.projects.models import ProjectPage
from cms.rounds.demo import round_of_results_event
from soslab.accounts.demo import demo_user
from soslab.problems.models import ProblemStatus
from soslab.problems.services import problem_status_change
from soslab.teams.live_vote import jury_score_set, live_vote_cast, live_vote_close, live_vote_open
from soslab.teams.models import LiveVote

from .models import EventAward, EventScheduleItem, ResultsEventPage
from .tree import results_index_ensure


def _event(results_index, round_page, published):
    staff = demo_user("staff@soslab.local")
    event = ResultsEventPage.objects.filter(slug="2026-spring-results").first()
    if event is None:
        starts = timezone.localtime().replace(
            hour=14, minute=0, second=0, microsecond=0
        ) - dt.timedelta(days=14)
        event = ResultsEventPage(
            title="2026 봄 SOS랩 결과공유회",
            slug="2026-spring-results",
            round=round_page,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=3),
            venue_name="전주정보문화산업진흥원 1층 다목적홀",
            venue_address="전북특별자치도 전주시 덕진구 단오로 92",
            venue_lat=35.8468,
            venue_lon=127.1293,
            intro="청소년 메이커 팀이 한 학기 동안 만든 해결책을 시민과 나누었습니다.",
        )
        results_index.add_child(instance=event)
        for position, (hour, title, detail) in enumerate(
            [
                (14, "여는 말", "전주정보문화산업진흥원"),
                (14, "팀 발표", "팀마다 10분 발표와 5분 질의응답"),
                (16, "현장 투표와 시상", "QR 코드로 관객 투표"),
            ]
        ):
            EventScheduleItem.objects.create(
                page=event,
                sort_order=position,
                time=dt.time(hour, 0 if position != 1 else 20),
                title=title,
                description=detail,
            )
        event.showcased.create(project=published, sort_order=0)
        EventAward.objects.create(
            page=event,
            sort_order=0,
            name="시민 공감상",
            project=published,
            citation="현장 투표와 심사 점수 모두 1위",
        )
        event.save_revision(user=staff).publish()
        event = ResultsEventPage.objects.get(pk=event.pk)

    return event


def _live_vote(event):
    staff = demo_user("staff@soslab.local")
    if not LiveVote.objects.filter(event=event).exists():
        vote = live_vote_open(event=event, actor=staff, audience_weight=60)
        option = vote.options.first()
        for email in (
            "neighbour1@soslab.local",
            "neighbour2@soslab.local",
            "resident@soslab.local",
        ):
            live_vote_cast(vote=vote, user=demo_user(email), option_id=option.pk)
        jury_score_set(vote=vote, option=option, juror="전주시 스마트도시과", score=88, actor=staff)
        jury_score_set(vote=vote, option=option, juror="지역 기업 대표", score=92, actor=staff)
        live_vote_close(vote=vote, actor=staff)


def _solved(published):
    """After the event the city made the pilot permanent: staff mark the problem the showcased
    project addressed as solved (through the service, with its timeline entry)."""
    staff = demo_user("staff@soslab.local")
    for problem in published.problems.exclude(status=ProblemStatus.SOLVED):
        problem_status_change(
            problem=problem,
            status=ProblemStatus.SOLVED,
            actor=staff,
            note="결과공유회 뒤 전주시가 시범 설치를 정식 설치로 바꾸었습니다.",
        )


def _media(event):
    """A photo of the hall on the event page (a drawing: no people), added once."""
    if event.media:
        return
    image = demo_image("결과공유회 발표장", "event_hall")
    event.media = [
        (
            "photo",
            {
                "image": image,
                "alt": "무대와 발표 화면 앞에 빨간 의자가 줄지어 놓인 발표장 (데모 그림)",
                "caption": "관객이 들어오기 전의 발표장",
                "people_agreed": True,
            },
        )
    ]
    event.save_revision(user=demo_user("staff@soslab.local")).publish()


def load(out):
    results_index = results_index_ensure()
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return {"skipped": "events need the demo accounts (off in these settings)"}
    published = ProjectPage.objects.filter(slug=PUBLISHED_SLUG).first()
    if published is None:
        return {"skipped": "the event shows the demo project (cms.projects.demo)"}
    event = _event(results_index, round_of_results_event(), published)
    _live_vote(event)
    _solved(published)
    _media(ResultsEventPage.objects.get(pk=event.pk))
    stats = event.statistics() or {}
    return {
        "event": event.slug,
        **{key: stats[key] for key in ("supports", "solved") if key in stats},
    }
