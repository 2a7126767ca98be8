"""Guardian consent for under-14 members (PIPA): the recorded consent, and the online request
with its answer and withdrawal links."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentMethod(models.TextChoices):
    PAPER = "paper", _("Signed paper form")
    ONLINE = "online", _("Online form with identity check")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")


class GuardianConsent(models.Model):
    """Recorded consent of a legal guardian (법정대리인 동의) for a member under 14 (PIPA art. 22-2).

    Recorded by staff; until it exists the child is not shown publicly and cannot publish."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("young member"),
        on_delete=models.CASCADE,
        related_name="guardian_consent",
    )
    guardian_name = models.CharField(_("guardian name"), max_length=60)
    guardian_contact = models.CharField(
        _("guardian contact"), max_length=120, help_text=_("Phone number or email address.")
    )
    method = models.CharField(_("how consent was given"), max_length=10, choices=ConsentMethod)
    given_at = models.DateTimeField(_("when consent was given"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)
    relationship = models.CharField(_("relationship to the member"), max_length=40, blank=True)
    ip_address = models.GenericIPAddressField(_("given from (IP address)"), null=True, blank=True)
    user_agent = models.CharField(_("given from (browser)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("guardian consent")
        verbose_name_plural = _("guardian consents")

    def __str__(self):
        return f"{self.user} · {self.guardian_name}"


class GuardianRequestState(models.TextChoices):
    PENDING = "pending", _("Waiting for the guardian")
    CONSENTED = "consented", _("Guardian consented")
    REFUSED = "refused", _("Guardian refused")
    WITHDRAWN = "withdrawn", _("Guardian withdrew consent")


class GuardianConsentRequest(models.Model):
    """An online request to a guardian for an under-14 member's consent (sent by email).

    Every email to the guardian carries two links (GuardianLink): one to answer, which expires,
    and one to withdraw consent at any time. Reminders go after 3 and 7 days while it waits."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("young member"),
        on_delete=models.CASCADE,
        related_name="guardian_requests",
    )
    guardian_email = models.EmailField(_("guardian email"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=GuardianRequestState.choices,
        default=GuardianRequestState.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    guardian_name = models.CharField(_("guardian name"), max_length=60, blank=True)
    relationship = models.CharField(_("relationship to the member"), max_length=40, blank=True)
    ip_address = models.GenericIPAddressField(
        _("answered from (IP address)"), null=True, blank=True
    )
    user_agent = models.CharField(_("answered from (browser)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("guardian consent request")
        verbose_name_plural = _("guardian consent requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} · {self.get_state_display()}"


class GuardianLinkPurpose(models.TextChoices):
    ANSWER = "answer", _("Answer the request")
    WITHDRAW = "withdraw", _("Withdraw consent")


class GuardianLink(models.Model):
    """One secret link in one email to a guardian, stored only as the SHA-256 hash of its token.
    Answer links expire; withdrawal links do not (consent can be withdrawn at any time)."""

    request = models.ForeignKey(
        GuardianConsentRequest, on_delete=models.CASCADE, related_name="links"
    )
    purpose = models.CharField(max_length=10, choices=GuardianLinkPurpose.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("guardian link")
        verbose_name_plural = _("guardian links")

    def __str__(self):
        return f"{self.request_id} · {self.purpose}"
