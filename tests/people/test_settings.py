"""The profile setting that hides one's activity list, and the staff admin for policy versions."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory


@pytest.mark.django_db
def test_a_person_can_hide_their_activity_list(client, citizen):
    client.force_login(citizen)
    response = client.post(
        reverse("accounts:profile"),
        {
            "display_name": citizen.display_name,
            "email_frequency": citizen.email_frequency,
            "activity_hidden": "on",
        },
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.activity_hidden is True


@pytest.mark.django_db
def test_a_blocked_person_can_still_hide_their_activity_list(client):
    blocked = UserFactory(blocked_until=timezone.now() + dt.timedelta(days=3))
    client.force_login(blocked)
    client.post(
        reverse("accounts:profile"),
        {
            "display_name": blocked.display_name,
            "email_frequency": blocked.email_frequency,
            "activity_hidden": "on",
        },
    )
    blocked.refresh_from_db()
    assert blocked.activity_hidden is True


@pytest.mark.django_db
def test_staff_can_open_the_policy_version_admin(client, staff):
    client.force_login(staff)
    response = client.get(reverse("wagtailsnippets_accounts_policyversion:add"))
    assert response.status_code == 200
