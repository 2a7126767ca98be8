"""Versioned consent: a new policy version in force makes the one posting check refuse until the
person accepts it on the re-consent page; sign-up records the current version."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from soslab.accounts.models import PolicyAcceptance, PolicyVersion
from soslab.accounts.permissions import PostingRefused, check_can_post, posting_refusal
from soslab.accounts.services import policy_accept
from tests.factories import UserFactory


@pytest.mark.django_db
def test_no_version_published_means_no_consent_refusal(citizen):
    assert posting_refusal(citizen) is None


@pytest.mark.django_db
def test_a_new_version_refuses_posting_with_a_link_to_the_consent_page(citizen):
    PolicyVersion.objects.create(version="2026-2")
    with pytest.raises(PostingRefused) as refused:
        check_can_post(citizen)
    assert refused.value.code == "consent_required"
    assert refused.value.action_url == reverse("accounts:consent")


@pytest.mark.django_db
def test_a_version_not_yet_in_force_does_not_refuse(citizen):
    PolicyVersion.objects.create(
        version="2027-1", effective_at=timezone.now() + dt.timedelta(days=7)
    )
    assert posting_refusal(citizen) is None


@pytest.mark.django_db
def test_accepting_the_current_version_lets_the_person_post_again_and_keeps_history(citizen):
    old = PolicyVersion.objects.create(
        version="2026-1", effective_at=timezone.now() - dt.timedelta(days=30)
    )
    policy_accept(user=citizen, version=old)
    PolicyVersion.objects.create(version="2026-2")
    citizen.__dict__.pop("_needs_policy_consent", None)
    assert posting_refusal(citizen).code == "consent_required"

    policy_accept(user=citizen)

    assert posting_refusal(citizen) is None
    assert list(
        PolicyAcceptance.objects.filter(user=citizen).values_list("version__version", flat=True)
    ) == ["2026-2", "2026-1"]


@pytest.mark.django_db
def test_posting_view_shows_the_refusal_with_the_consent_link(client, citizen):
    PolicyVersion.objects.create(version="2026-2")
    client.force_login(citizen)
    response = client.get(reverse("problems:create"))
    assert response.status_code == 403
    assert reverse("accounts:consent") in response.content.decode()


@pytest.mark.django_db
def test_consent_page_records_acceptance_and_redirects(client, citizen):
    version = PolicyVersion.objects.create(version="2026-2", changes="위치 정보 보유 기간 변경")
    client.force_login(citizen)
    page = client.get(reverse("accounts:consent"))
    assert "위치 정보 보유 기간 변경" in page.content.decode()

    response = client.post(reverse("accounts:consent"), {"accept": "on", "next": "/problems/"})

    assert response.status_code == 302
    assert response["Location"] == "/problems/"
    assert PolicyAcceptance.objects.filter(user=citizen, version=version).exists()


@pytest.mark.django_db
def test_consent_page_refuses_without_the_box_ticked(client, citizen):
    PolicyVersion.objects.create(version="2026-2")
    client.force_login(citizen)
    response = client.post(reverse("accounts:consent"), {})
    assert response.status_code == 400
    assert not PolicyAcceptance.objects.filter(user=citizen).exists()


@pytest.mark.django_db
def test_consent_page_ignores_an_offsite_next(client, citizen):
    PolicyVersion.objects.create(version="2026-2")
    client.force_login(citizen)
    response = client.post(
        reverse("accounts:consent"), {"accept": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("people:me")


@pytest.mark.django_db
def test_signup_records_the_current_version(client):
    version = PolicyVersion.objects.create(version="2026-1")
    page = client.get(reverse("account_signup"))
    assert 'href="/privacy/"' in page.content.decode()
    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "display_name": "새 회원",
            "age_band": "adult",
            "password1": "a-long-Passw0rd-2026",
            "password2": "a-long-Passw0rd-2026",
            "accept_privacy": "on",
            "website": "",
        },
    )
    person = UserFactory._meta.model.objects.get(email="new@example.com")
    assert PolicyAcceptance.objects.filter(user=person, version=version).exists()


@pytest.mark.django_db
def test_a_blocked_person_may_still_accept_the_policy(client):
    blocked = UserFactory(blocked_until=timezone.now() + dt.timedelta(days=3))
    version = PolicyVersion.objects.create(version="2026-2")
    client.force_login(blocked)
    client.post(reverse("accounts:consent"), {"accept": "on"})
    assert PolicyAcceptance.objects.filter(user=blocked, version=version).exists()
    assert posting_refusal(blocked).code == "blocked"


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_log_in_from_the_consent_page(client):
    response = client.post(reverse("accounts:consent"), {"accept": "on"})
    assert response.status_code == 302
    assert not PolicyAcceptance.objects.exists()


@pytest.mark.django_db
def test_signing_in_with_a_new_version_pending_shows_a_notice(client):
    person = UserFactory(password="a-long-Passw0rd-2026")
    PolicyVersion.objects.create(version="2026-2")
    response = client.post(
        reverse("account_login"),
        {"login": person.email, "password": "a-long-Passw0rd-2026", "next": "/problems/"},
        follow=True,
    )
    html = response.content.decode()
    assert f'<a href="{reverse("accounts:consent")}">' in html


@pytest.mark.django_db
def test_signing_in_with_the_policy_accepted_shows_no_notice(client):
    person = UserFactory(password="a-long-Passw0rd-2026")
    policy_accept(user=person, version=PolicyVersion.objects.create(version="2026-2"))
    response = client.post(
        reverse("account_login"),
        {"login": person.email, "password": "a-long-Passw0rd-2026", "next": "/problems/"},
        follow=True,
    )
    assert reverse("accounts:consent") not in response.content.decode()
