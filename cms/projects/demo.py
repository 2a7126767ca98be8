"""Demo maker teams and their project pages (step cms.projects.demo): two teams (one with a
13-year-old whose guardian consented) in the round whose results are shared, one project page
published and one waiting in the Project review workflow. Idempotent: a second run changes
nothing."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from cms.demo_images import demo_image
from cms.rounds.demo import round_of_results_event
from soslab.accounts.demo import demo_user
from soslab.problems.models import Problem, ProblemStatus
from soslab.teams.demo import paper_consent_ensure, team_ensure
from soslab.teams.models import TeamRole

from .models import ProgressStatus, ProjectPage, ProjectUpdate
from .tree import project_index_ensure

PUBLISHED_SLUG = "smart-crosswalk"
CROSSWALK_PROBLEM = "전북대 정문 앞 횡단보도가 위험해요"  # the problem the project addresses


def _body(image):
    return [
        (
            "text",
            "<h3>왜 만들었나요</h3><p>전북대 정문 앞 횡단보도는 밤이면 운전자가 보행자를 늦게 봅니다. "
            "주민 34명이 공감한 문제를 우리 팀이 골랐습니다.</p>",
        ),
        (
            "photo",
            {
                "image": image,
                "alt": "페인트가 닳아 희미해진 전북대 정문 앞 횡단보도 (데모 그림)",
                "caption": "시제품을 설치하기 전의 횡단보도 (사람이 나오지 않은 그림)",
                "people_agreed": True,
            },
        ),
        (
            "parts",
            {
                "caption": "부품 목록",
                "rows": [
                    {"name": "아두이노 나노", "quantity": "2", "spec": "ATmega328P"},
                    {"name": "레이더 센서", "quantity": "2", "spec": "24GHz, 감지거리 6m"},
                    {"name": "LED 바", "quantity": "4", "spec": "방수 IP67, 12V"},
                ],
            },
        ),
        (
            "code",
            {
                "url": "https://github.com/soslab-jeonju/smart-crosswalk",
                "label": "소스 코드 (GitHub)",
                "licence": "MIT",
            },
        ),
        (
            "quote",
            {
                "text": "밤에 건널 때 바닥에 불이 들어오니 차가 먼저 멈춰요.",
                "attribution": "금암동 주민",
            },
        ),
    ]


def _project(index, team, slug, title, summary, **fields):
    page = ProjectPage.objects.filter(slug=slug).first()
    if page is not None:
        return page, False
    page = ProjectPage(title=title, slug=slug, summary=summary, team=team, live=False, **fields)
    index.add_child(instance=page)
    return page, True


def _teams(round_page):
    staff = demo_user("staff@soslab.local")
    teen = demo_user("teen@soslab.local")
    kid = demo_user("kid@soslab.local")
    mentor = demo_user("mentor@soslab.local")
    citizen = demo_user("citizen@soslab.local")
    paper_consent_ensure(child=kid, recorded_by=staff)
    crosswalk_team = team_ensure(
        "safe-crosswalk",
        "안전한 등굣길 메이커",
        "덕진구 중학생 세 명과 지역 IoT 기업 멘토가 함께 밤길 횡단보도를 밝히는 팀입니다.",
        round_page,
        [
            (teen, TeamRole.LEADER, ""),
            (kid, TeamRole.MEMBER, ""),
            (mentor, TeamRole.MENTOR, "전주스마트솔루션㈜"),
            (staff, TeamRole.COACH, ""),
        ],
    )
    air_team = team_ensure(
        "clean-air-keepers",
        "맑은 공기 지킴이",
        "완산구 고등학생과 시민이 모여 버스정류장 미세먼지 알림판을 만드는 팀입니다.",
        round_page,
        [
            (citizen, TeamRole.LEADER, ""),
            (teen, TeamRole.MEMBER, ""),
            (mentor, TeamRole.MENTOR, "전주스마트솔루션㈜"),
        ],
    )

    return crosswalk_team, air_team


def _published(index, team):
    """The finished crosswalk project, written by the team and published by staff."""
    today = timezone.localdate()
    cover = demo_image("스마트 횡단보도 시제품", "led_prototype")
    published, created = _project(
        index,
        team,
        PUBLISHED_SLUG,
        "밤길을 밝히는 스마트 횡단보도",
        "보행자가 다가오면 바닥 LED가 켜져 운전자에게 알리는 횡단보도 알림 장치입니다.",
        cover_image=cover,
        cover_alt="작업대 위의 LED 바와 레이더 센서 기판, 옆에 횡단보도 페인트 견본 (데모 그림)",
        cover_people_agreed=True,
        progress_status=ProgressStatus.DONE,
        progress_percent=100,
        outcome_what_changed="설치 후 4주 동안 야간 보행자 정지 양보율이 41%에서 78%로 올랐습니다.",
        outcome_reach="전북대 정문 앞 횡단보도를 지나는 학생과 주민, 하루 평균 약 1,200명",
        outcome_people_reached=1200,
        problem_solved="partly",
        featured=True,
    )
    if created:
        published.body = _body(demo_image("정문 앞 횡단보도 (설치 전)", "crosswalk"))
        for days_ago, title, text in [
            (40, "문제 현장 조사", "밤 9시에 횡단보도 앞에서 30분 동안 차량 양보를 세었습니다."),
            (25, "첫 시제품 완성", "레이더 센서로 보행자를 감지해 LED를 켜는 데 성공했습니다."),
            (10, "현장 시험 설치", "구청 허가를 받아 2주 동안 시험 설치했습니다."),
        ]:
            published.updates.add(
                ProjectUpdate(date=today - dt.timedelta(days=days_ago), title=title, text=text)
            )
        problem = (
            Problem.objects.public().filter(title=CROSSWALK_PROBLEM).first()
            or Problem.objects.public()
            .filter(status__in=[ProblemStatus.RECEIVED, ProblemStatus.OPEN_FOR_IDEAS])
            .order_by("-support_count", "pk")
            .first()
        )
        if problem is not None:
            published.problems.set([problem])
        published.save()
        published.save_revision(user=demo_user("teen@soslab.local")).publish(
            user=demo_user("staff@soslab.local")
        )

    return published


def _pending(index, team):
    """The air-quality board project, submitted to the Project review workflow."""
    citizen = demo_user("citizen@soslab.local")
    air_cover = demo_image("미세먼지 알림판 설계도", "air_board")
    pending, created = _project(
        index,
        team,
        "bus-stop-air-board",
        "버스정류장 미세먼지 알림판",
        "가까운 대기 측정소의 실시간 등급을 정류장 전광판에 보여 주는 장치입니다.",
        cover_image=air_cover,
        cover_alt="등급마다 색이 다른 불빛이 달린 흰 알림판 시제품과 센서 기판 (데모 그림)",
        cover_people_agreed=True,
        progress_status=ProgressStatus.BUILDING,
        progress_percent=45,
    )
    if created:
        pending.body = [
            (
                "text",
                "<p>에어코리아 측정값을 받아 정류장마다 좋음·보통·나쁨을 색으로 보여 줍니다.</p>",
            ),
        ]
        pending.save()
        pending.save_revision(user=citizen)
        workflow = pending.get_workflow()
        if workflow is not None and not pending.workflow_in_progress:
            workflow.start(pending, citizen)

    return pending


def load(out):
    index = project_index_ensure()
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return {"skipped": "teams need the demo accounts (off in these settings)"}
    crosswalk_team, air_team = _teams(round_of_results_event())
    _published(index, crosswalk_team)
    pending = _pending(index, air_team)
    return {
        "teams": 2,
        "published": ProjectPage.objects.live().filter(team__in=[crosswalk_team, air_team]).count(),
        "in review": ProjectPage.objects.get(pk=pending.pk).workflow_in_progress,
    }
