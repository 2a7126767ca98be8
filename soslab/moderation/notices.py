"""Telling the person concerned: an in-site notification, and for decisions an email with the
reason and the appeal link, queued through soslab.core.mail (it leaves after commit, retried)."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from soslab.core.mail import email_queue
from soslab.notifications.services import message_later, notify

from .models import Decision, DecisionAction

_DECISION_MESSAGES = {
    DecisionAction.HIDE: _("Your post “%(title)s” has been hidden by a moderator."),
    DecisionAction.RESTORE: _("Your post “%(title)s” is visible again."),
    DecisionAction.EDIT: _("A moderator edited your post “%(title)s”."),
    DecisionAction.APPROVE: _("Your post “%(title)s” has been approved and is now public."),
    DecisionAction.DISMISS: _("Your post “%(title)s” is visible again."),
    DecisionAction.BLOCK: _("Your account has been blocked from posting."),
    DecisionAction.UNBLOCK: _("Your account can post again."),
    DecisionAction.APPEAL_REJECTED: _(
        "Your appeal about “%(title)s” was reviewed: the decision stands."
    ),
}


def decision_tell_author(*, decision):
    """Tell the person concerned about `decision`: an in-site notification and an email with the
    reason and, for hide and edit decisions, the link to appeal once. Idempotent (told_at)."""
    with transaction.atomic():
        decision = (
            Decision.objects.select_for_update(of=("self",))
            .select_related("case", "case__author", "moderator")
            .get(pk=decision.pk)
        )
        recipient = decision.case.author
        if decision.told_at is not None or recipient is None:
            return False

        message = message_later(_DECISION_MESSAGES[decision.action], title=decision.case.title)

        notify(
            recipients=[recipient],
            kind="moderation",
            target=decision,
            message=message,
            actor=decision.moderator,
        )
        url = settings.SITE_URL.rstrip("/") + decision.get_absolute_url()
        if recipient.email:
            with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
                text = message()
                context = {"decision": decision, "message": text, "url": url, "person": recipient}
                email_queue(
                    to=[recipient.email],
                    subject=str(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX) + text,
                    body=render_to_string("moderation/email/decision.txt", context),
                )
        decision.told_at = timezone.now()
        decision.save(update_fields=["told_at"])
    return True


def case_tell_auto_hidden(*, case):
    """Tell the author that their item is hidden while moderators review the reports."""
    if case.author is None:
        return
    notify(
        recipients=[case.author],
        kind="moderation",
        target=None,
        message=message_later(
            _(
                "Your post “%(title)s” received several reports and is hidden until a moderator reviews it."
            ),
            title=case.title,
        ),
    )
