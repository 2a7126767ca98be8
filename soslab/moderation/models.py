"""Moderation: the one query-level mechanism that keeps hidden and pending content out of public view.

Every kind of citizen content (problems, comments, ideas, ...) inherits ModeratedContent and gets
its manager from ModeratedQuerySet, so a public list is written `Model.objects.public()` and cannot
forget the rule. Authors still see their own hidden or pending items (`visible_to(user)`), marked.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationState(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for review")
    HIDDEN = "hidden", _("Hidden")


class ModeratedQuerySet(models.QuerySet):
    def public(self):
        """What anyone may see: published, not hidden, not waiting for review."""
        return self.filter(moderation_state=ModerationState.PUBLISHED)

    def visible_to(self, user):
        """Public items plus the user's own items in any state; moderators see everything."""
        if user.is_authenticated and user_is_moderator(user):
            return self
        if user.is_authenticated:
            return self.filter(
                models.Q(moderation_state=ModerationState.PUBLISHED) | models.Q(author=user)
            )
        return self.public()


class ModeratedContent(models.Model):
    """Abstract base for anything a person posts. Subclasses must have an `author` FK to the user."""

    moderation_state = models.CharField(
        _("moderation state"),
        max_length=10,
        choices=ModerationState.choices,
        default=ModerationState.PUBLISHED,
        db_index=True,
    )
    moderation_reason = models.CharField(_("moderation reason"), max_length=1000, blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.moderation_state == ModerationState.PUBLISHED

    @property
    def is_hidden(self):
        return self.moderation_state == ModerationState.HIDDEN

    @property
    def is_pending(self):
        return self.moderation_state == ModerationState.PENDING


def user_is_moderator(user):
    """Staff and members of the Moderators group."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    cached = getattr(user, "_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name="Moderators").exists()
        user._is_moderator = cached
    return cached
