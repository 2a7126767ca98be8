"""Similar open problems near a place: the duplicate suggestions of the report form (step 2 and
the live JSON endpoint) and of a problem's page. Measured on the published points (geo.privacy)."""

import math

from soslab.core.search import index_text
from soslab.core.search.analysis import TITLE_MARK
from soslab.core.text import normalise_text

from .models import Problem

DUPLICATE_RADIUS_M = 200
DUPLICATE_LIMIT = 5
EARTH_RADIUS_M = 6_371_008.8


def haversine_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _title_words(title):
    return {word for word in normalise_text(title).split() if len(word) >= 2}


def _title_tokens(search_text):
    """The analysed title words (soslab.core.search) of two syllables or more: 가로등이 and
    가로등 are the same word."""
    return {t for t in search_text.split() if t.startswith(TITLE_MARK) and len(t) > 2}


def similar_problems(*, lat, lon, category=None, title="", exclude_pk=None):
    """Up to 5 open public problems within 200 m that share the category or have a similar title,
    nearest first. Everything is measured on the published points (geo.privacy), never the exact
    ones, so neither the distances nor which problems are found reveal a minor's exact point.
    A bounding box on the (public_lat, public_lon) index narrows the rows; the haversine distance
    decides. Each result has `.distance_m` set."""
    if lat is None or lon is None:
        return []
    dlat = math.degrees(DUPLICATE_RADIUS_M / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    candidates = (
        Problem.objects.public()
        .open()
        .filter(
            public_lat__range=(lat - dlat, lat + dlat),
            public_lon__range=(lon - dlon, lon + dlon),
        )
        .select_related("category", "dong")
        .order_by("-created_at")[:200]
    )
    words = _title_words(title)
    tokens = _title_tokens(index_text(title)) if title else set()
    results = []
    for problem in candidates:
        if problem.pk == exclude_pk:
            continue
        distance = haversine_m(lat, lon, problem.public_lat, problem.public_lon)
        if distance > DUPLICATE_RADIUS_M:
            continue
        same_category = category is not None and problem.category_id == category.pk
        shared = words & _title_words(problem.title)
        similar_title = bool(shared) or bool(tokens & _title_tokens(problem.search_text))
        if same_category or similar_title:
            problem.distance_m = round(distance)
            results.append(problem)
    results.sort(key=lambda p: (p.distance_m, -p.pk))
    return results[:DUPLICATE_LIMIT]
