"""Photos on the demo problems: a picture drawn by soslab.core.illustrations for each problem's
title and tags, sent through the same pipeline as an upload (process_upload: re-encoded, no
metadata, thumbnail) and stored as a ProblemPhoto. Most problems get one; every fifth has none,
as in real life. Idempotent: a problem that has a photo is left alone."""

from django.core.files.base import ContentFile

from soslab.core import illustrations
from soslab.core.images import process_upload

from ..models import Problem, ProblemPhoto

# Alt text: what the picture shows, and that it is a demo drawing, not a resident's photo.
ALT = {
    "crosswalk": "데모 그림: 페인트가 닳아 희미해진 횡단보도",
    "alley": "데모 그림: 가로등 하나만 켜진 어두운 골목",
    "pothole": "데모 그림: 물이 고인 도로 파임(포트홀)",
    "parking": "데모 그림: 길가에 줄지어 선 차들",
    "icy_slope": "데모 그림: 얼음이 언 비탈길",
    "skyline": "데모 그림: 뿌연 먼지에 가린 도시 풍경",
    "factory": "데모 그림: 연기가 나는 공장 굴뚝",
    "bin": "데모 그림: 쓰레기봉투가 넘쳐 나는 쓰레기통",
    "park": "데모 그림: 하천 옆 산책로",
}
SKIP_EVERY = 5  # every fifth demo problem keeps no photo


def photos_ensure(titles):
    """Give most of the demo problems named in `titles` (in loader order) one drawn photo.
    Returns how many photos were added."""
    wanted = [title for number, title in enumerate(titles) if number % SKIP_EVERY != SKIP_EVERY - 1]
    missing = (
        Problem.objects.filter(title__in=wanted, photos__isnull=True)
        .select_related("category")
        .prefetch_related("tags")
        .order_by("pk")
    )
    added = 0
    for problem in missing:
        text = " ".join([problem.title, *(tag.name for tag in problem.tags.all())])
        scene = illustrations.scene_for(text, category=problem.category.slug)
        data = illustrations.jpeg(scene, seed=problem.title)
        processed = process_upload(ContentFile(data, name="demo.jpg"))
        ProblemPhoto(problem=problem, position=0, alt_text=ALT[scene]).store(processed)
        added += 1
    return added
