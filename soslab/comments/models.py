"""Comments on any target (problems, ideas, project pages): one level of replies, plain text."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.core.targets import target_url
from soslab.moderation.models import ModeratedContent, ModeratedQuerySet

BODY_MAX_LENGTH = 2000
EDIT_WINDOW = timedelta(minutes=15)
# Top-level comments per page of a thread (replies follow their comment).
THREAD_PAGE_SIZE = 20
THREAD_PAGE_PARAM = "comments_page"


class CommentQuerySet(ModeratedQuerySet):
    def for_target(self, target):
        content_type = ContentType.objects.get_for_model(target, for_concrete_model=True)
        return self.filter(content_type=content_type, object_id=target.pk)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def in_thread_order(self):
        return self.select_related("author").order_by("created_at", "pk")


class Comment(ModeratedContent):
    """A comment by a citizen or staff member on a target. Deleting keeps a placeholder row so
    replies stay readable; staff comments are marked with the flag stored when posting."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(
        _("comment"),
        max_length=BODY_MAX_LENGTH,
        validators=[MinLengthValidator(1), MaxLengthValidator(BODY_MAX_LENGTH)],
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_staff_comment = models.BooleanField(_("staff comment"), default=False)
    # Followers are told about a comment once, when it first becomes public (at posting, or when
    # a moderator approves or restores it).
    followers_notified_at = models.DateTimeField(
        _("followers notified at"), null=True, blank=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            # A target's thread: top-level comments in order, then the replies of one page.
            models.Index(
                fields=["content_type", "object_id", "parent", "created_at"],
                name="comment_thread",
            ),
            models.Index(fields=["parent", "created_at"], name="comment_replies"),
            models.Index(fields=["author", "-created_at"], name="comment_author"),
        ]

    def __str__(self):
        return self.body[:60] if not self.is_deleted else str(_("This comment has been deleted."))

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def edit_deadline(self):
        return self.created_at + EDIT_WINDOW

    def in_edit_window(self, now=None):
        return (now or timezone.now()) <= self.edit_deadline

    def thread_page(self):
        """Which page of its thread this comment is on (one count query)."""
        top_pk = self.parent_id or self.pk
        top_created = self.parent.created_at if self.parent_id else self.created_at
        position = (
            Comment.objects.filter(
                content_type_id=self.content_type_id, object_id=self.object_id, parent__isnull=True
            )
            .filter(
                models.Q(created_at__lt=top_created)
                | models.Q(created_at=top_created, pk__lte=top_pk)
            )
            .count()
        )
        return max(1, (position - 1) // THREAD_PAGE_SIZE + 1)

    def get_absolute_url(self):
        """The target's page, on the right page of the thread, scrolled to this comment."""
        target = self.target
        base = target_url(target) if target is not None else ""
        page = self.thread_page()
        if page > 1:
            base += ("&" if "?" in base else "?") + f"{THREAD_PAGE_PARAM}={page}"
        return f"{base}#comment-{self.pk}"
