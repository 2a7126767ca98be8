"""Open311 API keys and the requests posted with them (docs/open311.md). The tables keep their
names from when these models lived in geo (geo_open311key, geo_open311submission)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Open311KeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class Open311Key(models.Model):
    """An API key for posting Open311 requests (docs/open311.md). Only the SHA-256 of the token
    is stored; the token is shown once, when the key is issued (soslab.open311.keys.key_issue).
    Requests posted with a key are written by its own service account (`user`), so a new key's
    first posts are pre-moderated like a new account's."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    contact = models.CharField(_("contact"), max_length=200)
    rate_limit = models.PositiveIntegerField(
        _("requests per hour"), default=60, help_text=_("Posted requests per hour.")
    )
    allowed_service_codes = models.CharField(
        _("allowed service codes"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated service codes; empty means every service."),
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("key starts with"), max_length=8, editable=False)
    user = models.OneToOneField(
        "accounts.User",
        verbose_name=_("service account"),
        on_delete=models.PROTECT,
        related_name="open311_key",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    objects = Open311KeyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        db_table = "geo_open311key"

    def __str__(self):
        return self.name

    @property
    def service_codes(self):
        return [code.strip() for code in self.allowed_service_codes.split(",") if code.strip()]


class Open311Submission(models.Model):
    """A request posted through Open311: its key and the token the client can resolve to the
    request id once it is published."""

    key = models.ForeignKey(Open311Key, on_delete=models.PROTECT, related_name="submissions")
    problem = models.OneToOneField(
        "problems.Problem", on_delete=models.CASCADE, related_name="open311_submission"
    )
    token = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        db_table = "geo_open311submission"

    def __str__(self):
        return f"{self.key} → {self.problem_id}"
