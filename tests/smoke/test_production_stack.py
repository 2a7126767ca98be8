"""The production smoke stage: HTTP only, against gunicorn + Celery worker + beat started as the
runbook says (tests/smoke/stack.py). The tests run in file order and hand state on through the
`journey` fixture: sign up -> verify -> log in -> report -> staff answers -> email arrives."""

import io
import re
import secrets

from PIL import Image

from .conftest import Browser, local_path
from .stack import message_text, say

HASHED_STATIC = re.compile(r"/static/[\w./-]+\.[0-9a-f]{12}\.(?:css|js)")


def test_healthz_reports_database_and_broker_ok(browser):
    response = browser.get("/healthz")
    assert response.status_code == 200, response.text
    checks = response.json()["checks"]
    assert checks["database"]["ok"] is True
    assert checks["broker"]["ok"] is True


def test_home_is_the_platform_home_with_a_request_id(browser):
    response = browser.get("/")
    assert response.status_code == 200
    assert "우리 동네 문제, 함께 풀어요" in response.text
    assert "Welcome to your new Wagtail site" not in response.text
    assert len(response.headers["X-Request-ID"]) == 32
    assert "Strict-Transport-Security" in response.headers


def test_lists_and_maps_answer(browser):
    for path in ("/problems/", "/rounds/", "/projects/", "/results/", "/map/", "/map/dongs/"):
        response = browser.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
    geojson = browser.get("/api/geo/dongs.geojson")
    assert geojson.status_code == 200
    assert len(geojson.json()["features"]) == 35


def test_a_hashed_static_file_is_served_with_a_long_cache(browser):
    home = browser.get("/").text
    match = HASHED_STATIC.search(home)
    assert match, "no hashed static file referenced by the home page"
    response = browser.get(match.group(0))
    assert response.status_code == 200
    assert "max-age=315360000" in response.headers.get("Cache-Control", "")


def test_metrics_answer_locally_and_refuse_what_the_proxy_relays(browser):
    assert browser.get("/metrics").status_code == 200
    relayed = browser.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert relayed.status_code == 404


def test_sign_up_needs_the_emailed_verification_link(stack, journey):
    visitor = Browser(stack)
    email = f"citizen-{secrets.token_hex(4)}@example.kr"
    password = secrets.token_urlsafe(14)
    assert visitor.get("/accounts/signup/").status_code == 200
    response = visitor.post(
        "/accounts/signup/",
        {
            "email": email,
            "display_name": "스모크 시민",
            "age_band": "adult",
            "password1": password,
            "password2": password,
            "accept_privacy": "on",
            "website": "",
        },
    )
    assert response.status_code == 200, response.text[-2000:]
    assert "/accounts/confirm-email/" in response.url, response.url
    # Mandatory verification: no sign-in before the link is followed.
    login_page = Browser(stack)
    login_page.get("/accounts/login/")
    refused = login_page.post("/accounts/login/", {"login": email, "password": password})
    assert "/accounts/confirm-email/" in refused.url

    mail = stack.sink.wait_for(
        lambda m: email in str(m["to"]) and "/accounts/confirm-email/" in message_text(m),
        timeout=30,
        what="verification email",
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/[^\s/]+/", message_text(mail)).group(0)
    say(f"verification link arrived at the sink: {link}")
    confirm_path = local_path(link)
    assert visitor.get(confirm_path).status_code == 200
    confirmed = visitor.post(confirm_path, {})
    assert confirmed.status_code == 200

    citizen = Browser(stack)
    citizen.get("/accounts/login/")
    logged_in = citizen.post("/accounts/login/", {"login": email, "password": password})
    assert logged_in.status_code == 200
    assert "/accounts/" not in logged_in.url, logged_in.url
    profile = citizen.get("/accounts/profile/")
    assert profile.status_code == 200
    assert "/accounts/login/" not in profile.url
    assert "스모크 시민" in profile.text
    journey.update(citizen=citizen, email=email)


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 80, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_the_citizen_reports_a_problem_with_a_photo(journey):
    citizen = journey["citizen"]
    # Immediate email, so the staff answer below is mailed at once (default: a daily digest).
    saved = citizen.post(
        "/accounts/profile/", {"display_name": "스모크 시민", "email_frequency": "immediate"}
    )
    assert saved.status_code == 200
    form = citizen.get("/problems/new/")
    assert form.status_code == 200
    category = re.search(r'name="category" value="(\d+)"', form.text).group(1)
    dong_select = re.search(r'<select name="dong".*?</select>', form.text, re.S).group(0)
    dong = re.search(r'<option value="(\d+)"', dong_select).group(1)
    title = f"스모크 테스트 가로등 고장 {secrets.token_hex(3)}"
    response = citizen.post(
        "/problems/new/",
        {
            "title": title,
            "category": category,
            "description": "골목 가로등이 일주일째 꺼져 있어 밤에 다니기 어렵습니다. 확인 부탁드립니다.",
            "dong": dong,
            "location_text": "주민센터 건너편 골목",
            "tags": "가로등",
            "website": "",
        },
        files={"photos": ("lamp.jpg", _jpeg(), "image/jpeg")},
    )
    assert response.status_code == 200, response.text[-2000:]
    match = re.search(r"/problems/(\d+)/$", response.url)
    assert match, response.url
    say(f"reported problem {match.group(1)}: {title}")
    assert title in response.text
    journey.update(problem_id=int(match.group(1)), title=title)


def test_staff_answer_reaches_the_reporter_by_email(stack, journey):
    staff = Browser(stack)
    staff.get("/admin/login/")
    logged_in = staff.post(
        "/admin/login/", {"username": stack.staff_email, "password": stack.staff_password}
    )
    assert logged_in.status_code == 200 and "/admin/login/" not in logged_in.url
    problem_path = f"/problems/{journey['problem_id']}/"

    # A new account's first reports wait for moderation: approve it in the moderation queue.
    queue = staff.get("/admin/moderation/")
    assert queue.status_code == 200
    case = re.search(r'/admin/moderation/(\d+)/"', queue.text)
    assert case, "the new report is not in the moderation queue"
    approved = staff.post(f"/admin/moderation/{case.group(1)}/approve/", {})
    assert approved.status_code == 200
    assert Browser(stack).get(problem_path).status_code == 200  # public now

    answer = "담당 부서에 전달했습니다. 이번 주 안에 가로등을 고치겠습니다."
    staff.get(problem_path)
    answered = staff.post(f"{problem_path}answer/", {"body": answer, "template": ""})
    assert answered.status_code == 200
    assert answer in answered.text

    # The approval notice arrives too; wait for the answer's ("운영진이 '...' 문제에 답변했습니다.").
    mail = stack.sink.wait_for(
        lambda m: (
            journey["email"] in str(m["to"])
            and journey["title"] in str(m["subject"])
            and "답변" in str(m["subject"])
        ),
        timeout=60,
        what="answer notification email",
    )
    say(f"notification arrived at the sink: {mail['subject']}")
    assert problem_path in message_text(mail)


def test_logs_are_json_with_request_ids_and_no_task_failed(stack):
    import json

    lines = [
        json.loads(line)
        for name in ("gunicorn", "worker")
        for line in stack.log_of(name).splitlines()
        if line.startswith("{")
    ]
    assert lines, "no JSON log lines"
    assert all("request_id" in line and "level" in line for line in lines)
    # Django's "Not Found: /metrics" warning above carries the id of its request.
    assert any(
        line["message"].startswith("Not Found") and len(line["request_id"]) == 32 for line in lines
    )
    failures = [line for line in lines if line["message"].startswith("Celery task failed")]
    assert failures == []
