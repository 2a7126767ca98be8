"""At sign-in, tell a person who has not accepted the privacy policy version in force where to do
it (the posting check refuses them until then)."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _


@receiver(user_logged_in, dispatch_uid="accounts_policy_consent_notice")
def policy_consent_notice(sender, request, user, **kwargs):
    if request is None or not user.needs_policy_consent:
        return
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _(
                "Our privacy policy has changed. Please read the new version and accept it before you post again."
            ),
            reverse("accounts:consent"),
            _("Read and accept the privacy policy"),
        ),
        fail_silently=True,
    )
