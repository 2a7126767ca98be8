"""Moderation: the one query-level mechanism that keeps hidden and pending content out of public view.

Every kind of citizen content (problems, comments, ideas, ...) inherits ModeratedContent and gets
its manager from ModeratedQuerySet, so a public list is written `Model.objects.public()` and cannot
forget the rule. Authors still see their own hidden or pending items (`visible_to(user)`), marked.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.rules import user_is_moderator


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


# --- Reports, the queue, decisions and appeals ------------------------------------------------


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSIVE = "abusive", _("Abusive or offensive")
    PERSONAL_DATA = "personal_data", _("Exposes personal information")
    OFF_TOPIC = "off_topic", _("Does not belong here")
    OTHER = "other", _("Other")


class HideReason(models.Model):
    """A reusable reason moderators pick when hiding content (editable as a Wagtail snippet).

    The text is what the author reads in the notification and email, so write it kindly and say
    how to fix the problem."""

    title = models.CharField(_("title"), max_length=80)
    text = models.TextField(
        _("text shown to the author"),
        max_length=1000,
        help_text=_(
            "Sent to the author with the notification; say what was wrong and how to fix it."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("hide reason")
        verbose_name_plural = _("hide reasons")

    def __str__(self):
        return self.title


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    CLOSED = "closed", _("Done")


class ModerationCaseQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=CaseStatus.OPEN)

    def for_object(self, obj):
        ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
        return self.filter(content_type=ct, object_id=obj.pk)


class ModerationCase(models.Model):
    """One row per reported, pre-moderated or appealed item (content or a person): the queue.

    Reports, decisions and appeals hang off it, so the queue is one paginated query over this table
    whatever kind of content is involved. `open_report_count` counts distinct human reporters with
    an open report; it is kept exact with F() in the same transaction as the report row."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    open_report_count = models.PositiveIntegerField(_("open reports"), default=0)
    flagged_by_system = models.BooleanField(_("flagged automatically"), default=False)
    awaiting_approval = models.BooleanField(_("waiting for pre-moderation"), default=False)
    auto_hidden = models.BooleanField(_("hidden automatically"), default=False)
    has_open_appeal = models.BooleanField(_("appeal waiting"), default=False)
    waiting_since = models.DateTimeField(_("waiting since"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_cases",
    )

    objects = ModerationCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation cases")
        ordering = ["waiting_since"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="moderation_case_one_per_item"
            )
        ]
        indexes = [
            models.Index(fields=["status", "waiting_since"], name="moderation_case_queue"),
            models.Index(fields=["status", "content_type"], name="moderation_case_kind"),
        ]
        permissions = [("moderate_content", _("Can moderate citizen content and block people"))]

    def __str__(self):
        return self.title or self.audit_label

    @property
    def audit_label(self):
        """The case by its kind and id, without the content's text: what the audit log keeps once
        the author's account is deleted (soslab/moderation/personal_data.py)."""
        return f"{self.content_type.name} #{self.object_id}"

    @property
    def is_about_user(self):
        return self.content_type.model_class() is get_user_model()

    @property
    def waiting_for(self):
        return timezone.now() - self.waiting_since


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Report(models.Model):
    """A 신고: one person (or the system, reporter empty) says an item breaks the rules."""

    case = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    text = models.TextField(_("details"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at"]
        constraints = [
            # Once per reporter per item; system reports (reporter empty) are not limited here.
            models.UniqueConstraint(fields=["case", "reporter"], name="report_once_per_reporter")
        ]
        indexes = [models.Index(fields=["case", "status"], name="report_case_status")]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.case}"

    @property
    def is_system(self):
        return self.reporter_id is None


class DecisionAction(models.TextChoices):
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    EDIT = "edit", _("Edited")
    APPROVE = "approve", _("Approved")
    DISMISS = "dismiss", _("Reports dismissed")
    BLOCK = "block", _("Blocked")
    UNBLOCK = "unblock", _("Unblocked")
    APPEAL_REJECTED = "appeal_rejected", _("Appeal rejected")


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A decision is private: the author of the item it is about, and moderators."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user_is_moderator(user):
            return self
        return self.filter(case__author=user)


class Decision(models.Model):
    """What a moderator did and why: the author-facing record behind the notification, the email
    and the appeal link (Wagtail's audit log keeps the admin-facing history)."""

    case = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("action"), max_length=20, choices=DecisionAction.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("decided at"), default=timezone.now)
    told_at = models.DateTimeField(_("author told at"), null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["case", "-created_at"], name="decision_case_recent")]

    def __str__(self):
        return f"{self.get_action_display()} · {self.case}"

    def get_absolute_url(self):
        return reverse("moderation:decision", args=[self.pk])

    @property
    def can_be_appealed(self):
        return self.action in APPEALABLE_ACTIONS


APPEALABLE_ACTIONS = (DecisionAction.HIDE, DecisionAction.EDIT)


class ContentEdit(models.Model):
    """The original text of one field a moderator edited (FixMyStreet keeps the original too)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="edits")
    field_name = models.CharField(_("field"), max_length=60)
    original = models.TextField(_("original text"))
    edited = models.TextField(_("edited text"))

    class Meta:
        verbose_name = _("moderator edit")
        verbose_name_plural = _("moderator edits")

    def __str__(self):
        return f"{self.field_name} · {self.decision}"


class AppealStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    UPHELD = "upheld", _("Upheld: the decision was reversed")
    REJECTED = "rejected", _("Rejected: the decision stands")


class Appeal(models.Model):
    """An author's request to reconsider one decision. One per decision (a database constraint)."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="appeal")
    case = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="appeals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_appeals"
    )
    text = models.TextField(_("why should this be reconsidered?"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.OPEN
    )
    created_at = models.DateTimeField(_("appealed at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["case", "status"], name="appeal_case_status")]

    def __str__(self):
        return f"{self.author} · {self.decision}"
