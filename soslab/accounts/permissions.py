"""Who may write. Every posting view, API endpoint and service asks here, so the rules live once."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from soslab.core.dates import format_when


class PostingRefused(Exception):
    """Raised by services when a person may not write; carries the translated reason."""

    def __init__(self, message, *, code, status=403, action_url="", action_label=""):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status
        # Where the person can fix it (the re-consent page), shown as a link with the message.
        self.action_url = action_url
        self.action_label = action_label


def posting_refusal(user):
    """Return a PostingRefused describing why `user` may not post now, or None if they may:
    signed in, email verified, not blocked, the privacy policy in force accepted."""
    if not user.is_authenticated:
        return PostingRefused(_("Please log in to take part."), code="login_required", status=401)
    if not user.has_verified_email:
        return PostingRefused(
            _(
                "Please verify your email address first. We have sent you a link; you can read everything meanwhile."
            ),
            code="email_unverified",
        )
    if user.is_blocked:
        return PostingRefused(
            _("Your account is blocked from posting until %(date)s.")
            % {"date": format_when(user.blocked_until)},
            code="blocked",
        )
    if user.needs_policy_consent:
        return PostingRefused(
            _(
                "Our privacy policy has changed. Please read the new version and accept it before you post again."
            ),
            code="consent_required",
            action_url=reverse("accounts:consent"),
            action_label=_("Read and accept the privacy policy"),
        )
    return None


def check_can_post(user):
    """Raise PostingRefused unless `user` may post."""
    refusal = posting_refusal(user)
    if refusal is not None:
        raise refusal
