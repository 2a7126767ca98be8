"""Illustrations the demo loader draws itself with Pillow (no shipped photos, no licences, no
people and no text in them): a scene per kind of problem or project, varied by a seeded RNG so
every picture differs but is the same on every run.

    from soslab.core import illustrations
    scene = illustrations.scene_for("시청 뒤 골목 가로등이 꺼져 있어요", category="safety")
    data = illustrations.jpeg(scene, seed="시청 뒤 골목 가로등이 꺼져 있어요")  # JPEG bytes

The bytes then go through the ordinary image pipeline (soslab.core.images.process_upload for
citizen photos, Wagtail images for pages), exactly like an upload."""

import io
import random
import zlib

from . import city, devices, street

SCENES = {
    "crosswalk": street.crosswalk,
    "alley": street.alley,
    "pothole": street.pothole,
    "parking": street.parking,
    "icy_slope": street.icy_slope,
    "skyline": city.skyline,
    "factory": city.factory,
    "bin": city.overflowing_bin,
    "park": city.park,
    "led_prototype": devices.led_prototype,
    "air_board": devices.air_board,
    "event_hall": devices.event_hall,
}

# First match wins: words of a title or its tags -> the scene that shows them.
KEYWORDS = [
    (("포트홀", "파임", "맨홀", "보도블록", "도로 파", "들떠", "깨짐", "꺼짐"), "pothole"),
    (("쓰레기", "분리수거", "무단 투기", "무단투기"), "bin"),
    (("횡단보도", "신호", "과속", "꼬리물기", "교차로"), "crosswalk"),
    (("가로등", "조명", "골목", "CCTV", "야간", "어두"), "alley"),
    (("공장", "공단", "냄새", "악취", "공사장"), "factory"),
    (("미세먼지", "매연", "공회전", "먼지", "대기"), "skyline"),
    (("주차", "주정차", "버스", "택시", "킥보드", "셔틀", "통학"), "parking"),
    (("결빙", "빙판", "겨울"), "icy_slope"),
    (("공원", "산책로", "벤치", "하천", "저수지", "난간"), "park"),
]
BY_CATEGORY = {"traffic": "crosswalk", "safety": "alley", "air": "skyline", "living": "bin"}


def scene_for(text, *, category=""):
    """The scene that fits a problem's title/tags (`text`), else its category's, else a park."""
    for words, scene in KEYWORDS:
        if any(word in text for word in words):
            return scene
    return BY_CATEGORY.get(category, "park")


def draw(scene, *, seed, size=(960, 720)):
    """The picture of `scene` as a PIL image; `seed` (any string) picks its variations."""
    rng = random.Random(zlib.crc32(f"{scene}:{seed}".encode()))  # noqa: S311 (pictures, not secrets)
    return SCENES[scene](size, rng)


def jpeg(scene, *, seed, size=(960, 720), quality=82):
    """The picture encoded as JPEG bytes, ready for the image pipeline."""
    buffer = io.BytesIO()
    draw(scene, seed=seed, size=size).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()
