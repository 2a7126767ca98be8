import datetime

import pytest
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

from soslab import urls as project_urls
from soslab.accounts.decorators import posting_required


@posting_required
def _posting_view(request):
    return HttpResponse("form")


urlpatterns = [path("post/", _posting_view), *project_urls.urlpatterns]
pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.accounts.test_posting_permission")]


def test_anonymous_people_are_sent_to_log_in(client):
    response = client.get("/post/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unverified_user_is_refused_with_a_clear_message(client, unverified_user):
    client.force_login(unverified_user)
    response = client.get("/post/")
    assert response.status_code == 403
    assert "이메일 주소를 먼저 인증해 주세요" in response.content.decode()


def test_unverified_user_gets_json_from_an_api_client(client, unverified_user):
    client.force_login(unverified_user)
    response = client.get("/post/", HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response.json()["error"] == "email_unverified"


def test_blocked_user_is_refused(client, citizen):
    citizen.blocked_until = timezone.now() + datetime.timedelta(days=3)
    citizen.save(update_fields=["blocked_until"])
    client.force_login(citizen)
    response = client.get("/post/")
    assert response.status_code == 403


def test_verified_citizen_may_post(client, citizen):
    client.force_login(citizen)
    response = client.get("/post/")
    assert response.status_code == 200
