"""PRODUCT.md journey 1 in a real browser on a phone: report a problem without the map, be shown a
similar one nearby and support it instead; post a new one with a photo whose location is removed;
a point outside Jeonju is refused without losing what was typed."""

import io

import pytest
from django.conf import settings as django_settings
from django.test import Client
from PIL import Image

from soslab.core.media import private_storage
from soslab.problems.models import Problem, ProblemPhoto, Support
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DONG_NAME = "노송동"


@pytest.fixture
def traffic(transactional_db):
    return CategoryFactory(slug="traffic", name="교통", name_en="Traffic")


@pytest.fixture
def reporter(transactional_db, settings):
    # Transactional tests flush the data-migration rows; skip pre-moderation explicitly so the
    # report is published at once (the live server runs in this process, so this applies there).
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    return UserFactory()


@pytest.fixture
def signed_in(phone, live_server, reporter):
    """The phone page with the reporter's session cookie set for the live server."""
    client = Client()
    client.force_login(reporter)
    phone.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return phone


@pytest.fixture
def gps_photo(tmp_path):
    """A small real JPEG carrying EXIF GPS coordinates (전주시청)."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (35.0, 49.0, 27.12)
    gps[3] = "E"
    gps[4] = (127.0, 8.0, 52.8)
    path = tmp_path / "crossing.jpg"
    Image.new("RGB", (64, 48), (200, 40, 40)).save(path, "JPEG", exif=exif)
    assert Image.open(path).getexif().get_ifd(0x8825)[1] == "N"  # the upload really has GPS
    return path


def _fill_without_map(page, live_server, dong, *, title, description):
    page.goto(live_server.url + "/problems/new/")
    page.fill("#id_title", title)
    page.get_by_label("교통", exact=True).check()
    page.fill("#id_description", description)
    page.select_option("#id_dong", str(dong.pk))
    page.fill("#id_location_text", "주민센터 건너편 횡단보도")


def _send(page):
    page.get_by_role("button", name="제보하기", exact=True).click()
    page.wait_for_load_state()


def test_similar_problem_nearby_is_supported_instead_of_posting(
    signed_in, live_server, reporter, dongs, traffic, gps_photo
):
    page = signed_in
    dong = dongs[DONG_NAME]
    existing = ProblemFactory(
        title="횡단보도 신호가 너무 짧아요",
        category=traffic,
        dong=dong,
        lat=dong.rep_lat + 0.0005,  # about 55 m north of the dong's representative point
        lon=dong.rep_lon,
    )
    problems_before = Problem.objects.count()

    _fill_without_map(
        page,
        live_server,
        dong,
        title="건널목 신호 시간이 짧아 위험해요",
        description="어르신들이 다 건너기 전에 신호가 바뀌어서 매일 위험한 상황이 생깁니다.",
    )
    page.set_input_files("#id_photos", str(gps_photo))
    _send(page)

    # Step 2: the similar problem nearby, with 공감하기.
    card = page.locator(".problem-card", has_text=existing.title)
    assert card.count() == 1
    support = card.get_by_role("button", name="공감하기")
    assert support.count() == 1
    support.click()
    page.wait_for_load_state()

    assert page.url.endswith(existing.get_absolute_url())
    existing.refresh_from_db()
    assert existing.support_count == 1
    assert Support.objects.filter(problem=existing, user=reporter).exists()
    assert Problem.objects.count() == problems_before
    assert not Problem.objects.filter(author=reporter).exists()


def test_new_problem_is_published_with_its_dong_and_a_photo_without_location(
    signed_in, live_server, reporter, dongs, traffic, gps_photo
):
    page = signed_in
    dong = dongs[DONG_NAME]
    title = "버스정류장 앞 보도블록이 깨졌어요"
    _fill_without_map(
        page,
        live_server,
        dong,
        title=title,
        description="비가 오면 물이 고이고 유모차 바퀴가 걸려서 지나가기 어렵습니다.",
    )
    page.set_input_files("#id_photos", str(gps_photo))
    _send(page)

    problem = Problem.objects.get(author=reporter)
    assert page.url.endswith(problem.get_absolute_url())
    assert page.inner_text("h1") == title
    main = page.inner_text("main")
    assert f"{dong.gu} {dong.name}" in main
    assert page.inner_text(".problem-status") == "접수"
    assert problem.dong == dong and problem.is_public

    photo = ProblemPhoto.objects.get(problem=problem)
    with private_storage().open(photo.image.name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    assert not image.getexif()
    assert "exif" not in image.info
    assert page.locator(".problem-photos img").count() == 1


def test_point_outside_jeonju_is_refused_and_the_title_is_kept(
    signed_in, live_server, dongs, traffic
):
    page = signed_in
    page.goto(live_server.url + "/problems/new/")
    title = "서울역 앞 신호등 고장"
    page.fill("#id_title", title)
    page.get_by_label("교통", exact=True).check()
    page.fill("#id_description", "신호등이 며칠째 꺼져 있어서 건너기가 무섭습니다.")
    # The map script fills these hidden inputs when the pin is dropped; 서울역 is outside Jeonju.
    page.evaluate(
        """() => {
            document.getElementById("id_lat").value = "37.5547";
            document.getElementById("id_lon").value = "126.9707";
        }"""
    )
    _send(page)

    assert "전주시 안에서 위치를 선택해 주세요" in page.inner_text(".error-summary")
    assert page.input_value("#id_title") == title
    assert not Problem.objects.exists()


def test_report_form_fits_a_phone_screen(signed_in, live_server, dongs, traffic):
    page = signed_in
    page.goto(live_server.url + "/problems/new/")
    assert page.locator("#id_title").is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_failed_report_starts_at_the_error_summary_with_red_fields(
    signed_in, live_server, dongs, traffic
):
    page = signed_in
    page.goto(live_server.url + "/problems/new/")
    _send(page)  # nothing filled in
    page.wait_for_function("document.activeElement.matches('[data-error-summary]')")
    summary = page.locator("[data-error-summary]")
    assert summary.get_attribute("role") == "alert"
    red = "rgb(180, 35, 24)"  # --c-error
    for selector in ("#id_title", "#id_description"):
        assert page.eval_on_selector(selector, "el => getComputedStyle(el).borderTopColor") == red
    summary.get_by_role("link", name="제목", exact=False).first.click()
    assert page.evaluate("document.activeElement.id") == "id_title"
