"""Follows and in-site notifications, for any kind of target (problems, ideas, project pages...).

Targets are generic (content type + object id) so every app reuses the same two tables.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .messages import message_render


class NotificationKind(models.TextChoices):
    """Known kinds; apps may use other short codes too (the field is not restricted)."""

    COMMENT = "comment", _("New comment")
    REPLY = "reply", _("Reply to your comment")
    STATUS = "status", _("Status change")
    ANSWER = "answer", _("Official answer")
    MODERATION = "moderation", _("Moderation")
    THRESHOLD = "threshold", _("Support threshold reached")
    OTHER = "other", _("Other")


class Follow(models.Model):
    """A person follows a target and gets notified of what happens to it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("followed at"), default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="follow_unique_user_target"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]

    def __str__(self):
        return f"{self.user_id} → {self.content_type_id}:{self.object_id}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_list(self):
        return self.select_related("actor").order_by("-created_at", "-pk")


class Notification(models.Model):
    """Something happened that `recipient` should know about. Shown on /notifications/ and
    emailed as a digest (or at once, or never) following the recipient's email_frequency."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=30, default=NotificationKind.OTHER)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("content type"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # The text as written for the recipient, in their language at that time (what emails
    # send); with message_id it is rendered again in the reader's current language (text).
    message = models.CharField(_("message"), max_length=500)
    message_id = models.CharField(_("message id"), max_length=500, blank=True)
    message_params = models.JSONField(_("message parameters"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The list page and the header's unread count.
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_created"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notif_unread_by_recipient",
            ),
            # The digest task: everything not yet emailed, by recipient.
            models.Index(
                fields=["recipient", "created_at"],
                condition=models.Q(emailed_at__isnull=True),
                name="notif_unemailed_by_recipient",
            ),
        ]

    def __str__(self):
        return self.message

    @property
    def text(self):
        """The message in the active language (soslab.notifications.messages), else as stored."""
        return message_render(self.message_id, self.message_params) or self.message

    @property
    def is_read(self):
        return self.read_at is not None

    @property
    def kind_label(self):
        try:
            return NotificationKind(self.kind).label
        except ValueError:
            return NotificationKind.OTHER.label
