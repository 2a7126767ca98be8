import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import path

from soslab import urls as project_urls
from soslab.core.ratelimit import ratelimit


@ratelimit("test_scope")
def _limited_view(request):
    return HttpResponse("ok")


urlpatterns = [path("limited/", _limited_view), *project_urls.urlpatterns]


@pytest.mark.django_db
@pytest.mark.urls("tests.core.test_ratelimit")
@override_settings(SOSLAB_RATE_LIMITS={"test_scope": ["3/h/user", "5/h/ip"]})
def test_rate_limit_per_user_answers_429_with_retry_after(client, citizen):
    client.force_login(citizen)
    for _ in range(3):
        assert client.post("/limited/").status_code == 200
    response = client.post("/limited/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "너무 자주" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.core.test_ratelimit")
@override_settings(SOSLAB_RATE_LIMITS={"test_scope": ["3/h/user", "5/h/ip"]})
def test_rate_limit_per_ip_covers_anonymous_and_json_clients(client):
    for _ in range(5):
        assert client.post("/limited/").status_code == 200
    response = client.post("/limited/", HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"


@pytest.mark.django_db
@pytest.mark.urls("tests.core.test_ratelimit")
@override_settings(SOSLAB_RATE_LIMITS={"test_scope": ["1/h/user"]})
def test_reading_is_never_rate_limited(client, citizen):
    client.force_login(citizen)
    for _ in range(5):
        assert client.get("/limited/").status_code == 200


def test_client_ip_trusts_forwarded_for_only_behind_configured_proxies(settings):
    from soslab.core.ratelimit import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.2"
    )
    settings.SOSLAB_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.SOSLAB_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.2"
