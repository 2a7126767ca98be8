"""Comment writes: post, edit, delete. Views, API and admin call these; nothing else writes comments."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import check_can_post
from soslab.core import ratelimit, targets
from soslab.core.targets import counter_add, target_content_type
from soslab.moderation.models import ModerationState
from soslab.moderation.screening import screen
from soslab.moderation.services import new_content_state
from soslab.notifications.models import NotificationKind
from soslab.notifications.services import (
    follow_subscribe,
    followers_of,
    message_later,
    notify,
)

from .models import BODY_MAX_LENGTH, EDIT_WINDOW, Comment


class CommentRefused(Exception):
    """A comment action was refused; carries the translated reason, a code and an HTTP status."""

    def __init__(self, message, *, code, status=400, field=None):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status
        self.field = field


def clean_body(body):
    """Strip the body and check its length; raise CommentRefused with the reason."""
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise CommentRefused(_("Please write a comment."), code="body_required", field="body")
    if len(body) > BODY_MAX_LENGTH:
        raise CommentRefused(
            _("A comment can be at most %(max)d characters (you wrote %(count)d).")
            % {"max": BODY_MAX_LENGTH, "count": len(body)},
            code="body_too_long",
            field="body",
        )
    return body


def _reply_parent(parent, *, target, content_type):
    """The comment a reply attaches to: one level of replies only, in the same discussion."""
    if parent.content_type_id != content_type.id or parent.object_id != target.pk:
        raise CommentRefused(
            _("You can only reply to a comment in the same discussion."),
            code="parent_mismatch",
        )
    if parent.parent_id is not None:  # a reply to a reply attaches to the top-level comment
        parent = parent.parent
    if parent.is_deleted:
        raise CommentRefused(_("You cannot reply to a deleted comment."), code="parent_deleted")
    return parent


def _screen(author, body, *, editing=None):
    """Links of new accounts refused; personal data to flag (soslab.moderation.screening)."""
    return screen(author=author, texts={"body": body}, links={"body": body}, editing=editing)


def comment_create(*, author, target, body, parent=None, client_ip=None):
    """Post a comment (or a reply) on `target`. Checks the author may post and the target is public;
    a reply to a reply attaches to the top-level comment. Web callers pass `client_ip`: the
    "comment_create" rate limit is counted here (raises RateLimited). Spam is refused and a body
    published despite the personal-data warning is flagged (soslab.moderation.screening).
    Increments target.comment_count, makes the author follow the target and notifies followers on
    commit."""
    check_can_post(author)
    if client_ip is not None:
        ratelimit.hit_for("comment_create", user=author, ip=client_ip)
    if not targets.is_visible(target, user=author, purpose=targets.COMMENT):
        # Unregistered, invisible to the author or gone: the same answer as a missing target.
        raise CommentRefused(_("Comments are not open here."), code="not_found", status=404)
    if not targets.accepts_comments(target):
        raise CommentRefused(_("Comments are not open here."), code="target_not_public", status=404)
    body = clean_body(body)
    content_type = target_content_type(target)
    if parent is not None:
        parent = _reply_parent(parent, target=target, content_type=content_type)
    screening = _screen(author, body)
    with transaction.atomic():
        duplicate = Comment.objects.filter(
            content_type=content_type,
            object_id=target.pk,
            author=author,
            body=body,
            deleted_at__isnull=True,
        ).exists()
        if duplicate:
            raise CommentRefused(
                _("You have already posted this comment here."),
                code="duplicate",
                status=409,
                field="body",
            )
        comment = Comment.objects.create(
            content_type=content_type,
            object_id=target.pk,
            author=author,
            parent=parent,
            body=body,
            is_staff_comment=bool(author.is_staff),
            moderation_state=new_content_state(author=author),
        )
        counter_add(target, "comment_count", 1)
        follow_subscribe(user=author, target=target)
        screening.record(comment)
        if comment.is_public:
            transaction.on_commit(lambda: comment_notify(comment=comment, target=target))
    return comment


def comment_notify(*, comment, target=None):
    """Tell the target's followers (and the parent's author, for a reply) about a published
    comment, once per comment whatever calls it: comment_create on commit, and the post_save hook
    when a moderator approves or restores it. Returns True when notifications were created."""
    target = target if target is not None else comment.target
    if target is None or comment.author_id is None or comment.is_deleted:
        return False
    with transaction.atomic():
        claimed = Comment.objects.filter(
            pk=comment.pk,
            followers_notified_at__isnull=True,
            moderation_state=ModerationState.PUBLISHED,
        ).update(followers_notified_at=timezone.now())
        if not claimed:
            return False
        _comment_notify(comment, target)
    return True


def _comment_notify(comment, target):
    name = comment.author.public_name
    url = comment.get_absolute_url()
    if comment.parent_id and comment.parent.author_id:
        notify(
            recipients=[comment.parent.author],
            kind=NotificationKind.REPLY,
            target=target,
            message=message_later(
                _("%(name)s replied to your comment on “%(target)s”."), name=name, target=target
            ),
            actor=comment.author,
            url=url,
        )
    already = {comment.parent.author_id} if comment.parent_id else set()

    recipients = followers_of(target).filter(is_active=True).exclude(pk__in=already)
    notify(
        recipients=recipients,
        kind=NotificationKind.COMMENT,
        target=target,
        message=message_later(_("%(name)s commented on “%(target)s”."), name=name, target=target),
        actor=comment.author,
        url=url,
    )


def notify_when_published(sender, instance, created=False, raw=False, update_fields=None, **kw):
    """post_save hook: a comment that has just become public (a moderator approved or restored
    it) notifies followers on commit, once."""
    if raw or created or instance.followers_notified_at is not None or not instance.is_public:
        return
    if update_fields is not None and "moderation_state" not in update_fields:
        return
    pk = instance.pk
    transaction.on_commit(lambda: _notify_by_pk(pk))


def _notify_by_pk(pk):
    comment = Comment.objects.select_related("author", "parent").filter(pk=pk).first()
    if comment is not None:
        comment_notify(comment=comment)


def comment_edit(*, comment, editor, body):
    """Change a comment's text: only its author, only within 15 minutes of posting. Spam is
    refused and a body saved despite the personal-data warning is flagged."""
    if not getattr(editor, "is_authenticated", False) or comment.author_id != editor.pk:
        raise CommentRefused(
            _("You can only edit your own comments."), code="not_author", status=403
        )
    if comment.is_deleted:
        raise CommentRefused(_("This comment has been deleted."), code="deleted", status=409)
    if not comment.in_edit_window():
        raise CommentRefused(
            _(
                "Comments can only be edited for %(minutes)d minutes after posting. "
                "You can delete it and post a new one."
            )
            % {"minutes": int(EDIT_WINDOW.total_seconds() // 60)},
            code="edit_window_closed",
            status=403,
        )
    check_can_post(editor)
    target = comment.target
    if target is None or not targets.is_visible(target, user=editor, purpose=targets.COMMENT):
        raise CommentRefused(_("Comments are not open here."), code="not_found", status=404)
    body = clean_body(body)
    screening = _screen(editor, body, editing=comment)
    with transaction.atomic():
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at"])
        screening.record(comment)
    return comment


def comment_delete(*, comment, actor):
    """Delete a comment by its author or a moderator. The row stays as a placeholder
    ("삭제된 댓글입니다") so replies keep their context; the text itself is erased."""
    if not actor.has_perm("comments.remove_comment", comment):
        if comment.is_deleted:
            raise CommentRefused(
                _("This comment has already been deleted."), code="deleted", status=409
            )
        raise CommentRefused(
            _("You can only delete your own comments."), code="not_allowed", status=403
        )
    with transaction.atomic():
        updated = Comment.objects.filter(pk=comment.pk, deleted_at__isnull=True).update(
            deleted_at=timezone.now(), deleted_by=actor, body=""
        )
        if updated:
            target = comment.target
            if target is not None:
                counter_add(target, "comment_count", -1)
    comment.refresh_from_db()
    return comment
