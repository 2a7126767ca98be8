"""Problem list speed with 100,000 problems: median ms per 20-row page and the SQL query count
(which must not grow with the number of rows) for the default list, each sort, each filter, the
Korean text search and a deep page.

    .venv/bin/python -m benchmarks bench_problems_list
"""

import random
import statistics
import time

PROBLEMS = 100_000
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


def _setup():
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from geo import boundaries
    from geo.models import Dong
    from geo.services import dongs_sync
    from soslab.accounts.models import User
    from soslab.problems.models import Category, Problem, ProblemStatus

    existing = Problem.objects.count()
    if existing >= PROBLEMS:
        return
    dongs_sync()
    dong_ids = dict(Dong.objects.values_list("code", "pk"))
    categories = []
    for slug, name in (
        ("traffic", "교통"),
        ("safety", "안전"),
        ("air", "대기환경"),
        ("living", "생활환경"),
        ("other", "기타"),
    ):
        category, _ = Category.objects.get_or_create(slug=slug, defaults={"name": name})
        categories.append(category)
    authors = []
    for n in range(200):
        user, _ = User.objects.get_or_create(
            email=f"bench-reporter{n}@example.kr",
            defaults={"username": f"bench-reporter{n}", "display_name": f"제보자{n}"},
        )
        authors.append(user)
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    content_type = ContentType.objects.get_for_model(Problem)
    statuses = list(ProblemStatus.values)
    rng = random.Random(42)  # noqa: S311 - synthetic data
    now = timezone.now()
    # Points: uniform in Jeonju's bounding box, kept when inside the city (vectorised lookup).
    minx, miny, maxx, maxy = boundaries.city().total_bounds
    remaining = PROBLEMS - existing
    made = 0
    while made < remaining:
        size = min(BATCH, remaining - made)
        lons = [rng.uniform(minx, maxx) for _ in range(size * 2)]
        lats = [rng.uniform(miny, maxy) for _ in range(size * 2)]
        codes = boundaries.dong_codes_at(lons, lats)
        points = [
            (lat, lon, code) for lat, lon, code in zip(lats, lons, codes, strict=True) if code
        ][:size]
        rows = []
        for i, (lat, lon, code) in enumerate(points):
            title = f"{rng.choice(TITLES)} #{existing + made + i}"
            description = rng.choice(DESCRIPTIONS)
            unplaced = rng.random() < 0.1
            rows.append(
                Problem(
                    title=title,
                    description=description,
                    original_title=title,
                    original_description=description,
                    category=rng.choice(categories),
                    author=rng.choice(authors),
                    lat=None if unplaced else lat,
                    lon=None if unplaced else lon,
                    dong_id=dong_ids[code],
                    status=rng.choice(statuses),
                    support_count=int(rng.expovariate(1 / 8)),
                    comment_count=int(rng.expovariate(1 / 3)),
                    created_at=now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 730)),
                    search_text=f"{title} {description}".casefold(),
                )
            )
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


def run(report):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from geo.models import Dong

    _setup()
    dong = Dong.objects.get(name="효자1동")
    client = Client()
    paths = [
        ("newest", "/problems/"),
        ("most supported", "/problems/?sort=supported"),
        ("most discussed", "/problems/?sort=discussed"),
        ("category", "/problems/?category=traffic"),
        ("open statuses", "/problems/?status=open"),
        ("dong", f"/problems/?dong={dong.code}"),
        ("tag", "/problems/?tag=어린이"),
        ("search 횡단보도", "/problems/?q=횡단보도"),
        ("search 미세먼지", "/problems/?q=미세먼지"),
        ("nearest to a point", "/problems/?sort=near&near=35.8242,127.148"),
        ("category+status+supported", "/problems/?category=safety&status=open&sort=supported"),
        ("page 200", "/problems/?page=200"),
    ]
    for label, path in paths:
        client.get(path)  # warm up
        timings = []
        for _ in range(7):
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        report(
            f"problems list {label} ({PROBLEMS:,} problems)",
            statistics.median(timings),
            "ms",
            f"({len(queries)} queries)",
        )
