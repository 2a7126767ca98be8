"""The signed-in person in one query (soslab.accounts.request_user): the header's facts (editing
bar, moderator, unread notifications) come with the user, the session is read through the cache,
and ending a person's sessions signs them out even though the session was cached."""

import pytest
from django.contrib.auth.models import Permission

from soslab.accounts import request_user
from soslab.accounts.rules import user_is_moderator, user_may_access_admin
from soslab.accounts.services import _sessions_end, account_delete
from soslab.notifications.models import Notification
from soslab.notifications.services import unread_count
from tests.problems.factories import ProblemFactory

pytestmark = pytest.mark.django_db


def _unread(person, count):
    Notification.objects.bulk_create(
        Notification(recipient=person, kind="comment", message=f"알림 {n}") for n in range(count)
    )


def test_the_header_facts_load_with_the_user(citizen, moderator, staff):
    _unread(citizen, 3)
    Notification.objects.create(
        recipient=citizen, kind="comment", message="읽음", read_at="2026-01-01T00:00Z"
    )
    loaded = request_user.load(citizen.pk)
    assert loaded._unread_notifications == 3
    assert loaded._is_moderator is False
    assert loaded._may_access_admin is False
    assert request_user.load(moderator.pk)._is_moderator is True
    assert request_user.load(moderator.pk)._may_access_admin is True  # the group's permission
    assert request_user.load(staff.pk)._unread_notifications == 0
    assert request_user.load(10**9) is None


def test_readers_agree_with_their_own_queries(citizen, moderator, django_assert_num_queries):
    _unread(moderator, 2)
    for person in (citizen, moderator):
        loaded = request_user.load(person.pk)
        fresh = type(person).objects.get(pk=person.pk)  # no attributes: the readers query
        with django_assert_num_queries(0):
            facts = (
                user_may_access_admin(loaded),
                user_is_moderator(loaded),
                unread_count(loaded),
            )
        assert facts == (
            user_may_access_admin(fresh),
            user_is_moderator(fresh),
            unread_count(fresh),
        )


def test_a_direct_permission_opens_the_admin(citizen):
    citizen.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert request_user.load(citizen.pk)._may_access_admin is True


def test_a_signed_in_list_page_costs_two_queries(client, citizen, django_assert_num_queries):
    """The cache version and the user (with its facts); the session comes from the cache."""
    ProblemFactory(title="목록의 문제")
    _unread(citizen, 4)
    client.force_login(citizen)
    client.get("/problems/")
    with django_assert_num_queries(2):
        html = client.get("/problems/").content.decode()
    assert "목록의 문제" in html
    assert ">4</span>" in html  # the unread badge


def test_an_inactive_person_is_signed_out(client, citizen):
    client.force_login(citizen)
    assert client.get("/notifications/").status_code == 200
    type(citizen).objects.filter(pk=citizen.pk).update(is_active=False)
    assert client.get("/notifications/").status_code == 302


def test_ending_sessions_drops_the_cached_copy(client, citizen, settings):
    """Account deletion ends the person's sessions first; the person is still active at that
    point, so only the session store keeps a cached session from signing them back in."""
    assert settings.SESSION_ENGINE.endswith("cached_db")
    client.force_login(citizen)
    assert client.get("/notifications/").status_code == 200  # the session is now in the cache
    _sessions_end(citizen)
    response = client.get("/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_deleting_the_account_signs_the_person_out(client, citizen):
    client.force_login(citizen)
    client.get("/notifications/")
    account_delete(user=citizen)
    assert client.get("/notifications/").status_code == 302
