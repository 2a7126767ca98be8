"""Reporting (신고): once per person per item, auto-hide at the threshold of distinct reporters."""

import pytest
from django.test import override_settings
from django.urls import reverse

from soslab.accounts.permissions import PostingRefused
from soslab.moderation.cases import ModerationRefused
from soslab.moderation.models import (
    CaseStatus,
    ModerationCase,
    ModerationState,
    Report,
    ReportReason,
)
from soslab.moderation.reports import report_create
from tests.factories import UserFactory
from tests.moderation.conftest import BlockedUserFactory

pytestmark = pytest.mark.django_db


def _report(reporter, target, reason=ReportReason.SPAM, text=""):
    return report_create(reporter=reporter, target=target, reason=reason, text=text)


def test_third_distinct_report_hides_the_item_pending_review(post, reporters):
    _report(reporters[0], post)
    _report(reporters[1], post)
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED
    _report(reporters[2], post)
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.HIDDEN
    case = ModerationCase.objects.for_object(post).get()
    assert case.status == CaseStatus.OPEN
    assert case.auto_hidden
    assert case.open_report_count == 3
    assert type(post).objects.public().filter(pk=post.pk).count() == 0


def test_three_reports_by_one_person_count_once_and_do_not_hide(post, citizen):
    _report(citizen, post)
    for _ in range(2):
        with pytest.raises(ModerationRefused) as refused:
            _report(citizen, post, reason=ReportReason.ABUSIVE)
        assert refused.value.code == "already_reported"
        assert refused.value.status == 409
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED
    assert Report.objects.count() == 1
    assert ModerationCase.objects.for_object(post).get().open_report_count == 1


def test_database_refuses_a_second_report_by_the_same_person(post, citizen):
    from django.db import IntegrityError, transaction

    report = _report(citizen, post)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(case=report.case, reporter=citizen, reason=ReportReason.OTHER)


@override_settings(SOSLAB_REPORT_THRESHOLD=2)
def test_threshold_is_a_setting(post, reporters):
    _report(reporters[0], post)
    _report(reporters[1], post)
    post.refresh_from_db()
    assert post.is_hidden


def test_reported_item_waits_in_the_queue_with_its_reasons(post, reporters):
    _report(reporters[0], post, ReportReason.SPAM)
    _report(reporters[1], post, ReportReason.PERSONAL_DATA)
    case = ModerationCase.objects.waiting().get()
    assert sorted(case.reports.values_list("reason", flat=True)) == ["personal_data", "spam"]


@pytest.mark.parametrize(
    ("reason", "text", "code"),
    [
        ("nonsense", "", "invalid_reason"),
        (ReportReason.OTHER, "", "text_required"),
        (ReportReason.SPAM, "가" * 1001, "text_too_long"),
    ],
)
def test_invalid_reports_are_refused(post, citizen, reason, text, code):
    with pytest.raises(ModerationRefused) as refused:
        _report(citizen, post, reason, text)
    assert refused.value.code == code
    assert Report.objects.count() == 0


def test_text_of_exactly_1000_characters_is_accepted(post, citizen):
    assert _report(citizen, post, ReportReason.OTHER, "가" * 1000).text == "가" * 1000


def test_nobody_reports_their_own_post(post):
    with pytest.raises(ModerationRefused) as refused:
        _report(post.author, post)
    assert refused.value.code == "own_content"


@pytest.mark.parametrize("make_user", [lambda: UserFactory(verified=False), BlockedUserFactory])
def test_unverified_and_blocked_people_cannot_report(post, make_user):
    with pytest.raises(PostingRefused):
        _report(make_user(), post)
    assert Report.objects.count() == 0


def test_people_can_be_reported_and_are_not_hidden(citizen, reporters):
    for reporter in reporters:
        _report(reporter, citizen, ReportReason.ABUSIVE)
    case = ModerationCase.objects.for_object(citizen).get()
    assert case.is_about_user
    assert case.open_report_count == 3
    citizen.refresh_from_db()
    assert citizen.is_active and not citizen.is_blocked


# --- The report page and its JSON answers -----------------------------------------------------


def _url(obj):
    return reverse("moderation:report", args=[f"moderation.{obj._meta.model_name}", obj.pk])


def test_report_page_works_without_javascript(client, citizen, post):
    client.force_login(citizen)
    response = client.get(_url(post))
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    response = client.post(
        _url(post), {"reason": "spam", "text": "광고 글입니다", "next": "/test-posts/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/test-posts/"
    assert Report.objects.get().text == "광고 글입니다"


def test_report_page_keeps_the_typed_text_on_error(client, citizen, post):
    client.force_login(citizen)
    response = client.post(_url(post), {"reason": "other", "text": "", "next": "/"})
    assert response.status_code == 400
    response = client.post(_url(post), {"reason": "", "text": "제가 쓴 설명"})
    assert response.status_code == 400
    assert "제가 쓴 설명" in response.content.decode()
    assert Report.objects.count() == 0


def test_report_page_refuses_an_offsite_next(client, citizen, post):
    client.force_login(citizen)
    response = client.post(_url(post), {"reason": "spam", "next": "https://evil.example/"})
    assert response["Location"] == post.get_absolute_url()


def test_report_json_answers(client, citizen, post):
    client.force_login(citizen)
    response = client.post(_url(post), {"reason": "spam"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 201
    assert response.json()["ok"] is True
    again = client.post(_url(post), {"reason": "spam"}, HTTP_ACCEPT="application/json")
    assert again.status_code == 409
    assert again.json()["error"] == "already_reported"
    assert again.json()["message"]
    bad = client.post(_url(post), {"reason": "zzz"}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400
    assert "reason" in bad.json()["fields"]


def test_anonymous_people_are_sent_to_log_in_and_api_clients_get_401(client, post):
    response = client.get(_url(post))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = client.post(_url(post), {"reason": "spam"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 401


def test_blocked_person_gets_403_from_the_report_page(client, post):
    blocked = BlockedUserFactory()
    client.force_login(blocked)
    response = client.post(_url(post), {"reason": "spam"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response.json()["error"] == "blocked"


def test_hidden_items_cannot_be_reported_and_are_not_found(client, citizen, make_post):
    hidden = make_post(state=ModerationState.HIDDEN)
    client.force_login(citizen)
    assert client.get(_url(hidden)).status_code == 404


def test_unregistered_models_cannot_be_reported(client, citizen):
    client.force_login(citizen)
    url = reverse("moderation:report", args=["auth.group", 1])
    assert client.get(url).status_code == 404


@override_settings(SOSLAB_RATE_LIMITS={"report": ["2/h/user", "60/h/ip"]})
def test_reporting_is_rate_limited_with_429(client, citizen, make_post):
    client.force_login(citizen)
    posts = [make_post() for _ in range(3)]
    for item in posts[:2]:
        assert client.post(_url(item), {"reason": "spam"}).status_code == 302
    response = client.post(_url(posts[2]), {"reason": "spam"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    json_response = client.post(_url(posts[2]), {"reason": "spam"}, HTTP_ACCEPT="application/json")
    assert json_response.status_code == 429
    assert json_response.json()["error"] == "rate_limited"
    assert Report.objects.count() == 2


@override_settings(SOSLAB_RATE_LIMITS={"report": ["100/h/user", "2/h/ip"]})
def test_reporting_is_rate_limited_per_ip_across_accounts(client, make_post):
    posts = [make_post() for _ in range(3)]
    for item in posts[:2]:
        client.force_login(UserFactory())
        assert client.post(_url(item), {"reason": "spam"}).status_code == 302
    client.force_login(UserFactory())
    assert client.post(_url(posts[2]), {"reason": "spam"}).status_code == 429
