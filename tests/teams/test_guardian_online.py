"""Guardian consent online: an under-14 sign-up names a guardian's email; the guardian gets a
random, hashed, expiring link, consents or refuses (who, when, from where are kept), may withdraw
from any email, gets reminders after 3 and 7 days; restrictions stay until consent."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from soslab.accounts.models import AgeBand, User
from soslab.teams.guardians import guardian_reminders_due
from soslab.teams.models import (
    ConsentMethod,
    GuardianConsent,
    GuardianConsentRequest,
    GuardianLink,
    GuardianRequestState,
    Membership,
)
from soslab.teams.services import guardian_consent_request
from soslab.teams.tasks import remind_guardians
from tests.factories import StaffFactory, UserFactory
from tests.teams.factories import ChildFactory, make_team

SIGNUP = {
    "email": "child@example.kr",
    "display_name": "어린메이커",
    "age_band": AgeBand.UNDER_14,
    "password1": "jeonju-bibimbap-2026",
    "password2": "jeonju-bibimbap-2026",
    "accept_privacy": "on",
    "website": "",
    "guardian_email": "mom@example.kr",
}
ANSWER = {"guardian_name": "김엄마", "relationship": "어머니", "decision": "consent"}


def _links(message):
    answer = re.search(r"https?://[^\s]+/teams/guardian/(?!withdraw/)[^\s/]+/", message.body)
    withdraw = re.search(r"https?://[^\s]+/teams/guardian/withdraw/[^\s/]+/", message.body)
    strip = lambda m: "/" + m.group(0).split("/", 3)[3]  # noqa: E731
    return strip(answer), strip(withdraw)


def _guardian_mail():
    return [m for m in mail.outbox if "mom@example.kr" in m.to]


@pytest.fixture
def asked(django_capture_on_commit_callbacks):
    child = ChildFactory()
    with django_capture_on_commit_callbacks(execute=True):
        request = guardian_consent_request(child=child, guardian_email="mom@example.kr")
    return child, request


@pytest.mark.django_db
def test_under_14_signup_emails_the_guardian(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    child = User.objects.get(email="child@example.kr")
    assert GuardianConsentRequest.objects.get(user=child).guardian_email == "mom@example.kr"
    assert len(_guardian_mail()) == 1


@pytest.mark.django_db
def test_under_14_signup_without_guardian_email_is_refused(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "guardian_email": ""})
    assert response.status_code == 200
    assert "guardian_email" in response.context["form"].errors
    assert not User.objects.filter(email="child@example.kr").exists()


@pytest.mark.django_db
def test_links_are_stored_hashed(asked):
    answer, withdraw = _links(_guardian_mail()[0])
    token = answer.rstrip("/").rsplit("/", 1)[-1]
    hashes = list(GuardianLink.objects.values_list("token_hash", flat=True))
    assert len(hashes) == 2 and all(len(h) == 64 and token not in h for h in hashes)


@pytest.mark.django_db
def test_the_page_explains_and_consent_is_recorded_with_who_when_where(client, asked):
    child, request = asked
    answer, _withdraw = _links(_guardian_mail()[0])
    page = client.get(answer)
    assert page.status_code == 200
    response = client.post(
        answer, ANSWER, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="TestBrowser/1"
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.state == GuardianRequestState.CONSENTED
    assert (request.ip_address, request.user_agent) == ("203.0.113.7", "TestBrowser/1")
    consent = GuardianConsent.objects.get(user=child)
    assert consent.method == ConsentMethod.ONLINE
    assert (consent.guardian_name, consent.relationship) == ("김엄마", "어머니")
    assert consent.guardian_contact == "mom@example.kr"


@pytest.mark.django_db
def test_a_refusal_keeps_the_restrictions(client, asked):
    child, request = asked
    team = make_team(members=[child])
    answer, _withdraw = _links(_guardian_mail()[0])
    client.post(answer, {**ANSWER, "decision": "refuse"})
    request.refresh_from_db()
    assert request.state == GuardianRequestState.REFUSED
    assert not GuardianConsent.objects.filter(user=child).exists()
    assert not Membership.objects.filter(team=team).consented().filter(user=child).exists()


@pytest.mark.django_db
def test_a_used_link_is_refused(client, asked):
    answer, _withdraw = _links(_guardian_mail()[0])
    client.post(answer, ANSWER)
    assert client.get(answer).status_code == 410
    assert client.post(answer, {**ANSWER, "decision": "refuse"}).status_code == 410


@pytest.mark.django_db
def test_an_expired_link_is_refused(client, asked):
    answer, _withdraw = _links(_guardian_mail()[0])
    GuardianLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(answer).status_code == 410
    assert client.post(answer, ANSWER).status_code == 410
    assert not GuardianConsent.objects.exists()


@pytest.mark.django_db
def test_an_unknown_link_is_404(client):
    assert client.get("/teams/guardian/nope/").status_code == 404
    assert client.get("/teams/guardian/withdraw/nope/").status_code == 404


@pytest.mark.django_db
def test_an_invalid_answer_is_a_400_with_errors(client, asked):
    answer, _withdraw = _links(_guardian_mail()[0])
    response = client.post(answer, {"guardian_name": "", "relationship": "", "decision": ""})
    assert response.status_code == 400
    assert not GuardianConsent.objects.exists()


@pytest.mark.django_db
def test_withdrawal_from_the_email_removes_consent(client, asked):
    child, request = asked
    team = make_team(members=[child])
    answer, withdraw = _links(_guardian_mail()[0])
    client.post(answer, ANSWER)
    assert Membership.objects.filter(team=team, user=child).consented().exists()
    assert client.get(withdraw).status_code == 200
    assert client.post(withdraw).status_code == 200
    request.refresh_from_db()
    assert request.state == GuardianRequestState.WITHDRAWN
    assert not GuardianConsent.objects.filter(user=child).exists()
    assert not Membership.objects.filter(team=team, user=child).consented().exists()


@pytest.mark.django_db
def test_reminders_after_3_and_7_days_once_each(asked, django_capture_on_commit_callbacks):
    _child, request = asked
    start = len(_guardian_mail())

    def run(days):
        GuardianConsentRequest.objects.filter(pk=request.pk).update(
            created_at=timezone.now() - dt.timedelta(days=days)
        )
        with django_capture_on_commit_callbacks(execute=True):
            remind_guardians.apply()
        return len(_guardian_mail()) - start

    assert run(2) == 0
    assert run(3) == 1
    assert run(4) == 1  # idempotent: not twice
    assert run(7) == 2
    assert run(30) == 2  # two reminders at most
    # every email carries a withdrawal link
    assert all("/teams/guardian/withdraw/" in m.body for m in _guardian_mail())


@pytest.mark.django_db
def test_no_reminder_after_an_answer_or_a_paper_consent(asked):
    child, request = asked
    GuardianConsentRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - dt.timedelta(days=8)
    )
    GuardianConsent.objects.create(
        user=child,
        guardian_name="종이",
        guardian_contact="010",
        method=ConsentMethod.PAPER,
        given_at=timezone.now(),
    )
    assert guardian_reminders_due() == []


@pytest.mark.django_db
def test_a_member_found_to_be_under_14_asks_from_the_site(
    client, django_capture_on_commit_callbacks
):
    child = ChildFactory()
    client.force_login(child)
    assert client.get("/teams/guardian/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/teams/guardian/", {"guardian_email": "mom@example.kr"})
    assert response.status_code == 302
    assert len(_guardian_mail()) == 1


@pytest.mark.django_db
def test_an_adult_cannot_ask_for_guardian_consent(client):
    client.force_login(UserFactory())
    client.post("/teams/guardian/", {"guardian_email": "mom@example.kr"})
    assert not GuardianConsentRequest.objects.exists()


@pytest.mark.django_db
def test_staff_see_the_state_of_pending_online_requests(client, asked):
    client.force_login(StaffFactory())
    response = client.get("/admin/guardian-consent/")
    assert response.status_code == 200
    assert "mom@example.kr" in response.content.decode()
