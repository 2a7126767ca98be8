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

from . import services
from .models import (
    AnswerTemplate,
    Category,
    Problem,
    ProblemStatus,
    TimelineEntry,
    TimelineKind,
)

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
PROBLEMS = [
    (
        "중앙동",
        "traffic",
        "객사 앞 횡단보도 신호가 너무 짧아요",
        "객사길에서 영화의거리로 건너는 횡단보도 보행 신호가 짧아서 어르신들이 중간에 멈춥니다.\n주말에는 관광객도 많아 더 위험해요.",
        "객사 앞 횡단보도",
        ["횡단보도", "어르신"],
        40,
        "reviewing",
        "담당 부서 전달",
        7,
    ),
    (
        "풍남동",
        "living",
        "한옥마을 골목 쓰레기 무단 투기",
        "태조로 뒷골목에 관광객이 버린 일회용 컵과 쓰레기가 매일 쌓입니다. 분리수거함이 더 필요해 보입니다.",
        "태조로 뒷골목",
        ["쓰레기", "한옥마을"],
        35,
        "open_for_ideas",
        "SOS랩 라운드 후보",
        8,
    ),
    (
        "노송동",
        "safety",
        "시청 뒤 골목 가로등이 꺼져 있어요",
        "전주시청 뒤편 주택가 골목 가로등 두 개가 일주일째 꺼져 있습니다. 밤에 귀가하기 무섭습니다.",
        "전주시청 뒤 주택가",
        ["가로등", "야간"],
        12,
        "received",
        None,
        5,
    ),
    (
        "완산동",
        "safety",
        "완산칠봉 산책로 계단 난간 파손",
        "완산칠봉 올라가는 나무 계단 난간이 부서져 있어 비 오는 날 미끄러질 뻔했습니다.",
        "완산칠봉 산책로 입구",
        ["산책로", "난간"],
        55,
        "solved",
        "현장 확인 예정",
        4,
    ),
    (
        "동서학동",
        "traffic",
        "남고산성 가는 길 버스 배차 간격",
        "남고산성 방면 버스가 한 시간에 한 대라 학생들이 통학할 때 너무 오래 기다립니다.",
        "동서학동 행정복지센터 앞 정류장",
        ["버스", "통학"],
        22,
        "reviewing",
        None,
        6,
    ),
    (
        "서서학동",
        "air",
        "흑석골 공사장 비산먼지",
        "흑석골 입구 공사장에서 덮개 없이 흙을 실어 나르고 있어 창문을 열 수가 없습니다. 미세먼지농도가 높은 날은 더 심해요.",
        "흑석골 입구 공사장",
        ["미세먼지", "공사장"],
        9,
        "received",
        None,
        3,
    ),
    (
        "중화산1동",
        "traffic",
        "화산체육관 앞 불법 주차로 시야가 가려요",
        "화산체육관 앞 도로 양쪽에 주차된 차 때문에 아이들이 길을 건널 때 운전자가 보지 못합니다.",
        "화산체육관 정문 앞",
        ["불법주차", "어린이"],
        18,
        "received",
        None,
        6,
    ),
    (
        "중화산2동",
        "living",
        "예수병원 앞 보도블록이 들떠 있어요",
        "예수병원 버스정류장 옆 보도블록이 들떠서 휠체어가 지나가기 어렵습니다.",
        "예수병원 정류장 옆",
        ["보도", "휠체어"],
        30,
        "in_project",
        "담당 부서 전달",
        5,
    ),
    (
        "서신동",
        "traffic",
        "서신동 감나무골 사거리 꼬리물기",
        "퇴근 시간마다 감나무골 사거리에서 꼬리물기가 심해서 보행 신호에도 차가 멈춰 있습니다.",
        "감나무골 사거리",
        ["교차로", "출퇴근"],
        14,
        "reviewing",
        None,
        7,
    ),
    (
        "평화1동",
        "safety",
        "평화동 초등학교 앞 과속 차량",
        "스쿨존인데도 아침 등교 시간에 과속하는 차가 많습니다. 과속 단속 카메라가 필요해요.",
        "평화초등학교 정문 앞",
        ["어린이 보호구역", "과속"],
        26,
        "open_for_ideas",
        "SOS랩 라운드 후보",
        8,
    ),
    (
        "평화2동",
        "living",
        "평화동 근린공원 화장실 고장",
        "공원 화장실 세면대 물이 나오지 않은 지 2주가 넘었습니다.",
        "평화2동 근린공원",
        ["공원", "화장실"],
        16,
        "solved",
        "담당 부서 전달",
        3,
    ),
    (
        "삼천1동",
        "air",
        "삼천천 주변 악취",
        "여름부터 삼천천 산책로 하류 쪽에서 악취가 심하게 납니다. 산책하는 분들이 많이 불편해합니다.",
        "삼천천 산책로 하류",
        ["악취", "하천"],
        48,
        "reviewing",
        "현장 확인 예정",
        6,
    ),
    (
        "삼천2동",
        "traffic",
        "삼천도서관 앞 자전거 도로 끊김",
        "자전거 도로가 도서관 앞에서 갑자기 끊겨서 차도로 내려가야 합니다.",
        "삼천도서관 앞",
        ["자전거"],
        11,
        "received",
        None,
        2,
    ),
    (
        "삼천3동",
        "safety",
        "홍산 사거리 맨홀 뚜껑 흔들림",
        "홍산 사거리 횡단보도 옆 맨홀 뚜껑이 흔들려서 밟으면 덜컹거립니다.",
        "홍산 사거리",
        ["맨홀"],
        6,
        "received",
        None,
        1,
    ),
    (
        "효자1동",
        "traffic",
        "효자공원 앞 버스정류장 그늘막 필요",
        "효자공원 앞 정류장에 그늘이 없어 여름에 어르신들이 길에 앉아서 기다리십니다.",
        "효자공원 앞 정류장",
        ["버스정류장", "폭염"],
        33,
        "open_for_ideas",
        None,
        7,
    ),
    (
        "효자2동",
        "living",
        "효자동 원룸촌 분리수거장 넘침",
        "원룸촌 분리수거장이 주말마다 넘쳐서 골목까지 쓰레기가 나옵니다.",
        "효자2동 원룸촌",
        ["쓰레기", "분리수거"],
        20,
        "received",
        None,
        4,
    ),
    (
        "효자3동",
        "air",
        "서부신시가지 공회전 관광버스",
        "서부신시가지 도로변에 관광버스가 시동을 켜 둔 채 오래 서 있어 매연이 심합니다.",
        "서부신시가지 도청 앞 도로",
        ["매연", "공회전"],
        27,
        "reviewing",
        None,
        5,
    ),
    (
        "효자4동",
        "safety",
        "도청 옆 지하차도 조명 어두움",
        "지하차도 보행로 조명이 어두워 밤에 걷기 무섭습니다.",
        "도청 옆 지하차도",
        ["조명", "야간"],
        8,
        "received",
        None,
        3,
    ),
    (
        "효자5동",
        "traffic",
        "혁신대로 횡단보도 대기 시간이 길어요",
        "아파트 단지 앞 횡단보도 신호 대기가 3분 넘게 걸려 무단횡단하는 사람이 많습니다.",
        "효자5동 아파트 단지 앞",
        ["횡단보도", "신호"],
        13,
        "received",
        None,
        4,
    ),
    (
        "진북동",
        "living",
        "전주천 산책로 벤치 부족",
        "전주천 진북동 구간 산책로에 쉬어 갈 벤치가 거의 없습니다.",
        "진북교 아래 산책로",
        ["산책로", "벤치"],
        45,
        "not_feasible",
        "담당 부서 전달",
        2,
    ),
    (
        "인후1동",
        "traffic",
        "모래내시장 앞 이중 주차",
        "모래내시장 앞 도로 이중 주차 때문에 버스가 정류장에 서지 못합니다.",
        "모래내시장 정문 앞",
        ["시장", "불법주차"],
        19,
        "reviewing",
        None,
        6,
    ),
    (
        "인후2동",
        "safety",
        "인후동 골목 CCTV 요청",
        "밤늦게 학원 끝나고 귀가하는 골목에 CCTV가 없어 불안하다는 학부모 의견이 많습니다.",
        "인후2동 학원가 골목",
        ["CCTV", "통학로"],
        24,
        "open_for_ideas",
        None,
        7,
    ),
    (
        "인후3동",
        "air",
        "인후동 가구공장 페인트 냄새",
        "오후마다 가구공장 쪽에서 페인트 냄새가 주택가로 넘어옵니다.",
        "인후3동 공장 인근",
        ["악취"],
        4,
        "received",
        None,
        2,
    ),
    (
        "덕진동",
        "living",
        "덕진공원 연못 주변 쓰레기",
        "덕진공원 연꽃 축제 이후 연못 주변에 쓰레기가 그대로 남아 있습니다.",
        "덕진공원 연못 산책로",
        ["공원", "쓰레기"],
        29,
        "solved",
        "현장 확인 예정",
        5,
    ),
    (
        "금암1동",
        "traffic",
        "전북대 정문 앞 횡단보도가 위험해요",
        "전북대 정문 앞 횡단보도는 우회전 차량이 멈추지 않아 학생들이 자주 놀랍니다.\n보행자 우선 신호가 필요해 보입니다.",
        "전북대학교 정문 앞",
        ["횡단보도", "대학가"],
        37,
        "in_project",
        "SOS랩 라운드 후보",
        8,
    ),
    (
        "금암2동",
        "safety",
        "금암동 경사로 결빙",
        "겨울마다 금암2동 언덕길이 얼어서 넘어지는 분이 많습니다. 염화칼슘함이 필요해요.",
        "금암2동 언덕길",
        ["결빙", "겨울"],
        60,
        "reviewing",
        None,
        4,
    ),
    (
        "팔복동",
        "air",
        "팔복동 공단 미세먼지",
        "팔복동 산업단지 주변에서 미세먼지농도가 유난히 높게 느껴집니다. 측정 결과를 공개해 주세요.",
        "팔복동 산업단지 입구",
        ["미세먼지", "공단"],
        50,
        "open_for_ideas",
        "SOS랩 라운드 후보",
        8,
    ),
    (
        "우아1동",
        "traffic",
        "전주역 앞 택시 승차장 혼잡",
        "전주역 앞 택시 승차장과 일반 차량 승하차 구역이 섞여 혼잡합니다.",
        "전주역 광장 앞",
        ["전주역", "택시"],
        15,
        "received",
        None,
        5,
    ),
    (
        "우아2동",
        "living",
        "아중저수지 산책로 야간 소음",
        "밤늦게 아중저수지 주차장에서 오토바이 소음이 심합니다.",
        "아중저수지 주차장",
        ["소음", "오토바이"],
        10,
        "received",
        None,
        3,
    ),
    (
        "호성동",
        "safety",
        "호성동 농로 반사경 없음",
        "농로와 큰길이 만나는 곳에 반사경이 없어 차가 갑자기 튀어나옵니다.",
        "호성동 농로 교차 지점",
        ["반사경"],
        21,
        "reviewing",
        None,
        2,
    ),
    (
        "송천1동",
        "traffic",
        "송천동 에코시티 통학버스 정차 위치",
        "에코시티 통학버스가 교차로 바로 앞에 정차해서 아이들이 차 사이로 내립니다.",
        "에코시티 중앙 교차로",
        ["통학", "어린이"],
        7,
        "received",
        None,
        6,
    ),
    (
        "송천2동",
        "air",
        "송천동 도로 청소차 운행 요청",
        "큰 도로변에 흙먼지가 많이 쌓여 차가 지나갈 때마다 먼지가 날립니다.",
        "송천2동 큰길",
        ["먼지", "도로"],
        17,
        "received",
        None,
        2,
    ),
    (
        "조촌동",
        "other",
        "조촌동 마을버스 노선 안내 부족",
        "마을버스 정류장에 노선도가 없어 처음 오는 사람은 어디로 가는지 알 수 없습니다.",
        "조촌동 마을버스 정류장",
        ["버스", "안내"],
        25,
        "received",
        None,
        3,
    ),
    (
        "여의동",
        "living",
        "여의동 공터 무단 경작과 쓰레기",
        "여의동 공터에 무단 경작 후 비닐과 쓰레기가 방치되어 있습니다.",
        "여의동 공터",
        ["쓰레기"],
        32,
        "not_feasible",
        "담당 부서 전달",
        1,
    ),
    (
        "혁신동",
        "traffic",
        "혁신도시 킥보드 무단 방치",
        "혁신도시 인도 곳곳에 공유 킥보드가 쓰러져 있어 유모차가 지나가기 어렵습니다.",
        "혁신도시 중심 상가 앞",
        ["킥보드", "보도"],
        5,
        "received",
        None,
        5,
    ),
    (
        "혁신동",
        "other",
        "혁신도시 공공기관 셔틀 시민 이용 문의",
        "공공기관 통근 셔틀을 주말에 시민도 이용할 수 있으면 좋겠다는 의견입니다.",
        "혁신도시 공공기관 앞",
        ["셔틀"],
        3,
        "received",
        None,
        2,
    ),
]


def _point(dong, index):
    """A point near the dong's representative point, kept only if it stays in that dong."""
    offset = 0.0004 * ((index % 3) - 1)
    lat, lon = dong.rep_lat + offset, dong.rep_lon - offset
    found = dong_for_point(lon, lat)
    if found is None or found.pk != dong.pk:
        return dong.rep_lat, dong.rep_lon
    return lat, lon


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
    for index, row in enumerate(PROBLEMS):
        dong_name, slug, title, description, place, tags, days, status, answer, supports = row
        dong = dongs[dong_name]
        author = people[AUTHORS[index % len(AUTHORS)]]
        if Problem.objects.filter(title=title).exists():
            # Already loaded; later steps (moderation, teams) may have moved it on since.
            continue
        lat, lon = _point(dong, index) if index % 6 else (None, None)
        reported = now - timedelta(days=days, hours=index % 9)
        problem = Problem.objects.create(
            author=author,
            title=title,
            description=description,
            original_title=title,
            original_description=description,
            category=categories[slug],
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
        created += 1
        for email in SUPPORTERS[:supports]:
            if email != author.email:
                services.support_add(problem=problem, user=people[email])
        if answer:
            services.answer_add(problem=problem, author=staff, body=templates[answer].body)
        if status != ProblemStatus.RECEIVED:
            services.problem_status_change(
                problem=problem,
                status=status,
                actor=staff,
                note="운영진이 내용을 확인했습니다." if status == "reviewing" else "",
            )
    return {
        "categories": Category.objects.count(),
        "problems": Problem.objects.count(),
        "new": created,
    }
