"""A small public site with one of everything, built once per browser test module: problems with
a photo, comments and an official answer, a hotspot, air readings, a round in voting and one with
results, a team with a project page (photo, parts, map), a results event, a signed-in citizen with
notifications. Made with the factories and the services (never the demo content in fixtures/).

`PAGES` is the table of page types the accessibility and HTML-validity tests walk; each entry
names how to reach the page from `build()`'s result."""

import io
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from cms.reference import page_tree_ensure
from geo.models import AirSource, AirStation, Dong, Hotspot
from geo.services import air_readings_store, dongs_sync, stations_sync
from geo.synthetic import synthetic_series
from soslab.accounts.services import policy_accept
from soslab.comments.services import comment_create
from soslab.core.images import process_upload
from soslab.ideas.phases import Phase
from soslab.maps.services import hotspots_recompute
from soslab.notifications.services import notify
from soslab.problems.models import ProblemPhoto
from soslab.problems.services import answer_add
from tests.factories import StaffFactory, UserFactory
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.teams.factories import make_event, make_project, make_team

DONG = "노송동"


@dataclass(frozen=True)
class PageSpec:
    """One page type: `path(site)` gives its URL path; `signed_in` pages are seen by the citizen;
    `submit` names a form whose empty submission (no browser-side checks) shows its errors."""

    name: str
    path: object
    signed_in: bool = False
    submit: str = ""
    status: int = 200
    submit_status: int = 400  # the status of the failed submission


def _photo_upload(colour=(30, 90, 160)):
    picture = Image.new("RGB", (320, 240), colour)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def _problems(dongs, citizen, staff):
    traffic = CategoryFactory(slug="traffic", name="교통", name_en="Traffic", colour="#b91c1c")
    air = CategoryFactory(slug="air", name="대기환경", name_en="Air quality", colour="#166534")
    dong = dongs[DONG]
    near = {"dong": dong, "lat": dong.rep_lat, "lon": dong.rep_lon}
    main = ProblemFactory(
        title="노송동 횡단보도 신호가 너무 짧아요",
        category=traffic,
        author=citizen,
        location_text="주민센터 건너편",
        **near,
    )
    ProblemPhoto(problem=main, position=0, alt_text="횡단보도 사진").store(
        process_upload(_photo_upload())
    )
    for _ in range(5):  # a hotspot: five reports within 150 m
        ProblemFactory(category=traffic, **near)
    ProblemFactory(title="공단 옆 매연 냄새", category=air, dong=dongs["중앙동"])
    neighbour = UserFactory()
    for person in (citizen, neighbour):  # a no-op unless a policy version is in force
        policy_accept(user=person)
    first = comment_create(author=neighbour, target=main, body="저도 매일 지나가요. 위험해요.")
    comment_create(author=citizen, target=main, body="맞아요, 공감합니다.", parent=first)
    answer_add(problem=main, author=staff, body="교통과에 전달했습니다. 현장을 확인하겠습니다.")
    hotspots_recompute()
    return main


def _rounds(problem):
    voting = make_round(Phase.VOTING, vote_budget=3, title="2026 가을 라운드", slug="autumn")
    idea = IdeaFactory(round=voting, title="보행 신호 자동 연장", problems=[problem])
    IdeaFactory(round=voting, title="밤길 바닥 신호등", problems=[problem])
    results = make_round(Phase.RESULTS, title="2026 봄 라운드", slug="spring")
    IdeaFactory(round=results, title="통학로 안전 지도", problems=[problem])
    make_round(Phase.IDEAS, title="2027 봄 라운드", slug="next")
    return voting, idea, results


def _project_body():
    return [
        ("text", "<h2>왜 만들었나요</h2><p>밤이면 운전자가 보행자를 늦게 봅니다.</p>"),
        (
            "parts",
            {
                "caption": "부품 목록",
                "rows": [{"name": "레이더 센서", "quantity": "2", "spec": "24GHz"}],
            },
        ),
        ("quote", {"text": "차가 먼저 멈춰요.", "attribution": "노송동 주민"}),
        (
            "map",
            {
                "heading": "설치한 곳",
                "places": [{"lat": 35.8242, "lon": 127.148, "label": "전주시청 앞"}],
            },
        ),
    ]


def _teams(citizen, problem, results_round):
    team = make_team(leader=citizen, round=results_round, name="안전한 등굣길 메이커")
    project = make_project(
        team,
        title="밤길을 밝히는 스마트 횡단보도",
        problems=[problem],
        body=_project_body(),
        outcome_what_changed="야간 양보율이 41%에서 78%로 올랐습니다.",
    )
    event = make_event(
        projects=[project],
        round=results_round,
        title="2026 봄 결과공유회",
        venue_lat=35.8242,
        venue_lon=127.148,
        intro="메이커 팀이 만든 해결책을 발표합니다.",
    )
    return team, project, event


def _air():
    """The air stations (reference data) and a day of synthetic hourly readings."""
    end = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    stations_sync()
    for station in AirStation.objects.all():
        air_readings_store(
            station=station,
            readings=synthetic_series(station.name, end, 24),
            source=AirSource.SYNTHETIC,
        )


def build():
    """Create the site; returns {name: object} for the PAGES paths."""
    dongs_sync()
    dongs = {dong.name: dong for dong in Dong.objects.all()}
    tree = page_tree_ensure()
    citizen = UserFactory(display_name="김전주", email="citizen@example.kr")
    staff = StaffFactory()
    main = _problems(dongs, citizen, staff)
    voting, idea, results = _rounds(main)
    team, project, event = _teams(citizen, main, results)
    notify(
        recipients=[citizen],
        kind="answer",
        target=main,
        message=lambda: "공식 답변이 등록되었습니다",
        actor=staff,
    )
    _air()
    return {
        "tree": tree,
        "citizen": citizen,
        "problem": main,
        "voting": voting,
        "idea": idea,
        "results": results,
        "team": team,
        "project": project,
        "event": event,
        "hotspot": Hotspot.objects.get(),
    }


PAGES = [
    PageSpec("home", lambda s: "/"),
    PageSpec("problem-list", lambda s: "/problems/"),
    PageSpec("problem-detail", lambda s: s["problem"].get_absolute_url()),
    PageSpec("report-form", lambda s: "/problems/new/", signed_in=True),
    PageSpec("report-form-errors", lambda s: "/problems/new/", signed_in=True, submit="#id_title"),
    PageSpec("problem-map", lambda s: "/map/"),
    PageSpec("dong-map", lambda s: "/map/dongs/"),
    PageSpec("hotspot", lambda s: f"/map/hotspots/{s['hotspot'].pk}/"),
    PageSpec("air-map", lambda s: "/map/air/"),
    PageSpec("statistics", lambda s: "/statistics/"),
    PageSpec("search", lambda s: "/search/?q=횡단보도"),
    PageSpec("search-kind", lambda s: "/search/?q=횡단보도&kind=problems&category=traffic"),
    PageSpec("search-empty", lambda s: "/search/?q=없는낱말&category=air"),
    PageSpec("search-error", lambda s: "/search/?q=" + "가" * 101, status=400),
    PageSpec("rounds-index", lambda s: s["tree"]["rounds"].url),
    PageSpec("round", lambda s: s["voting"].url),
    PageSpec("ideas", lambda s: f"{s['voting'].url}ideas/"),
    PageSpec("idea-detail", lambda s: f"{s['voting'].url}ideas/{s['idea'].pk}/"),
    PageSpec("idea-form", lambda s: f"{s['tree']['rounds'].url}next/ideas/new/", signed_in=True),
    PageSpec(
        "idea-form-errors",
        lambda s: f"{s['tree']['rounds'].url}next/ideas/new/",
        signed_in=True,
        submit="#id_title",
        submit_status=200,
    ),
    PageSpec("round-results", lambda s: f"{s['results'].url}results/"),
    PageSpec("projects-index", lambda s: s["tree"]["projects"].url),
    PageSpec("project", lambda s: s["project"].url),
    PageSpec("results-index", lambda s: s["tree"]["results"].url),
    PageSpec("event", lambda s: s["event"].url),
    PageSpec("teams", lambda s: "/teams/"),
    PageSpec("team", lambda s: f"/teams/{s['team'].slug}/"),
    PageSpec("person", lambda s: f"/people/{s['citizen'].pk}/"),
    PageSpec("open-data", lambda s: "/open-data/"),
    PageSpec("login", lambda s: "/accounts/login/"),
    PageSpec("signup", lambda s: "/accounts/signup/"),
    PageSpec("profile", lambda s: "/accounts/profile/", signed_in=True),
    PageSpec("notifications", lambda s: "/notifications/", signed_in=True),
    PageSpec("me", lambda s: "/me/", signed_in=True),
    PageSpec("privacy", lambda s: s["tree"]["privacy"].url),
    PageSpec("terms", lambda s: s["tree"]["terms"].url),
    PageSpec("contact", lambda s: s["tree"]["contact"].url),
    PageSpec("accessibility", lambda s: s["tree"]["accessibility"].url),
    PageSpec("not-found", lambda s: "/no-such-page/", status=404),
]
