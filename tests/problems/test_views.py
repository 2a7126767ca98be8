"""Problem pages: report (with and without the map), duplicate step, photos, list, detail,
supports, staff actions and permissions over HTTP."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from soslab.problems.models import Problem, ProblemPhoto, ProblemStatus, Support, TimelineKind
from tests.factories import UserFactory

from .factories import CITY_HALL, CategoryFactory, ProblemFactory
from .test_images import jpeg_with_gps

pytestmark = pytest.mark.django_db

NEW = "/problems/new/"


@pytest.fixture
def traffic(db):
    return CategoryFactory(slug="traffic", name="교통", name_en="Traffic")


@pytest.fixture
def published(settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0


def _data(category, **overrides):
    data = {
        "title": "전북대 정문 앞 횡단보도",
        "category": category.pk,
        "description": "신호가 너무 짧아서 학생들이 뛰어서 건넙니다.",
        "lat": CITY_HALL[0],
        "lon": CITY_HALL[1],
        "dong": "",
        "location_text": "",
        "tags": "안전, 통학로",
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_page_has_no_map_path(client, citizen, dongs, traffic):
    client.force_login(citizen)
    response = client.get(NEW)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="dong"' in html and 'name="location_text"' in html
    assert 'enctype="multipart/form-data"' in html


def test_anonymous_is_sent_to_login(client):
    response = client.get(NEW)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unverified_user_told_why(client, unverified_user):
    client.force_login(unverified_user)
    response = client.get(NEW)
    assert response.status_code == 403


def test_report_with_point(client, citizen, dongs, traffic, published):
    client.force_login(citizen)
    response = client.post(NEW, _data(traffic))
    problem = Problem.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/problems/{problem.pk}/"
    assert problem.dong.name == "노송동"
    assert sorted(problem.tags.names()) == ["안전", "통학로"]


def test_report_without_map(client, citizen, dongs, traffic, published):
    client.force_login(citizen)
    data = _data(traffic, lat="", lon="", dong=dongs["삼천1동"].pk, location_text="삼천도서관 앞")
    response = client.post(NEW, data)
    assert response.status_code == 302
    problem = Problem.objects.get()
    assert problem.dong == dongs["삼천1동"] and problem.lat is None


def test_dong_without_description_refused_and_input_kept(client, citizen, dongs, traffic):
    client.force_login(citizen)
    data = _data(traffic, lat="", lon="", dong=dongs["삼천1동"].pk)
    response = client.post(NEW, data)
    assert response.status_code == 400
    assert not Problem.objects.exists()
    html = response.content.decode()
    assert "전북대 정문 앞 횡단보도" in html and "학생들이 뛰어서" in html


def test_point_outside_jeonju_refused_in_korean_and_input_kept(client, citizen, dongs, traffic):
    client.force_login(citizen)
    with translation.override("ko"):
        response = client.post(
            NEW, _data(traffic, lat=37.5665, lon=126.978), HTTP_ACCEPT_LANGUAGE="ko"
        )
    html = response.content.decode()
    assert response.status_code == 400
    assert "전주시 안에서 위치를 선택해 주세요" in html
    assert 'value="전북대 정문 앞 횡단보도"' in html
    assert not Problem.objects.exists()


def test_title_too_short_refused(client, citizen, dongs, traffic):
    client.force_login(citizen)
    response = client.post(NEW, _data(traffic, title="위험"))
    assert response.status_code == 400
    assert not Problem.objects.exists()


def test_honeypot_refused(client, citizen, dongs, traffic):
    client.force_login(citizen)
    response = client.post(NEW, _data(traffic, website="http://spam.example"))
    assert response.status_code == 400
    assert not Problem.objects.exists()


def test_same_text_twice_refused_with_message(client, citizen, dongs, traffic, published):
    client.force_login(citizen)
    client.post(NEW, _data(traffic))
    response = client.post(NEW, _data(traffic, title="다시 올리는 글", lat=35.8400, lon=127.1300))
    assert response.status_code == 409
    assert Problem.objects.count() == 1
    assert "다시 올리는 글" in response.content.decode()


def test_rate_limit_five_per_hour(client, citizen, dongs, traffic, published):
    client.force_login(citizen)
    for i in range(5):
        lat = 35.80 + i * 0.01  # far apart: no duplicate step
        response = client.post(
            NEW, _data(traffic, description=f"서로 다른 설명 {i}번입니다.", lat=lat, lon=127.13)
        )
        assert response.status_code == 302, response.content.decode()[:500]
    response = client.post(
        NEW, _data(traffic, description="여섯 번째 설명입니다.", lat=35.79, lon=127.10)
    )
    assert response.status_code == 429
    assert "여섯 번째 설명입니다." in response.content.decode()  # what was typed is kept
    assert Problem.objects.count() == 5


def test_similar_nearby_shown_as_second_step_then_posted_anyway(
    client, citizen, dongs, traffic, published
):
    existing = ProblemFactory(category=traffic, lat=CITY_HALL[0] + 0.001, lon=CITY_HALL[1])
    client.force_login(citizen)
    photo = SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(NEW, {**_data(traffic), "photos": [photo]})
    html = response.content.decode()
    assert response.status_code == 200
    assert existing.title in html
    assert reverse("problems:support", args=[existing.pk]) in html
    assert not Problem.objects.exclude(pk=existing.pk).exists()
    # Second step: the hidden fields carry what was typed; the photo waited in the session.
    response = client.post(NEW, {**_data(traffic), "confirmed": "1"})
    assert response.status_code == 302
    problem = Problem.objects.exclude(pk=existing.pk).get()
    assert problem.photos.count() == 1


def test_supporting_instead_of_posting(client, citizen, traffic):
    existing = ProblemFactory(category=traffic)
    client.force_login(citizen)
    response = client.post(
        reverse("problems:support", args=[existing.pk]), {"next": existing.get_absolute_url()}
    )
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.support_count == 1


def test_photo_stored_without_gps(client, citizen, dongs, traffic, published):
    from PIL import Image

    client.force_login(citizen)
    photo = SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(NEW, {**_data(traffic), "photos": [photo]})
    assert response.status_code == 302
    stored = ProblemPhoto.objects.get()
    with stored.image.open("rb") as fh:
        image = Image.open(io.BytesIO(fh.read()))
    assert not image.getexif().get_ifd(0x8825)
    assert len(image.getexif()) == 0
    assert stored.thumbnail.name


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"plain text pretending", "fake.jpg")],
)
def test_fake_photo_refused_and_text_kept(client, citizen, dongs, traffic, content, name):
    client.force_login(citizen)
    photo = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(NEW, {**_data(traffic), "photos": [photo]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "fake.jpg" in html and "전북대 정문 앞 횡단보도" in html
    assert not Problem.objects.exists()


def test_more_than_three_photos_refused(client, citizen, dongs, traffic):
    client.force_login(citizen)
    photos = [
        SimpleUploadedFile(f"{i}.jpg", jpeg_with_gps((20, 20)), content_type="image/jpeg")
        for i in range(4)
    ]
    response = client.post(NEW, {**_data(traffic), "photos": photos})
    assert response.status_code == 400
    assert not Problem.objects.exists()


# --- Detail ----------------------------------------------------------------------------------


def test_detail_shows_problem_with_escaped_text(client, traffic):
    problem = ProblemFactory(category=traffic, description="<b>굵게</b> 설명\nhttps://example.kr")
    response = client.get(problem.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;b&gt;굵게&lt;/b&gt;" in html
    assert 'rel="nofollow ugc"' in html


def test_hidden_problem_shows_review_notice_to_public(client, traffic):
    problem = ProblemFactory(
        category=traffic, moderation_state=ModerationState.HIDDEN, title="숨겨진 제목"
    )
    with translation.override("ko"):
        response = client.get(problem.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ko")
    html = response.content.decode()
    assert "검토 중인 게시물입니다" in html
    assert "숨겨진 제목" not in html


def test_author_sees_own_pending_problem(client, citizen, traffic):
    problem = ProblemFactory(
        author=citizen, moderation_state=ModerationState.PENDING, title="내 제목입니다"
    )
    client.force_login(citizen)
    assert "내 제목입니다" in client.get(problem.get_absolute_url()).content.decode()


def test_detail_deadline_badge(client, traffic):
    from django.utils import timezone

    problem = ProblemFactory(
        category=traffic, answer_due_at=timezone.now() + timezone.timedelta(days=5, hours=1)
    )
    with translation.override("ko"):
        html = client.get(problem.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "답변 기한 D-5" in html


def test_missing_problem_404(client):
    assert client.get("/problems/999999/").status_code == 404


# --- Supports --------------------------------------------------------------------------------


def test_support_json_api(client, citizen):
    problem = ProblemFactory()
    client.force_login(citizen)
    url = reverse("problems:support", args=[problem.pk])
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.json() == {"supported": True, "changed": True, "support_count": 1}
    response = client.post(url, {"action": "remove"}, HTTP_ACCEPT="application/json")
    assert response.json()["support_count"] == 0


def test_support_json_refusals(client, unverified_user):
    problem = ProblemFactory(status=ProblemStatus.SOLVED)
    url = reverse("problems:support", args=[problem.pk])
    assert client.post(url, HTTP_ACCEPT="application/json").status_code == 401
    client.force_login(unverified_user)
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and response.json()["error"] == "email_unverified"
    client.force_login(UserFactory())
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 409 and response.json()["error"] == "closed"
    assert not Support.objects.exists()


def test_support_needs_post_and_csrf(citizen):
    from django.test import Client

    problem = ProblemFactory()
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(citizen)
    url = reverse("problems:support", args=[problem.pk])
    assert csrf_client.get(url).status_code == 405
    assert csrf_client.post(url).status_code == 403
    assert not Support.objects.exists()


# --- Permissions over HTTP -------------------------------------------------------------------


def test_citizen_cannot_change_status_or_answer(client, citizen):
    problem = ProblemFactory(author=citizen)
    client.force_login(citizen)
    response = client.post(reverse("problems:status", args=[problem.pk]), {"status": "solved"})
    assert response.status_code == 403
    response = client.post(reverse("problems:answer", args=[problem.pk]), {"body": "제가 답"})
    assert response.status_code == 403
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.RECEIVED and not problem.answers.exists()


def test_staff_changes_status_and_answers_on_the_page(client, staff):
    problem = ProblemFactory()
    client.force_login(staff)
    client.post(
        reverse("problems:status", args=[problem.pk]), {"status": "reviewing", "note": "확인 중"}
    )
    client.post(reverse("problems:answer", args=[problem.pk]), {"body": "도로과에 전달했습니다."})
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.REVIEWING
    assert problem.answers.get().body == "도로과에 전달했습니다."
    html = client.get(problem.get_absolute_url()).content.decode()
    assert "확인 중" in html and "도로과에 전달했습니다." in html


def test_staff_answer_from_template_without_javascript(client, staff):
    from soslab.problems.models import AnswerTemplate

    template = AnswerTemplate.objects.create(title="전달", body="담당 부서에 전달했습니다.")
    problem = ProblemFactory()
    client.force_login(staff)
    client.post(
        reverse("problems:answer", args=[problem.pk]), {"template": template.pk, "body": ""}
    )
    assert problem.answers.get().body == "담당 부서에 전달했습니다."


def test_nobody_edits_another_persons_problem(client, citizen):
    problem = ProblemFactory(title="원래 제목입니다")
    client.force_login(citizen)
    url = reverse("problems:edit", args=[problem.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "title": "바꾼 제목입니다",
            "description": "바꾼 설명입니다 열 글자",
            "category": problem.category_id,
        },
    )
    assert response.status_code == 403
    problem.refresh_from_db()
    assert problem.title == "원래 제목입니다"


def test_author_edits_own_problem(client, citizen):
    problem = ProblemFactory(author=citizen)
    client.force_login(citizen)
    response = client.post(
        reverse("problems:edit", args=[problem.pk]),
        {
            "title": "고친 제목입니다",
            "description": "고친 설명입니다. 열 글자 이상",
            "category": problem.category_id,
            "tags": "수정",
        },
    )
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.title == "고친 제목입니다" and "수정" in problem.search_text


def test_staff_edit_keeps_original_text(client, staff):
    problem = ProblemFactory(
        title="원래 제목입니다", description="원래 설명, 전화번호 010-1234-5678"
    )
    client.force_login(staff)
    client.post(
        reverse("problems:edit", args=[problem.pk]),
        {
            "title": "원래 제목입니다",
            "description": "원래 설명, 전화번호 (삭제됨)",
            "category": problem.category_id,
        },
    )
    problem.refresh_from_db()
    assert problem.description == "원래 설명, 전화번호 (삭제됨)"
    assert problem.original_description == "원래 설명, 전화번호 010-1234-5678"
    assert problem.edited_by_staff_at is not None
    assert problem.timeline.filter(kind=TimelineKind.EDITED, actor=staff).exists()


def test_staff_marks_duplicate_on_the_page(client, staff):
    original, duplicate = ProblemFactory(), ProblemFactory()
    client.force_login(staff)
    client.post(reverse("problems:duplicate", args=[duplicate.pk]), {"original": original.pk})
    duplicate.refresh_from_db()
    assert duplicate.duplicate_of == original


# --- Feed and JSON ---------------------------------------------------------------------------


def test_atom_feed_lists_public_problems_escaped(client):
    ProblemFactory(title="피드에 나오는 문제", description="<script>x</script>")
    ProblemFactory(title="숨겨진 문제입니다", moderation_state=ModerationState.HIDDEN)
    response = client.get("/problems/feed/")
    body = response.content.decode()
    assert response.status_code == 200 and "application/atom+xml" in response["Content-Type"]
    assert "피드에 나오는 문제" in body and "숨겨진 문제입니다" not in body
    assert "<script>" not in body and "&amp;lt;script" in body


def test_similar_json(client, traffic):
    near = ProblemFactory(category=traffic, lat=CITY_HALL[0] + 0.0005, lon=CITY_HALL[1])
    response = client.get(
        "/problems/similar.json", {"lat": CITY_HALL[0], "lon": CITY_HALL[1], "category": traffic.pk}
    )
    assert [r["id"] for r in response.json()["results"]] == [near.pk]
    assert client.get("/problems/similar.json", {"lat": "x"}).status_code == 400


def test_photo_kept_when_another_field_needs_fixing(client, citizen, dongs, traffic, published):
    client.force_login(citizen)
    photo = SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(NEW, {**_data(traffic, title="짧음"), "photos": [photo]})
    assert response.status_code == 400
    assert "1" in response.content.decode() and 'name="clear_photos"' in response.content.decode()
    response = client.post(NEW, _data(traffic))
    assert response.status_code == 302
    assert Problem.objects.get().photos.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("age_band", "exact_shown"),
    [(AgeBand.ADULT, True), (AgeBand.TEEN, False), (AgeBand.UNDER_14, False)],
)
def test_detail_page_rounds_the_point_of_a_minors_problem(client, age_band, exact_shown):
    author = UserFactory(age_band=age_band)
    problem = ProblemFactory(author=author, lat=35.824567, lon=127.148321)
    html = client.get(problem.get_absolute_url()).content.decode()
    assert ("35.82457, 127.14832" in html) is exact_shown
    assert ("35.82500, 127.14800" in html) is not exact_shown
