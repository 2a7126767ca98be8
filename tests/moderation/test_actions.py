"""Moderator actions: hide, restore, approve, edit keeping the original, dismiss, block,
unblock, and appeals; the author is told (notification + email with the appeal link)."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from soslab.moderation.appeals import appeal_create, appeal_reject
from soslab.moderation.blocks import user_block, user_unblock
from soslab.moderation.cases import ModerationRefused
from soslab.moderation.models import (
    Appeal,
    AppealStatus,
    CaseStatus,
    ContentEdit,
    Decision,
    DecisionAction,
    HideReason,
    ModerationCase,
    ModerationState,
    ReportReason,
    ReportStatus,
)
from soslab.moderation.notices import decision_tell_author
from soslab.moderation.reports import report_create
from soslab.moderation.services import (
    content_approve,
    content_edit,
    content_hide,
    content_restore,
    reports_dismiss,
)
from soslab.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def reason():
    return HideReason.objects.create(
        title="개인정보 노출",
        text="다른 사람의 연락처가 포함되어 숨겼습니다. 연락처를 지우고 다시 올려 주세요.",
    )


def _auto_hidden(post, reporters):
    for reporter in reporters:
        report_create(reporter=reporter, target=post, reason=ReportReason.SPAM)
    post.refresh_from_db()
    assert post.is_hidden
    return ModerationCase.objects.for_object(post).get()


def test_hide_with_a_template_tells_the_author_with_an_appeal_link(
    post, moderator, reason, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = content_hide(
            moderator=moderator, target=post, reason_template=reason, reason_text="추가 설명"
        )
    post.refresh_from_db()
    assert post.is_hidden
    assert "연락처를 지우고" in post.moderation_reason and "추가 설명" in post.moderation_reason
    assert post.moderated_by == moderator
    note = Notification.objects.get(recipient=post.author)
    assert note.kind == "moderation"
    assert note.url == decision.get_absolute_url()
    message = [m for m in mail.outbox if post.author.email in m.to][-1]
    assert "연락처를 지우고" in message.body
    assert decision.get_absolute_url() in message.body
    decision.refresh_from_db()
    assert decision.told_at is not None


def test_telling_the_author_is_idempotent(
    post, moderator, reason, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = content_hide(moderator=moderator, target=post, reason_template=reason)
    sent = len(mail.outbox)
    assert decision_tell_author(decision=decision) is False
    assert len(mail.outbox) == sent
    assert Notification.objects.filter(recipient=post.author).count() == 1


def test_the_decision_email_leaves_only_after_commit(
    post, moderator, reason, django_capture_on_commit_callbacks
):
    """The email is queued (soslab.core.mail) inside the locked transaction, sent after it."""
    with django_capture_on_commit_callbacks(execute=False):
        decision = content_hide(moderator=moderator, target=post, reason_template=reason)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        assert decision_tell_author(decision=decision) is True
        raise RuntimeError
    assert not any(post.author.email in m.to for m in mail.outbox)
    decision.refresh_from_db()
    assert decision.told_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert decision_tell_author(decision=decision) is True
    assert any(post.author.email in m.to for m in mail.outbox)


def test_hide_needs_a_reason(post, moderator):
    with pytest.raises(ModerationRefused) as refused:
        content_hide(moderator=moderator, target=post)
    assert refused.value.code == "reason_required"
    post.refresh_from_db()
    assert post.is_public


def test_hide_confirms_an_auto_hidden_item_and_upholds_its_reports(
    post, reporters, moderator, reason
):
    case = _auto_hidden(post, reporters)
    content_hide(moderator=moderator, target=post, reason_template=reason)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and not case.auto_hidden
    assert set(case.reports.values_list("status", flat=True)) == {ReportStatus.UPHELD}


def test_restore_makes_it_public_and_dismisses_reports(
    post, reporters, moderator, django_capture_on_commit_callbacks
):
    case = _auto_hidden(post, reporters)
    with django_capture_on_commit_callbacks(execute=True):
        content_restore(moderator=moderator, target=post, reason_text="문제 없는 글입니다")
    post.refresh_from_db()
    case.refresh_from_db()
    assert post.is_public and post.moderation_reason == ""
    assert case.status == CaseStatus.CLOSED
    assert set(case.reports.values_list("status", flat=True)) == {ReportStatus.DISMISSED}
    assert Notification.objects.filter(recipient=post.author, kind="moderation").exists()


def test_dismissing_reports_restores_an_auto_hidden_item(post, reporters, moderator):
    case = _auto_hidden(post, reporters)
    reports_dismiss(moderator=moderator, target=post)
    post.refresh_from_db()
    case.refresh_from_db()
    assert post.is_public
    assert case.status == CaseStatus.CLOSED and case.open_report_count == 0


def test_dismissing_reports_leaves_a_moderator_hidden_item_hidden(post, citizen, moderator, reason):
    content_hide(moderator=moderator, target=post, reason_template=reason)
    reports_dismiss(moderator=moderator, target=post)
    post.refresh_from_db()
    assert post.is_hidden


def test_edit_keeps_the_original_and_tells_the_author(
    post, moderator, django_capture_on_commit_callbacks
):
    original = post.body
    with django_capture_on_commit_callbacks(execute=True):
        decision = content_edit(
            moderator=moderator,
            target=post,
            changes={"body": "연락처를 지운 본문", "title": post.title},
            reason_text="연락처를 지웠습니다",
        )
    post.refresh_from_db()
    assert post.body == "연락처를 지운 본문"
    edit = ContentEdit.objects.get(decision=decision)
    assert (edit.field_name, edit.original, edit.edited) == ("body", original, "연락처를 지운 본문")
    assert decision.action == DecisionAction.EDIT and decision.can_be_appealed
    assert any(post.author.email in m.to for m in mail.outbox)


def test_edit_refuses_unknown_fields_and_no_change(post, moderator):
    with pytest.raises(ModerationRefused) as refused:
        content_edit(
            moderator=moderator,
            target=post,
            changes={"moderation_state": "published"},
            reason_text="x",
        )
    assert refused.value.code == "invalid_field"
    with pytest.raises(ModerationRefused) as refused:
        content_edit(moderator=moderator, target=post, changes={"body": post.body}, reason_text="x")
    assert refused.value.code == "no_change"


def test_block_and_unblock(citizen, moderator, reporters, django_capture_on_commit_callbacks):
    for reporter in reporters:
        report_create(reporter=reporter, target=citizen, reason=ReportReason.ABUSIVE)
    with django_capture_on_commit_callbacks(execute=True):
        user_block(moderator=moderator, user=citizen, days=7, reason="반복적인 욕설")
    citizen.refresh_from_db()
    assert citizen.is_blocked and citizen.block_reason == "반복적인 욕설"
    case = ModerationCase.objects.for_object(citizen).get()
    assert case.status == CaseStatus.CLOSED
    assert any(citizen.email in m.to and "반복적인 욕설" in m.body for m in mail.outbox)
    user_unblock(moderator=moderator, user=citizen)
    citizen.refresh_from_db()
    assert not citizen.is_blocked and citizen.blocked_until is None


@pytest.mark.parametrize(("days", "reason_text"), [(0, "x"), (5000, "x"), ("abc", "x"), (7, " ")])
def test_block_refuses_bad_input(citizen, moderator, days, reason_text):
    with pytest.raises(ModerationRefused):
        user_block(moderator=moderator, user=citizen, days=days, reason=reason_text)
    citizen.refresh_from_db()
    assert not citizen.is_blocked


def test_moderators_and_staff_cannot_be_blocked(moderator, staff):
    with pytest.raises(ModerationRefused) as refused:
        user_block(moderator=staff, user=moderator, days=7, reason="x")
    assert refused.value.code == "cannot_block"


# --- Pre-moderation ---------------------------------------------------------------------------


def test_approve_publishes_a_pending_item(make_post, moderator):
    pending = make_post(state=ModerationState.PENDING)
    case = ModerationCase.objects.for_object(pending).get()
    assert case.awaiting_approval and case.status == CaseStatus.OPEN
    content_approve(moderator=moderator, target=pending)
    pending.refresh_from_db()
    case.refresh_from_db()
    assert pending.is_public
    assert case.status == CaseStatus.CLOSED and not case.awaiting_approval


def test_approve_refuses_an_item_that_is_not_pending(post, moderator):
    with pytest.raises(ModerationRefused):
        content_approve(moderator=moderator, target=post)


def test_rejecting_a_pending_item_hides_it_with_a_reason(make_post, moderator, reason):
    pending = make_post(state=ModerationState.PENDING)
    content_hide(moderator=moderator, target=pending, reason_template=reason)
    pending.refresh_from_db()
    assert pending.is_hidden
    assert not ModerationCase.objects.waiting().exists()


# --- Appeals ----------------------------------------------------------------------------------


def _hidden_decision(post, moderator, reason):
    return content_hide(moderator=moderator, target=post, reason_template=reason)


def test_appeal_lands_in_the_queue(post, moderator, reason):
    decision = _hidden_decision(post, moderator, reason)
    assert not ModerationCase.objects.waiting().exists()
    appeal = appeal_create(
        author=post.author, decision=decision, text="개인정보가 아니라 공공기관 번호입니다"
    )
    case = ModerationCase.objects.waiting().get()
    assert case.has_open_appeal
    assert appeal.status == AppealStatus.OPEN


def test_appeal_only_once(post, moderator, reason):
    decision = _hidden_decision(post, moderator, reason)
    appeal_create(author=post.author, decision=decision, text="다시 봐 주세요")
    with pytest.raises(ModerationRefused) as refused:
        appeal_create(author=post.author, decision=decision, text="한 번 더")
    assert refused.value.code == "already_appealed"
    assert Appeal.objects.count() == 1


def test_only_the_author_can_appeal(post, moderator, reason, citizen):
    from django.core.exceptions import PermissionDenied

    decision = _hidden_decision(post, moderator, reason)
    with pytest.raises(PermissionDenied):
        appeal_create(author=citizen, decision=decision, text="제 글이 아니지만")


def test_restore_upholds_the_appeal(post, moderator, reason):
    decision = _hidden_decision(post, moderator, reason)
    appeal = appeal_create(author=post.author, decision=decision, text="다시 봐 주세요")
    content_restore(moderator=moderator, target=post)
    appeal.refresh_from_db()
    post.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and post.is_public
    assert not ModerationCase.objects.waiting().exists()


def test_reject_the_appeal_keeps_the_decision_and_tells_the_author(
    post, moderator, reason, django_capture_on_commit_callbacks
):
    decision = _hidden_decision(post, moderator, reason)
    appeal = appeal_create(author=post.author, decision=decision, text="다시 봐 주세요")
    with django_capture_on_commit_callbacks(execute=True):
        appeal_reject(moderator=moderator, appeal=appeal, reason_text="운영 원칙에 따라 유지합니다")
    appeal.refresh_from_db()
    post.refresh_from_db()
    assert appeal.status == AppealStatus.REJECTED and post.is_hidden
    rejected = Decision.objects.get(action=DecisionAction.APPEAL_REJECTED)
    assert not rejected.can_be_appealed
    assert not ModerationCase.objects.waiting().exists()
    assert any("운영 원칙에 따라 유지합니다" in m.body for m in mail.outbox)


def test_decision_page_lets_the_author_appeal_once_and_keeps_text_on_error(
    client, post, moderator, reason
):
    decision = _hidden_decision(post, moderator, reason)
    url = reverse("moderation:decision", args=[decision.pk])
    client.force_login(post.author)
    page = client.get(url)
    assert page.status_code == 200
    assert "연락처를 지우고" in page.content.decode()
    empty = client.post(url, {"text": ""})
    assert empty.status_code == 400
    long_text = "가" * 1001
    too_long = client.post(url, {"text": long_text})
    assert too_long.status_code == 400 and long_text in too_long.content.decode()
    assert client.post(url, {"text": "다시 봐 주세요"}).status_code == 302
    again = client.post(url, {"text": "또"}, HTTP_ACCEPT="application/json")
    assert again.status_code == 409
    assert Appeal.objects.count() == 1


def test_decision_page_is_private(client, post, moderator, reason, citizen):
    decision = _hidden_decision(post, moderator, reason)
    url = reverse("moderation:decision", args=[decision.pk])
    client.force_login(citizen)
    assert client.get(url).status_code == 404
    client.force_login(moderator)
    assert client.get(url).status_code == 200
