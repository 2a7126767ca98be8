"""Synthetic benchmark data shared by every benchmark, and the scale it is made at.

Scales (BENCH_SCALE), each in its own database (soslab.settings.bench):

| scale | problems | supports | comments on the big problem | round ideas / votes | users |
|---|---|---|---|---|---|
| full (default) | 100,000 | ~950,000 | 2,000 | 5,000 / 200,000 | 20,000 |
| 10k (develop) | 10,000 | ~95,000 | 2,000 | 5,000 / 200,000 | 20,000 |
| 1k (the 100k/1k ratios) | 1,000 | ~9,500 | 2,000 | 50 / 500 | 1,000 |
| small (CI) | 400 | ~3,800 | 50 | 60 / 600 | 200 |
| tiny (small's ratio partner) | 40 | ~380 | 50 | 10 / 100 | 100 |

The whole dataset is built once by benchmarks.dataset (bulk inserts, COPY on PostgreSQL) and
reused while its version marker matches (schema and DATA_VERSION). Reference rows (dongs,
stations, categories) are the real ones, synced the way production does; no dong is invented.
"""

import os

SIZES = {
    "full": {
        "problems": 100_000,
        "supports_mean": 9.5,
        "comments": 2_000,
        "ideas": 5_000,
        "votes_per_voter": 10,
        "users": 20_000,
    },
    "10k": {
        "problems": 10_000,
        "supports_mean": 9.5,
        "comments": 2_000,
        "ideas": 5_000,
        "votes_per_voter": 10,
        "users": 20_000,
    },
    "1k": {
        "problems": 1_000,
        "supports_mean": 9.5,
        "comments": 2_000,
        "ideas": 50,
        "votes_per_voter": 10,
        "users": 1_000,
    },
    "small": {
        "problems": 400,
        "supports_mean": 9.5,
        "comments": 50,
        "ideas": 60,
        "votes_per_voter": 10,
        "users": 200,
    },
    "tiny": {
        "problems": 40,
        "supports_mean": 9.5,
        "comments": 50,
        "ideas": 10,
        "votes_per_voter": 10,
        "users": 100,
    },
}
# The dataset each scale's 100k/1k ratio column compares against.
BASELINE = {"full": "1k", "10k": "1k", "small": "tiny"}
SCALES = tuple(SIZES)
SCALE = os.environ.get("BENCH_SCALE", "full").strip().lower() or "full"
SIZE = SIZES.get(SCALE, SIZES["full"])
# Voters of the results round: each casts votes_per_voter votes (200,000 votes at full scale).
VOTERS = {"full": 20_000, "10k": 20_000, "1k": 50, "small": 60, "tiny": 10}

TITLES = [
    "횡단보도가 너무 위험해요",
    "가로등이 꺼져 있어요",
    "버스정류장 그늘막이 필요해요",
    "공사장 비산먼지가 심해요",
    "골목에 쓰레기가 쌓여요",
    "보도블록이 깨졌어요",
    "불법 주차로 시야가 가려요",
    "공원 화장실이 고장 났어요",
]
DESCRIPTIONS = [
    "아침 등교 시간마다 아이들이 위험합니다.",
    "미세먼지농도가 높은 날은 창문을 열 수 없습니다.",
    "밤에 지나가기 무섭다는 이웃이 많습니다.",
    "어르신들이 불편해하십니다.",
]
TAGS = ["어린이", "통학로", "야간", "미세먼지", "보도", "버스"]
CATEGORIES = (
    ("traffic", "교통"),
    ("safety", "안전"),
    ("air", "대기환경"),
    ("living", "생활환경"),
    ("other", "기타"),
)
# 효자1동 (완산구), the dong the dong-filter benchmark uses: a real administrative code.
BENCH_DONG_CODE = "4511171100"
# The signed-in visitor of the HTTP benchmark and the load test (bench databases only).
CITIZEN_EMAIL = "bench-citizen@example.kr"
CITIZEN_PASSWORD = "bench-only-password"  # noqa: S105 - a synthetic account in a bench database
BIG_PROBLEM_TITLE = "댓글이 많은 벤치마크 문제"
RESULTS_ROUND_SLUG = "bench-results"


def scaled(full, small):
    """The size for the current BENCH_SCALE (small and tiny: the CI size)."""
    return small if SCALE in ("small", "tiny") else full


PROBLEMS = SIZE["problems"]


def ensure_reference_data():
    """The 35 real dongs, the AirKorea stations and the problem categories."""
    from geo.services import dongs_sync, stations_sync
    from soslab.problems.models import Category

    dongs_sync()
    stations_sync()
    return [
        Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in CATEGORIES
    ]


def bench_dong():
    from geo.models import Dong

    return Dong.objects.get(code=BENCH_DONG_CODE)


def ensure_problems(count=PROBLEMS):
    """The benchmark dataset of this scale (built once, see benchmarks.dataset); returns the
    number of problems. `count` is accepted for the benchmarks that pass it: the dataset's size
    is the scale's."""
    from benchmarks import dataset
    from soslab.problems.models import Problem

    del count
    dataset.ensure()
    return Problem.objects.count()
