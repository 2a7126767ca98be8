"""The demo's drawn pictures: a fitting scene per problem, the same picture on every run,
different pictures for different seeds, and bytes the upload pipeline accepts like a photo."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from soslab.core import illustrations
from soslab.core.images import process_upload


@pytest.mark.parametrize(
    ("text", "category", "scene"),
    [
        ("전북대 정문 앞 횡단보도가 위험해요 횡단보도", "traffic", "crosswalk"),
        ("시청 뒤 골목 가로등이 꺼져 있어요 가로등", "safety", "alley"),
        ("대학로 횡단보도 앞 도로 파임 포트홀", "traffic", "pothole"),
        ("팔복동 공단 미세먼지", "air", "factory"),
        ("서부신시가지 공회전 관광버스 매연", "air", "skyline"),
        ("객사길 버스킹 뒤 쓰레기", "living", "bin"),
        ("금암동 경사로 결빙", "safety", "icy_slope"),
        ("아무 단서 없는 제목", "air", "skyline"),  # the category decides
        ("아무 단서 없는 제목", "other", "park"),
    ],
)
def test_each_problem_gets_the_scene_that_fits(text, category, scene):
    assert illustrations.scene_for(text, category=category) == scene


def test_the_same_seed_draws_the_same_picture_and_another_seed_another():
    first = illustrations.jpeg("crosswalk", seed="객사 앞")
    assert illustrations.jpeg("crosswalk", seed="객사 앞") == first
    assert illustrations.jpeg("crosswalk", seed="전북대 앞") != first


@pytest.mark.parametrize("scene", sorted(illustrations.SCENES))
def test_every_scene_passes_the_upload_pipeline(scene):
    data = illustrations.jpeg(scene, seed="demo")
    processed = process_upload(ContentFile(data, name="demo.jpg"))
    assert (processed.width, processed.height, processed.format) == (960, 720, "JPEG")
    picture = Image.open(io.BytesIO(processed.image.read()))
    assert not picture.getexif()  # nothing but pixels
    colours = picture.convert("RGB").resize((32, 24)).getcolors(32 * 24)
    assert len(colours) > 20  # a drawing, not a flat placeholder
