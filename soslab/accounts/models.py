"""People. A custom user from the first migration so later issues can add to it freely."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_14 = "under14", _("Under 14")
    TEEN = "14to18", _("14 to 18")
    ADULT = "adult", _("Adult (19 or older)")


class EmailFrequency(models.TextChoices):
    """How often someone wants email about their notifications (they always see them on the site)."""

    DAILY = "daily", _("A daily digest")
    IMMEDIATE = "immediate", _("Right away, one email per notification")
    OFF = "off", _("Never: only on the site")


class SoslabUserManager(UserManager):
    """Email is the login; `username` is kept (Wagtail's admin expects it) and derived from it."""

    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email)
        username = username or email
        return super()._create_user(username, email, password, **extra_fields)

    def create_user(self, username=None, email=None, password=None, **extra_fields):
        return super().create_user(username, email, password, **extra_fields)

    def create_superuser(self, username=None, email=None, password=None, **extra_fields):
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person using the platform: citizen, youth maker, mentor, moderator or staff."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=40,
        help_text=_(
            "Shown publicly next to what you post. Do not use your full real name if you are a minor."
        ),
    )
    age_band = models.CharField(
        _("age band"), max_length=8, choices=AgeBand.choices, default=AgeBand.ADULT
    )
    privacy_accepted_at = models.DateTimeField(
        _("privacy notice accepted at"), null=True, blank=True
    )
    is_resident = models.BooleanField(
        _("confirmed Jeonju resident"),
        default=False,
        help_text=_("Set by staff. Some lab rounds only let confirmed residents vote."),
    )
    blocked_until = models.DateTimeField(_("blocked until"), null=True, blank=True, db_index=True)
    block_reason = models.CharField(_("block reason"), max_length=500, blank=True)
    email_frequency = models.CharField(
        _("notification emails"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.DAILY,
        db_index=True,
        help_text=_("Notifications always appear on the site; choose how often we also email you."),
    )

    preferred_language = models.CharField(
        _("language of notifications"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="ko",
        help_text=_("Notifications on the site and by email are written in this language."),
    )

    activity_hidden = models.BooleanField(
        _("hide my activity on my public profile"),
        default=False,
        help_text=_(
            "Your public profile then shows only your display name and when you joined. "
            "Your posts stay visible where you posted them."
        ),
    )
    deleted_at = models.DateTimeField(
        _("account deleted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the person deleted their account; the row keeps nothing personal."),
    )

    objects = SoslabUserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return str(self.public_name)

    @property
    def public_name(self):
        if self.deleted_at:
            return _("Former member")
        return self.display_name or _("Resident")

    @property
    def is_minor(self):
        return self.age_band != AgeBand.ADULT

    @property
    def needs_guardian_consent(self):
        """Under-14s need a guardian's recorded consent (Korean PIPA art. 22-2) before publishing."""
        return self.age_band == AgeBand.UNDER_14

    @property
    def is_blocked(self):
        return bool(self.blocked_until and self.blocked_until > timezone.now())

    @property
    def needs_policy_consent(self):
        """True when a privacy policy version is in force that this person has not accepted.
        One query, cached on the instance for one request (the posting check asks it)."""
        if not hasattr(self, "_needs_policy_consent"):
            self._needs_policy_consent = PolicyVersion.objects.needs_consent(self)
        return self._needs_policy_consent

    @property
    def has_verified_email(self):
        # allauth keeps verification per address; cached on the instance for one request.
        if not hasattr(self, "_verified_email"):
            from allauth.account.models import EmailAddress

            self._verified_email = EmailAddress.objects.filter(user=self, verified=True).exists()
        return self._verified_email


class PolicyVersionQuerySet(models.QuerySet):
    def in_force(self, now=None):
        return self.filter(effective_at__lte=now or timezone.now()).order_by("-effective_at", "-pk")

    def current(self):
        """The version in force now, or None before staff publish the first one."""
        return self.in_force().first()

    def needs_consent(self, user):
        """Whether a version is in force and `user` has not accepted it (one query)."""
        row = (
            self.in_force()
            .annotate(
                accepted=models.Exists(
                    PolicyAcceptance.objects.filter(user=user, version=models.OuterRef("pk"))
                )
            )
            .values_list("accepted", flat=True)
            .first()
        )
        return row is False


class PolicyVersion(models.Model):
    """A version of the privacy policy people consent to. Staff add one when a changed policy
    takes effect (docs/privacy.md); from its `effective_at` everyone must accept it again before
    posting. The text itself is the /privacy/ page."""

    version = models.CharField(
        _("version"), max_length=20, unique=True, help_text=_("For example 2026-1.")
    )
    effective_at = models.DateTimeField(
        _("in force from"),
        default=timezone.now,
        db_index=True,
        help_text=_("From this moment people must accept this version before they can post."),
    )
    changes = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("Plain text shown to people when they are asked to accept this version."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")
        ordering = ["-effective_at", "-pk"]

    def __str__(self):
        return self.version


class PolicyAcceptance(models.Model):
    """One person's acceptance of one policy version: the consent history (never updated)."""

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="policy_acceptances",
    )
    version = models.ForeignKey(
        PolicyVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="acceptances",
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("privacy policy acceptance")
        verbose_name_plural = _("privacy policy acceptances")
        ordering = ["-accepted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "version"], name="accounts_policy_acceptance_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.version}"


def _export_storage():
    from soslab.core.media import private_storage

    return private_storage()


class DataExport(models.Model):
    """A ZIP of everything the platform holds about one person, built in the background.

    The download link carries a random secret shown once (in the email and on the page that asked
    for it) and stored only as its SHA-256 hash; it works only for the owner, signed in, until
    `expires_at`. The file lives in private storage and is served only by the download view."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    file = models.FileField(
        _("file"), storage=_export_storage, upload_to="exports/", blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.user_id} · {self.requested_at:%Y-%m-%d}"

    @property
    def is_ready(self):
        return bool(self.ready_at and self.file)

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()
