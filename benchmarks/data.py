"""Synthetic benchmark data shared by every benchmark, and the scale it is made at.

`BENCH_SCALE=full` (the default): 100,000 problems, the size the targets are about.
`BENCH_SCALE=small`: a few hundred rows so every benchmark runs in seconds (CI runs this, so the
benchmarks cannot rot). Each scale has its own database file (soslab.settings.bench).

Every function here is idempotent: it tops the data up to the requested size, so a second run on a
database that already holds benchmark data reuses it. Reference rows (dongs, stations, categories)
are the real ones, synced the way production does; benchmarks never invent a dong.
"""

import os
import random

SCALES = ("full", "small")
SCALE = os.environ.get("BENCH_SCALE", "full").strip().lower() or "full"
BATCH = 5_000
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


def scaled(full, small):
    """The size for the current BENCH_SCALE."""
    return small if SCALE == "small" else full


PROBLEMS = scaled(100_000, 400)


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


def _reporters():
    from soslab.accounts.models import User

    return [
        User.objects.get_or_create(
            email=f"bench-reporter{n}@example.kr",
            defaults={"username": f"bench-reporter{n}", "display_name": f"제보자{n}"},
        )[0]
        for n in range(scaled(200, 20))
    ]


def _problem_row(rng, number, point, categories, authors, dong_ids, now):
    """One synthetic public problem at `point` (lat, lon, dong code); about 10% without a point."""
    from django.utils import timezone

    from soslab.problems.models import Problem, ProblemStatus

    lat, lon, code = point
    title = f"{rng.choice(TITLES)} #{number}"
    description = rng.choice(DESCRIPTIONS)
    unplaced = rng.random() < 0.1
    return Problem(
        title=title,
        description=description,
        original_title=title,
        original_description=description,
        category=rng.choice(categories),
        author=rng.choice(authors),
        lat=None if unplaced else round(lat, 6),
        lon=None if unplaced else round(lon, 6),
        dong_id=dong_ids[code],
        status=rng.choice(list(ProblemStatus.values)),
        support_count=int(rng.expovariate(1 / 8)),
        comment_count=int(rng.expovariate(1 / 3)),
        created_at=now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 730)),
        search_text=f"{title} {description}".casefold(),
    )


def ensure_problems(count=PROBLEMS):
    """At least `count` public problems spread over Jeonju (about 10% without a point, 30% tagged),
    then fresh planner statistics. Returns the number of problems."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from geo import boundaries
    from geo.models import Dong
    from soslab.core.db import planner_statistics_refresh
    from soslab.problems.models import Problem

    categories = ensure_reference_data()
    existing = Problem.objects.count()
    if existing >= count:
        return existing
    dong_ids = dict(Dong.objects.values_list("code", "pk"))
    authors = _reporters()
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    content_type = ContentType.objects.get_for_model(Problem)
    rng = random.Random(existing)  # noqa: S311 - synthetic data; a new seed per top-up
    now = timezone.now()
    # Points: uniform in Jeonju's bounding box, kept when inside the city (vectorised lookup).
    minx, miny, maxx, maxy = boundaries.city().total_bounds
    remaining, made = count - existing, 0
    while made < remaining:
        size = min(BATCH, remaining - made)
        lons = [rng.uniform(minx, maxx) for _ in range(size * 2)]
        lats = [rng.uniform(miny, maxy) for _ in range(size * 2)]
        codes = boundaries.dong_codes_at(lons, lats)
        points = [
            (lat, lon, code) for lat, lon, code in zip(lats, lons, codes, strict=True) if code
        ][:size]
        rows = [
            _problem_row(rng, existing + made + i, point, categories, authors, dong_ids, now)
            for i, point in enumerate(points)
        ]
        with transaction.atomic():
            for row in rows:  # bulk_create skips save(): apply the location privacy rule
                row.refresh_public_point()
            created = Problem.objects.bulk_create(rows, batch_size=1000)
            TaggedItem.objects.bulk_create(
                [
                    TaggedItem(tag=rng.choice(tags), content_type=content_type, object_id=p.pk)
                    for p in created
                    if rng.random() < 0.3
                ],
                batch_size=1000,
            )
        made += len(rows)
        print(f"    generated {existing + made:,} problems", flush=True)  # noqa: T201
    planner_statistics_refresh()
    return Problem.objects.count()
