"""The guardian's online answer (PIPA): the request email and its reminders, the answer and
withdrawal links, consenting, refusing and withdrawing. The request itself is
soslab.teams.services.guardian_consent_request."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from soslab.core.mail import email_queue

from .models import (
    ConsentMethod,
    GuardianConsent,
    GuardianConsentRequest,
    GuardianLink,
    GuardianLinkPurpose,
    GuardianRequestState,
)
from .services import guardian_consent_record
from .tokens import token_hash_of_link, token_new

GUARDIAN_LINK_DAYS = 7  # an answer link works this long; each reminder brings a new one
GUARDIAN_REMINDER_DAYS = (3, 7)  # reminders after these many days while the request waits


class GuardianLinkRefused(Exception):
    """A guardian link is unknown (404), or expired or already answered (410)."""

    def __init__(self, message, *, code, status):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


def _guardian_link(request, purpose, days=None):
    token, hashed = token_new()
    GuardianLink.objects.create(
        request=request,
        purpose=purpose,
        token_hash=hashed,
        expires_at=timezone.now() + dt.timedelta(days=days) if days else None,
    )
    return token


def guardian_email_send(*, request_id, reminder=0):
    """Send the request email (reminder 0) or reminder 1 or 2, once each (idempotent: the
    reminder number is claimed with a conditional update first). New links in every email."""
    with transaction.atomic():
        request = (
            GuardianConsentRequest.objects.select_for_update()
            .select_related("user")
            .filter(pk=request_id)
            .first()
        )
        if request is None or not request.guardian_email:
            return False
        if reminder:
            if request.state != GuardianRequestState.PENDING:
                return False
            claimed = GuardianConsentRequest.objects.filter(
                pk=request.pk, reminders_sent=reminder - 1
            ).update(reminders_sent=reminder)
            if not claimed:
                return False
        elif request.links.filter(purpose=GuardianLinkPurpose.ANSWER).exists():
            return False  # the first email was already sent
        answer = _guardian_link(request, GuardianLinkPurpose.ANSWER, days=GUARDIAN_LINK_DAYS)
        withdraw = _guardian_link(request, GuardianLinkPurpose.WITHDRAW)
        site = settings.SITE_URL.rstrip("/")
        context = {
            "child": request.user,
            "reminder": reminder,
            "answer_url": site + reverse("teams:guardian_answer", kwargs={"token": answer}),
            "withdraw_url": site + reverse("teams:guardian_withdraw", kwargs={"token": withdraw}),
            "days": GUARDIAN_LINK_DAYS,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Consent needed for your child on SOS Lab Jeonju")
            if reminder:
                subject = _("Reminder: consent needed for your child on SOS Lab Jeonju")
            email_queue(  # leaves after commit, never from inside this locked transaction
                to=[request.guardian_email],
                subject=str(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX) + str(subject),
                body=render_to_string("teams/email/guardian_request.txt", context),
            )
    return True


def guardian_reminders_due(*, now=None):
    """(request id, reminder number) for every waiting request whose next reminder is due."""
    now = now or timezone.now()
    due = []
    for number, days in enumerate(GUARDIAN_REMINDER_DAYS, start=1):
        rows = GuardianConsentRequest.objects.filter(
            state=GuardianRequestState.PENDING,
            user__guardian_consent__isnull=True,  # staff recorded a paper consent meanwhile
            reminders_sent=number - 1,
            created_at__lte=now - dt.timedelta(days=days),
        ).values_list("pk", flat=True)
        due += [(pk, number) for pk in rows]
    return due


def guardian_link_open(token, *, purpose):
    """The GuardianLink a token opens for `purpose`, or GuardianLinkRefused."""
    hashed = token_hash_of_link(token)
    link = (
        GuardianLink.objects.select_related("request", "request__user")
        .filter(token_hash=hashed, purpose=purpose)
        .first()
        if hashed
        else None
    )
    if link is None:
        raise GuardianLinkRefused(
            _("This link is not valid. Please use the link in our latest email."),
            code="invalid",
            status=404,
        )
    if purpose == GuardianLinkPurpose.ANSWER:
        if link.request.state != GuardianRequestState.PENDING:
            raise GuardianLinkRefused(
                _("This request has already been answered. Thank you."), code="used", status=410
            )
        if link.expires_at and link.expires_at <= timezone.now():
            raise GuardianLinkRefused(
                _("This link has expired. Please use the link in our latest email."),
                code="expired",
                status=410,
            )
    return link


def guardian_answer(*, link, consent, guardian_name, relationship, ip_address, user_agent):
    """The guardian consents or refuses through their link; who, when and from where is kept.
    Consenting records the GuardianConsent (method: online) that lifts the restrictions."""
    now = timezone.now()
    with transaction.atomic():
        request = GuardianConsentRequest.objects.select_for_update().get(pk=link.request_id)
        if request.state != GuardianRequestState.PENDING:
            raise GuardianLinkRefused(
                _("This request has already been answered. Thank you."), code="used", status=410
            )
        request.state = GuardianRequestState.CONSENTED if consent else GuardianRequestState.REFUSED
        request.answered_at = now
        request.guardian_name = guardian_name
        request.relationship = relationship
        request.ip_address = ip_address or None
        request.user_agent = (user_agent or "")[:300]
        request.save()
        if consent:
            guardian_consent_record(
                user=request.user,
                guardian_name=guardian_name,
                guardian_contact=request.guardian_email,
                method=ConsentMethod.ONLINE,
                given_at=now,
                recorded_by=None,
                note=_("Given online"),
            )
            GuardianConsent.objects.filter(user=request.user).update(
                relationship=relationship,
                ip_address=request.ip_address,
                user_agent=request.user_agent,
            )
    return request


def guardian_withdraw(*, link):
    """The guardian withdraws consent (or the waiting request): the consent record goes and
    today's restrictions on the child apply again at once."""
    with transaction.atomic():
        request = GuardianConsentRequest.objects.select_for_update().get(pk=link.request_id)
        if request.state == GuardianRequestState.WITHDRAWN:
            return request
        request.state = GuardianRequestState.WITHDRAWN
        request.withdrawn_at = timezone.now()
        request.save(update_fields=["state", "withdrawn_at"])
        for consent in GuardianConsent.objects.filter(user_id=request.user_id):
            consent.delete()  # post_delete: the team editor groups are synced
    return request
