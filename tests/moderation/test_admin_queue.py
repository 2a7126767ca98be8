"""The moderation queue in the Wagtail admin: who sees it, what it lists, its actions, the
dashboard panel and the audit log."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from soslab.moderation.appeals import appeal_create
from soslab.moderation.blocks import user_block, user_unblock
from soslab.moderation.models import (
    Appeal,
    CaseStatus,
    ContentEdit,
    HideReason,
    ModerationCase,
    ModerationState,
    ReportReason,
)
from soslab.moderation.reports import report_create, report_flag_system
from soslab.moderation.services import (
    content_approve,
    content_edit,
    content_hide,
    content_restore,
    reports_dismiss,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"


@pytest.fixture
def reason():
    return HideReason.objects.create(title="광고", text="광고성 게시물이라 숨겼습니다.")


def _fill_queue(make_post, n):
    """n reported items, n pending items and n flagged items."""
    for _ in range(n):
        item = make_post()
        for reporter in UserFactory.create_batch(2):
            report_create(reporter=reporter, target=item, reason=ReportReason.SPAM)
        make_post(state=ModerationState.PENDING)
        report_flag_system(target=make_post(), text="personal data")


@pytest.mark.parametrize(("role", "status"), [("citizen", 302), ("moderator", 200), ("staff", 200)])
def test_only_moderators_and_staff_open_the_queue(client, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(QUEUE).status_code == status


def test_queue_lists_reported_pending_and_appealed_items_with_reasons(
    client, moderator, make_post, reason
):
    reported = make_post(title="신고된 글")
    for reporter_reason in (ReportReason.SPAM, ReportReason.SPAM):
        report_create(reporter=UserFactory(), target=reported, reason=reporter_reason)
    make_post(title="승인 대기 글", state=ModerationState.PENDING)
    appealed = make_post(title="이의 신청 글")
    decision = content_hide(moderator=moderator, target=appealed, reason_template=reason)
    appeal_create(author=appealed.author, decision=decision, text="다시 봐 주세요")
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    for title in ("신고된 글", "승인 대기 글", "이의 신청 글"):
        assert title in html
    assert "× 2" in html  # two spam reports grouped on one item


@pytest.mark.parametrize(
    ("kind", "expected"), [("reported", "신고된 글"), ("pending", "승인 대기 글")]
)
def test_queue_filters_by_kind(client, moderator, make_post, kind, expected):
    reported = make_post(title="신고된 글")
    report_create(reporter=UserFactory(), target=reported, reason=ReportReason.SPAM)
    make_post(title="승인 대기 글", state=ModerationState.PENDING)
    client.force_login(moderator)
    html = client.get(QUEUE, {"kind": kind}).content.decode()
    assert expected in html
    other = {"신고된 글", "승인 대기 글"} - {expected}
    assert other.pop() not in html


def test_queue_filters_by_reason(client, moderator, make_post):
    spam = make_post(title="광고 글")
    report_create(reporter=UserFactory(), target=spam, reason=ReportReason.SPAM)
    rude = make_post(title="욕설 글")
    report_create(reporter=UserFactory(), target=rude, reason=ReportReason.ABUSIVE)
    client.force_login(moderator)
    html = client.get(QUEUE, {"reason": "abusive"}).content.decode()
    assert "욕설 글" in html and "광고 글" not in html


def test_queue_query_count_is_constant(client, moderator, make_post, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(moderator)
    _fill_queue(make_post, 1)
    client.get(QUEUE)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as few:
        assert client.get(QUEUE).status_code == 200
    _fill_queue(make_post, 6)
    with CaptureQueriesContext(connection) as many:
        assert client.get(QUEUE).status_code == 200
    assert len(many) == len(few)


def test_queue_paginates_by_20(client, moderator, make_post):
    for _ in range(21):
        make_post(state=ModerationState.PENDING)
    client.force_login(moderator)
    first = client.get(QUEUE)
    assert len(first.context["cases"]) == 20
    assert len(client.get(QUEUE, {"p": 2}).context["cases"]) == 1


def test_bulk_approve_and_bulk_hide(client, moderator, make_post, reason):
    pending = [make_post(state=ModerationState.PENDING) for _ in range(3)]
    cases = [ModerationCase.objects.for_object(item).get().pk for item in pending]
    client.force_login(moderator)
    response = client.post(
        reverse("moderation_admin:bulk"), {"action": "approve", "case": cases[:2]}
    )
    assert response.status_code == 302
    states = [type(item).objects.get(pk=item.pk).moderation_state for item in pending]
    assert states == ["published", "published", "pending"]
    client.post(
        reverse("moderation_admin:bulk"),
        {"action": "hide", "case": cases[2:], "reason_template": reason.pk},
    )
    assert type(pending[2]).objects.get(pk=pending[2].pk).moderation_state == "hidden"


def test_bulk_hide_without_a_reason_changes_nothing(client, moderator, make_post):
    pending = make_post(state=ModerationState.PENDING)
    case = ModerationCase.objects.for_object(pending).get()
    client.force_login(moderator)
    client.post(reverse("moderation_admin:bulk"), {"action": "hide", "case": [case.pk]})
    pending.refresh_from_db()
    assert pending.is_pending


def test_case_page_actions_hide_restore_and_block(client, moderator, post, reason):
    report_create(reporter=UserFactory(), target=post, reason=ReportReason.ABUSIVE)
    case = ModerationCase.objects.for_object(post).get()
    client.force_login(moderator)
    page = client.get(reverse("moderation_admin:case", args=[case.pk]))
    assert page.status_code == 200 and post.title in page.content.decode()
    client.post(
        reverse("moderation_admin:action", args=[case.pk, "hide"]),
        {"reason_template": reason.pk, "reason_text": ""},
    )
    post.refresh_from_db()
    assert post.is_hidden
    client.post(reverse("moderation_admin:action", args=[case.pk, "restore"]), {})
    post.refresh_from_db()
    assert post.is_public
    client.post(
        reverse("moderation_admin:action", args=[case.pk, "block"]),
        {"days": "30", "reason": "반복적인 광고"},
    )
    post.author.refresh_from_db()
    assert post.author.is_blocked
    client.post(reverse("moderation_admin:action", args=[case.pk, "unblock"]), {})
    post.author.refresh_from_db()
    assert not post.author.is_blocked


def test_citizens_cannot_post_admin_actions(client, citizen, post, reason):
    report_create(reporter=UserFactory(), target=post, reason=ReportReason.ABUSIVE)
    case = ModerationCase.objects.for_object(post).get()
    client.force_login(citizen)
    client.post(
        reverse("moderation_admin:action", args=[case.pk, "hide"]), {"reason_template": reason.pk}
    )
    post.refresh_from_db()
    assert post.is_public


def test_edit_page_keeps_the_original_and_the_case_page_shows_a_diff(client, moderator, post):
    report_create(reporter=UserFactory(), target=post, reason=ReportReason.PERSONAL_DATA)
    case = ModerationCase.objects.for_object(post).get()
    client.force_login(moderator)
    url = reverse("moderation_admin:edit", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": post.title, "body": "연락처 삭제됨", "reason_text": "전화번호 삭제"}
    )
    assert response.status_code == 302
    assert ContentEdit.objects.get().original.startswith("어르신들이")
    html = client.get(reverse("moderation_admin:case", args=[case.pk])).content.decode()
    assert "-어르신들이" in html and "+연락처 삭제됨" in html


def test_dashboard_panel_shows_what_is_pending(client, moderator, make_post):
    make_post(state=ModerationState.PENDING)
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert 'id="moderation-pending"' in html or "moderation-pending" in html
    assert reverse("moderation_admin:queue") in html


def test_the_menu_item_is_shown_to_moderators(client, moderator):
    client.force_login(moderator)
    assert reverse("moderation_admin:queue") in client.get("/admin/").content.decode()


# --- The audit log ----------------------------------------------------------------------------


def _actions(case):
    return list(
        ModelLogEntry.objects.for_instance(case)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )


def test_every_action_is_in_the_wagtail_audit_log_with_who_and_why(
    moderator, make_post, reason, reporters
):
    post = make_post()
    for reporter in reporters:
        report_create(reporter=reporter, target=post, reason=ReportReason.SPAM)
    content_hide(moderator=moderator, target=post, reason_template=reason, reason_text="확인함")
    decision = post.__class__.objects.get(pk=post.pk)
    hide_decision = ModerationCase.objects.for_object(post).get().decisions.first()
    appeal_create(author=post.author, decision=hide_decision, text="다시 봐 주세요")
    content_restore(moderator=moderator, target=decision)
    content_edit(moderator=moderator, target=post, changes={"body": "수정"}, reason_text="정리")
    report_flag_system(target=post, text="personal data")
    reports_dismiss(moderator=moderator, target=post)
    user_block(moderator=moderator, user=post.author, days=1, reason="광고")
    user_unblock(moderator=moderator, user=post.author)
    pending = make_post(state=ModerationState.PENDING)
    content_approve(moderator=moderator, target=pending)

    case = ModerationCase.objects.for_object(post).get()
    actions = [action for action, _user in _actions(case)]
    assert actions == [
        "soslab_moderation.report",
        "soslab_moderation.report",
        "soslab_moderation.report",
        "soslab_moderation.auto_hide",
        "soslab_moderation.hide",
        "soslab_moderation.appeal",
        "soslab_moderation.restore",
        "soslab_moderation.edit",
        "soslab_moderation.flag",
        "soslab_moderation.dismiss",
    ]
    hide = ModelLogEntry.objects.for_instance(case).get(action="soslab_moderation.hide")
    assert hide.user_id == moderator.pk
    assert "확인함" in hide.data["reason"] and hide.data["template"] == "광고"
    assert hide.message  # a registered action has a readable message
    user_case = ModerationCase.objects.for_object(post.author).get()
    assert [a for a, _u in _actions(user_case)] == [
        "soslab_moderation.block",
        "soslab_moderation.unblock",
    ]
    pending_case = ModerationCase.objects.for_object(pending).get()
    assert ("soslab_moderation.approve", moderator.pk) in _actions(pending_case)


def test_moderators_see_the_entries_in_the_admin_site_history(client, moderator, post, reason):
    content_hide(moderator=moderator, target=post, reason_template=reason)
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert post.title in response.content.decode()


def test_appeals_are_counted_in_the_queue(client, moderator, post, reason):
    decision = content_hide(moderator=moderator, target=post, reason_template=reason)
    appeal_create(author=post.author, decision=decision, text="다시 봐 주세요")
    client.force_login(moderator)
    response = client.get(QUEUE, {"kind": "appeals"})
    assert response.context["summary"]["appeals"] == 1
    assert len(response.context["cases"]) == 1
    assert Appeal.objects.get().case.status == CaseStatus.OPEN
