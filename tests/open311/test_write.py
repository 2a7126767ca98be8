"""Posting Open311 requests with an api_key: the full cycle (key, post, token while pending,
moderator approval, id, status change in the updates), the web form's checks, keys refused,
rate limit, media through the image pipeline, CSRF exemption."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from soslab.moderation.models import ModerationState
from soslab.moderation.services import content_approve
from soslab.open311.keys import key_issue, key_revoke
from soslab.problems.models import Problem, ProblemStatus
from soslab.problems.services import problem_status_change
from tests.problems.factories import CategoryFactory

from .conftest import BASE, as_json, as_xml, validate

INSIDE = {"lat": "35.8242", "long": "127.1480"}  # 전주 완산구
DESCRIPTION = "버스 정류장 앞 보도블록이 깨져서 걸려 넘어질 뻔했습니다."


@pytest.fixture
def road(db):
    return CategoryFactory(slug="road", name="도로", name_en="Roads")


def _post(client, key, fmt="json", **fields):
    data = {
        "api_key": key.token,
        "service_code": "road",
        "description": DESCRIPTION,
        "address_string": "효자동 주민센터 건너편",
        **INSIDE,
        **fields,
    }
    return client.post(f"{BASE}/requests.{fmt}", data)


@pytest.mark.django_db
def test_full_write_cycle(client, dongs, road, api_key, moderator, staff):
    # A new key's first posts wait for a moderator: the answer is a token, not an id.
    posted = as_json(_post(client, api_key), 201)
    validate(posted, "local/posted.json")
    token = posted[0]["token"]
    assert "service_request_id" not in posted[0]
    problem = Problem.objects.get(open311_submission__token=token)
    assert problem.moderation_state == ModerationState.PENDING
    assert problem.author == api_key.user
    assert problem.dong is not None  # dong assigned from the point, like the web form
    pending = as_json(client.get(f"{BASE}/tokens/{token}.json"))
    assert pending == [{"token": token}]
    assert as_json(client.get(f"{BASE}/requests/{problem.pk}.json"), 404)

    content_approve(moderator=moderator, target=problem)
    resolved = as_json(client.get(f"{BASE}/tokens/{token}.json"))
    validate(resolved, "local/posted.json")
    assert resolved[0]["service_request_id"] == str(problem.pk)
    shown = as_json(client.get(f"{BASE}/requests/{problem.pk}.json"))
    validate(shown, "requests.json")
    assert client.get(problem.get_absolute_url()).status_code == 200  # the same public page

    problem_status_change(
        problem=problem, status=ProblemStatus.SOLVED, actor=staff, note="보수 완료"
    )
    updates = as_json(
        client.get(f"{BASE}/servicerequestupdates.json?service_request_id={problem.pk}")
    )
    validate(updates, "local/updates.json")
    assert updates[-1]["status"] == "closed"
    assert updates[-1]["description"] == "보수 완료"


@pytest.mark.django_db
def test_a_key_past_its_first_posts_gets_an_id(client, dongs, road, api_key, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    posted = as_json(_post(client, api_key), 201)
    problem = Problem.objects.get()
    assert posted[0]["service_request_id"] == str(problem.pk)
    assert problem.is_public


@pytest.mark.django_db
def test_post_in_xml(client, dongs, road, api_key):
    root = as_xml(_post(client, api_key, fmt="xml"), 201)
    assert root.tag == "service_requests"
    assert root.findtext("request/token")


@pytest.mark.django_db
def test_posting_needs_no_csrf_token(dongs, road, api_key):
    client = Client(enforce_csrf_checks=True)
    assert _post(client, api_key).status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_bad_key_is_403(client, dongs, road, api_key, fmt):
    api_key.token = "not-a-key"
    response = _post(client, api_key, fmt=fmt)
    assert response.status_code == 403
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_a_revoked_key_is_403(client, dongs, road, api_key):
    key_revoke(key=api_key)
    data = as_json(_post(client, api_key), 403)
    validate(data, "local/errors.json")
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_a_key_limited_to_other_services_is_403(client, dongs, road):
    CategoryFactory(slug="air")
    key, token = key_issue(name="대기 센서", contact="a@example.org", service_codes=["air"])
    key.token = token
    as_json(_post(client, key), 403)


@pytest.mark.django_db
def test_the_rate_limit_is_per_key_and_answers_429(client, dongs, road):
    key, token = key_issue(name="느린 키", contact="a@example.org", rate_limit=1)
    key.token = token
    as_json(_post(client, key), 201)
    response = _post(client, key, description="다른 내용의 신고입니다. 가로등이 꺼져 있어요.")
    data = as_json(response, 429)
    validate(data, "local/errors.json")
    assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_outside_jeonju_is_400(client, dongs, road, api_key, fmt):
    response = _post(client, api_key, fmt=fmt, lat="37.5665", long="126.9780")  # Seoul
    assert response.status_code == 400
    assert "Jeonju" in response.content.decode() or "전주" in response.content.decode()
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_personal_data_is_refused(client, dongs, road, api_key):
    data = as_json(_post(client, api_key, description=f"{DESCRIPTION} 연락처 010-1234-5678"), 400)
    assert "description" in data[0]["description"]
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_control_characters_in_a_post_are_400(client, dongs, road, api_key):
    as_json(
        _post(client, api_key, description="보도블록이\x0b 깨졌어요. 걸려 넘어질 뻔했습니다."), 400
    )
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_an_unknown_service_code_is_400(client, dongs, road, api_key):
    as_json(_post(client, api_key, service_code="nothing"), 400)


@pytest.mark.django_db
def test_a_json_body_is_415(client, dongs, road, api_key):
    response = client.post(
        f"{BASE}/requests.json", {"api_key": api_key.token}, content_type="application/json"
    )
    validate(as_json(response, 415), "local/errors.json")


@pytest.mark.django_db
def test_media_url_from_a_host_not_allowed_is_400(client, dongs, road, api_key):
    as_json(_post(client, api_key, media_url="https://example.org/photo.jpg"), 400)
    assert not Problem.objects.exists()


def _jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (35.0, 49.0, 27.0), 3: "E", 4: (127.0, 8.0, 53.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.django_db
def test_media_upload_goes_through_the_image_pipeline(client, dongs, road, api_key):
    media = SimpleUploadedFile("p.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    as_json(_post(client, api_key, media=media), 201)
    photo = Problem.objects.get().photos.get()
    with photo.image.open("rb") as stored:
        assert not Image.open(stored).getexif().get_ifd(0x8825)  # GPS stripped


@pytest.mark.django_db
def test_a_file_that_is_no_image_is_400(client, dongs, road, api_key):
    media = SimpleUploadedFile("p.jpg", b"not an image", content_type="image/jpeg")
    as_json(_post(client, api_key, media=media), 400)
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_media_url_must_be_https_even_from_an_allowed_host(client, dongs, road, api_key, settings):
    settings.OPEN311_MEDIA_URL_HOSTS = ["photos.jeonju.go.kr"]
    as_json(_post(client, api_key, media_url="http://photos.jeonju.go.kr/a.jpg"), 400)
    assert not Problem.objects.exists()


@pytest.mark.django_db
def test_the_same_text_twice_is_409(client, dongs, road, api_key):
    as_json(_post(client, api_key), 201)
    validate(as_json(_post(client, api_key), 409), "local/errors.json")


@pytest.mark.django_db
def test_an_unknown_token_is_404(client, db):
    validate(as_json(client.get(f"{BASE}/tokens/{'0' * 32}.json"), 404), "local/errors.json")
