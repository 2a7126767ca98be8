from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from soslab.accounts.permissions import PostingRefused
from soslab.comments.models import Comment
from soslab.comments.services import (
    CommentRefused,
    comment_create,
    comment_delete,
    comment_edit,
)
from soslab.moderation.models import ModerationState
from soslab.moderation.registry import moderated_models
from soslab.notifications.models import Notification
from soslab.notifications.services import follow_add, is_following
from tests.factories import StaffFactory, UserFactory


@pytest.mark.django_db
def test_comment_is_created_and_author_follows_the_target(target, citizen):
    comment = comment_create(author=citizen, target=target, body="  횡단보도 신호가 너무 짧아요  ")
    assert comment.body == "횡단보도 신호가 너무 짧아요"
    assert comment.target == target
    assert comment.is_public
    assert comment.is_staff_comment is False
    assert is_following(citizen, target)


def test_comment_is_registered_for_moderation():
    assert Comment in moderated_models()


@pytest.mark.django_db
def test_staff_comment_flag_is_stored_at_posting_time(target):
    staff = StaffFactory()
    comment = comment_create(author=staff, target=target, body="담당 부서에 전달했습니다.")
    staff.is_staff = False
    staff.save(update_fields=["is_staff"])
    comment.refresh_from_db()
    assert comment.is_staff_comment is True


@pytest.mark.django_db
def test_reply_to_a_reply_attaches_to_the_top_level_comment(target, citizen):
    top = comment_create(author=citizen, target=target, body="첫 댓글")
    reply = comment_create(author=UserFactory(), target=target, body="답글", parent=top)
    deeper = comment_create(author=citizen, target=target, body="답글의 답글", parent=reply)
    assert reply.parent == top
    assert deeper.parent == top


@pytest.mark.django_db
def test_reply_must_be_in_the_same_discussion(make_target, citizen):
    first, second = make_target(), make_target()
    top = comment_create(author=citizen, target=first, body="첫 댓글")
    with pytest.raises(CommentRefused) as refused:
        comment_create(author=citizen, target=second, body="엉뚱한 답글", parent=top)
    assert refused.value.code == "parent_mismatch"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "code"),
    [("", "body_required"), ("   \n ", "body_required"), ("가" * 2001, "body_too_long")],
)
def test_body_length_is_checked(target, citizen, body, code):
    with pytest.raises(CommentRefused) as refused:
        comment_create(author=citizen, target=target, body=body)
    assert refused.value.code == code
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_two_thousand_characters_are_accepted(target, citizen):
    assert comment_create(author=citizen, target=target, body="가" * 2000).pk


@pytest.mark.django_db
def test_unverified_people_cannot_comment(target, unverified_user):
    with pytest.raises(PostingRefused) as refused:
        comment_create(author=unverified_user, target=target, body="안녕하세요")
    assert refused.value.code == "email_unverified"


@pytest.mark.django_db
def test_blocked_people_cannot_comment(target, citizen):
    citizen.blocked_until = timezone.now() + timedelta(days=1)
    citizen.save(update_fields=["blocked_until"])
    with pytest.raises(PostingRefused):
        comment_create(author=citizen, target=target, body="안녕하세요")


@pytest.mark.django_db
def test_target_must_be_public(make_target, citizen):
    draft = make_target(live=False)
    with pytest.raises(CommentRefused) as refused:
        comment_create(author=citizen, target=draft, body="안녕하세요")
    assert (refused.value.code, refused.value.status) == ("not_found", 404)


@pytest.mark.django_db
def test_same_text_twice_is_refused(target, citizen):
    comment_create(author=citizen, target=target, body="같은 말")
    with pytest.raises(CommentRefused) as refused:
        comment_create(author=citizen, target=target, body="같은 말")
    assert refused.value.code == "duplicate"
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_new_accounts_are_premoderated(target, citizen, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 2
    comment = comment_create(author=citizen, target=target, body="첫 글입니다")
    assert comment.moderation_state == ModerationState.PENDING


@pytest.mark.django_db
def test_followers_are_notified_of_a_new_comment_on_commit(
    target, citizen, django_capture_on_commit_callbacks
):
    follower = UserFactory()
    follow_add(user=follower, target=target)
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(author=citizen, target=target, body="의견 남깁니다")
    notes = Notification.objects.all()
    assert [n.recipient for n in notes] == [follower]
    assert notes[0].kind == "comment"
    assert citizen.public_name in notes[0].message


@pytest.mark.django_db
def test_reply_notifies_the_parent_author_once(target, citizen, django_capture_on_commit_callbacks):
    replier = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        top = comment_create(author=citizen, target=target, body="첫 댓글")
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(author=replier, target=target, body="답글입니다", parent=top)
    notes = Notification.objects.filter(recipient=citizen)
    assert [n.kind for n in notes] == ["reply"]
    assert Notification.objects.filter(recipient=replier).count() == 0


@pytest.mark.django_db
def test_pending_comments_notify_nobody(
    target, citizen, settings, django_capture_on_commit_callbacks
):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 2
    follow_add(user=UserFactory(), target=target)
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(author=citizen, target=target, body="검토 대기 글")
    assert Notification.objects.count() == 0


# --- Editing ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_author_edits_within_fifteen_minutes(target, citizen):
    comment = comment_create(author=citizen, target=target, body="오타가 잇어요")
    comment_edit(comment=comment, editor=citizen, body="오타가 있어요")
    comment.refresh_from_db()
    assert comment.body == "오타가 있어요"
    assert comment.edited_at is not None


@pytest.mark.django_db
def test_edit_after_fifteen_minutes_is_refused_with_a_clear_message(target, citizen):
    comment = comment_create(author=citizen, target=target, body="처음 글")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=15, seconds=1)
    )
    comment.refresh_from_db()
    with pytest.raises(CommentRefused) as refused:
        comment_edit(comment=comment, editor=citizen, body="고친 글")
    assert refused.value.code == "edit_window_closed"
    assert "15" in str(refused.value.message)
    comment.refresh_from_db()
    assert comment.body == "처음 글"


@pytest.mark.django_db
def test_edit_just_inside_the_window_is_allowed(target, citizen):
    comment = comment_create(author=citizen, target=target, body="처음 글")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=14, seconds=50)
    )
    comment.refresh_from_db()
    comment_edit(comment=comment, editor=citizen, body="고친 글")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["other_citizen", "moderator", "staff"])
def test_nobody_edits_another_persons_comment(target, citizen, role, moderator, staff):
    comment = comment_create(author=citizen, target=target, body="내 글")
    editor = {"other_citizen": UserFactory(), "moderator": moderator, "staff": staff}[role]
    with pytest.raises(CommentRefused) as refused:
        comment_edit(comment=comment, editor=editor, body="남이 고친 글")
    assert refused.value.status == 403
    comment.refresh_from_db()
    assert comment.body == "내 글"


# --- Deleting --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_author_deletes_and_a_placeholder_stays(target, citizen):
    top = comment_create(author=citizen, target=target, body="지울 글")
    reply = comment_create(author=UserFactory(), target=target, body="답글", parent=top)
    comment_delete(comment=top, actor=citizen)
    top.refresh_from_db()
    assert top.is_deleted
    assert top.body == ""
    assert top.deleted_by == citizen
    assert Comment.objects.filter(pk=reply.pk).exists()
    with translation.override("ko"):
        assert gettext("This comment has been deleted.") == "삭제된 댓글입니다"


@pytest.mark.django_db
def test_nobody_deletes_another_persons_comment(target, citizen):
    comment = comment_create(author=citizen, target=target, body="내 글")
    with pytest.raises(CommentRefused) as refused:
        comment_delete(comment=comment, actor=UserFactory())
    assert refused.value.status == 403
    comment.refresh_from_db()
    assert not comment.is_deleted


@pytest.mark.django_db
def test_moderators_can_delete(target, citizen, moderator):
    comment = comment_create(author=citizen, target=target, body="부적절한 글")
    comment_delete(comment=comment, actor=moderator)
    comment.refresh_from_db()
    assert comment.is_deleted
    assert comment.deleted_by == moderator


@pytest.mark.django_db
def test_deleted_comments_cannot_be_edited_or_replied_to(target, citizen):
    comment = comment_create(author=citizen, target=target, body="지울 글")
    comment_delete(comment=comment, actor=citizen)
    with pytest.raises(CommentRefused):
        comment_edit(comment=comment, editor=citizen, body="다시")
    with pytest.raises(CommentRefused) as refused:
        comment_create(author=UserFactory(), target=target, body="답글", parent=comment)
    assert refused.value.code == "parent_deleted"
    with pytest.raises(CommentRefused) as refused:
        comment_delete(comment=comment, actor=citizen)
    assert refused.value.status == 409


@pytest.mark.django_db
def test_comment_service_screens_links_and_flags_personal_data(target, citizen, settings):
    from soslab.moderation.models import ModerationCase
    from soslab.moderation.screening import ScreeningRefused

    settings.SOSLAB_NEW_ACCOUNT_MAX_LINKS = 1
    with pytest.raises(ScreeningRefused) as refused:
        comment_create(
            author=citizen, target=target, body="https://a.example.kr https://b.example.kr"
        )
    assert refused.value.code == "too_many_links" and refused.value.field == "body"
    comment = comment_create(author=citizen, target=target, body="연락처는 010-1234-5678 입니다")
    assert ModerationCase.objects.for_object(comment).get().flagged_by_system
    assert not Comment.objects.filter(body__contains="https").exists()
