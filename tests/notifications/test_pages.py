import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soslab.notifications.models import Notification
from soslab.notifications.services import notify
from tests.factories import UserFactory


def _fill(target, person, count):
    for n in range(count):
        notify(recipients=[person], kind="comment", target=target, message=f"알림 {n}")


@pytest.mark.django_db
def test_list_needs_login(client):
    response = client.get("/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_list_shows_own_notifications_paginated(client, target, citizen):
    _fill(target, citizen, 25)
    notify(recipients=[UserFactory()], kind="comment", target=target, message="남의 알림")
    client.force_login(citizen)
    response = client.get("/notifications/")
    assert response.status_code == 200
    page = response.context["page"]
    assert len(page.object_list) == 20
    assert page.paginator.count == 25
    html = response.content.decode()
    assert "알림 24" in html
    assert "남의 알림" not in html
    second = client.get("/notifications/?page=2")
    assert len(second.context["page"].object_list) == 5


@pytest.mark.django_db
def test_list_query_count_is_constant(client, target, citizen):
    client.force_login(citizen)
    _fill(target, citizen, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/notifications/").status_code == 200
    _fill(target, citizen, 40)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/notifications/").status_code == 200
    assert len(few) == len(many)


@pytest.mark.django_db
def test_mark_one_read_and_open(client, target, citizen):
    _fill(target, citizen, 2)
    client.force_login(citizen)
    first = Notification.objects.filter(recipient=citizen).first()
    response = client.post(f"/notifications/{first.pk}/read/", {"open": "1"})
    assert response.status_code == 302
    assert response["Location"] == target.get_url()
    first.refresh_from_db()
    assert first.read_at is not None
    assert Notification.objects.filter(recipient=citizen, read_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_nobody_marks_another_persons_notification(client, target, citizen):
    other = UserFactory()
    _fill(target, other, 1)
    client.force_login(citizen)
    theirs = Notification.objects.get(recipient=other)
    assert client.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_mark_all_read(client, target, citizen):
    _fill(target, citizen, 3)
    other = UserFactory()
    _fill(target, other, 1)
    client.force_login(citizen)
    response = client.post("/notifications/read-all/")
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=citizen, read_at__isnull=True).count() == 0
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_mark_read_is_post_only(client, target, citizen):
    _fill(target, citizen, 1)
    client.force_login(citizen)
    pk = Notification.objects.get().pk
    assert client.get(f"/notifications/{pk}/read/").status_code == 405
    assert client.get("/notifications/read-all/").status_code == 405


@pytest.mark.django_db
def test_header_shows_the_unread_count(client, target, citizen):
    _fill(target, citizen, 3)
    client.force_login(citizen)
    html = client.get("/notifications/").content.decode()
    assert 'href="/notifications/" aria-current="page"' in html
    assert ">3</span>" in html


@pytest.mark.django_db
def test_profile_form_saves_the_email_frequency(client, citizen):
    client.force_login(citizen)
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="email_frequency"' in page
    response = client.post(
        "/accounts/profile/", {"display_name": citizen.display_name, "email_frequency": "off"}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.email_frequency == "off"


@pytest.mark.django_db
def test_new_people_get_the_daily_digest_by_default(citizen):
    assert citizen.email_frequency == "daily"
