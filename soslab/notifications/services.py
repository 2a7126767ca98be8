"""Follow and notify. Every app calls these; nothing else writes Follow or Notification rows."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from soslab.accounts.models import EmailFrequency
from soslab.accounts.permissions import check_can_post
from soslab.accounts.roles import MODERATORS
from soslab.core import targets
from soslab.core.mail import email_send
from soslab.core.outbox import enqueue
from soslab.core.targets import counter_add, target_content_type, target_url

from .messages import LaterMessage
from .messages import message_later as message_later  # callers import it with notify
from .models import Follow, Notification

logger = logging.getLogger(__name__)

# Digests list at most this many events in full; the rest are summarised with a link.
DIGEST_MAX_ITEMS = 50


# --- Follows ---------------------------------------------------------------------------------


def follow_add(*, user, target):
    """`user` asks to follow `target` (idempotent). Refused (PostingRefused) for people who may
    not write (blocked, unverified, anonymous); TargetNotFound unless `target` is registered for
    follows and visible to `user`. Returns True when a new follow was created."""
    check_can_post(user)
    targets.check_visible(target, user=user, purpose=targets.FOLLOW)
    return follow_subscribe(user=user, target=target)


def follow_subscribe(*, user, target):
    """The platform makes `user` follow `target` (idempotent): after their own post, support or
    comment, or when a duplicate's followers move to the original. The caller has already
    checked the person's own action; the target must be registered for follows. Returns True
    when a new follow was created."""
    if not targets.is_registered(target, targets.FOLLOW):
        raise targets.TargetNotFound(f"{type(target).__name__} cannot be followed")
    content_type = target_content_type(target)
    with transaction.atomic():
        try:
            with transaction.atomic():
                _follow, created = Follow.objects.get_or_create(
                    user=user, content_type=content_type, object_id=target.pk
                )
        except IntegrityError:  # a concurrent click created it first
            return False
        if created:
            counter_add(target, "follower_count", 1)
    return created


def follow_remove(*, user, target):
    """Stop `user` following `target` (idempotent). Returns True when a follow was removed."""
    content_type = target_content_type(target)
    with transaction.atomic():
        deleted, _details = Follow.objects.filter(
            user=user, content_type=content_type, object_id=target.pk
        ).delete()
        if deleted:
            counter_add(target, "follower_count", -deleted)
    return bool(deleted)


def is_following(user, target):
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(
        user=user, content_type=target_content_type(target), object_id=target.pk
    ).exists()


def followers_of(target):
    """The users following `target`, as a queryset."""
    return get_user_model().objects.filter(
        follows__content_type=target_content_type(target), follows__object_id=target.pk
    )


def follower_count(target):
    """The stored counter when the target has one, else a count query."""
    if hasattr(target, "follower_count") and isinstance(target.follower_count, int):
        return target.follower_count
    return Follow.objects.filter(
        content_type=target_content_type(target), object_id=target.pk
    ).count()


# --- Notifications ---------------------------------------------------------------------------


def in_language_of(person, message):
    """`message` written in `person`'s notification language: a callable (e.g.
    `lambda: _("%(name)s replied.") % {...}`) is called under that language; a plain string is
    taken as it is."""
    if not callable(message):
        return str(message)
    with translation.override(getattr(person, "preferred_language", "") or settings.LANGUAGE_CODE):
        return str(message())


def notify(*, recipients, kind, target, message, actor=None, url=None):
    """Create one in-site notification per recipient (bulk); the actor is never notified of their
    own action. `message` is a callable returning the translated text, called once per
    recipient in their preferred language (in_language_of), so each person reads it in theirs. Recipients who chose immediate email get one mail each, queued on commit.
    `url` defaults to the target's URL (pass a deeper link, e.g. to a comment). Returns the
    created notifications."""
    actor_pk = getattr(actor, "pk", None)
    unique = {}
    for person in recipients:
        if person.pk != actor_pk and person.is_active:
            unique[person.pk] = person
    if not unique:
        return []
    if target is not None and not targets.is_registered(target, targets.NOTIFY):
        raise targets.TargetNotFound(f"{type(target).__name__} is not a notification target")
    content_type = target_content_type(target) if target is not None else None
    if url is None:
        url = target_url(target) if target is not None else ""
    now = timezone.now()
    later = message if isinstance(message, LaterMessage) else None
    rows = [
        Notification(
            recipient=person,
            kind=kind,
            actor=actor if actor_pk else None,
            content_type=content_type,
            object_id=target.pk if target is not None else None,
            message=in_language_of(person, message)[:500],
            message_id=later.msgid if later else "",
            message_params=later.params if later else {},
            url=url[:500],
            created_at=now,
        )
        for person in unique.values()
    ]
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows)
        immediate = [
            row.pk
            for row in created
            if row.pk and unique[row.recipient_id].email_frequency == EmailFrequency.IMMEDIATE
        ]
        if immediate:
            for pk in immediate:
                enqueue("soslab.notifications.tasks.send_notification_email", pk)
    return created


def notify_followers(*, target, kind, message, actor=None):
    """Notify everyone following `target` (except the actor)."""
    return notify(
        recipients=followers_of(target).filter(is_active=True),
        kind=kind,
        target=target,
        message=message,
        actor=actor,
    )


def notify_staff(*, kind, target, message):
    """Notify every active staff member and moderator (e.g. a support threshold was crossed)."""
    staff = (
        get_user_model()
        .objects.filter(Q(is_staff=True) | Q(groups__name=MODERATORS), is_active=True)
        .distinct()
    )
    return notify(recipients=staff, kind=kind, target=target, message=message)


def unread_count(user):
    """How many of `user`'s notifications are unread: read from the request user's query when it
    was loaded there (soslab.accounts.request_user), else counted."""
    if not getattr(user, "is_authenticated", False):
        return 0
    loaded = getattr(user, "_unread_notifications", None)
    if loaded is not None:
        return loaded
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def _read(user, count):
    """Keep the loaded unread count of `user` true after `count` of theirs were marked read."""
    loaded = getattr(user, "_unread_notifications", None)
    if loaded is not None:
        user._unread_notifications = max(0, loaded - count)


def notification_mark_read(*, notification, user):
    """Mark one of `user`'s notifications read. Returns False if it is not theirs."""
    if notification.recipient_id != user.pk:
        return False
    if notification.read_at is None:
        notification.read_at = timezone.now()
        changed = Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
        _read(user, changed)
    return True


def notifications_mark_all_read(*, user):
    """Mark all of `user`'s notifications read; returns how many changed."""
    changed = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    _read(user, changed)
    return changed


# --- Email -----------------------------------------------------------------------------------


def _absolute(url):
    if not url:
        return settings.SITE_URL.rstrip("/") + "/notifications/"
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL.rstrip("/") + url


def _send(user, subject, template, context):
    context = {
        **context,
        "user": user,
        "site_url": settings.SITE_URL.rstrip("/"),
        "notifications_url": _absolute("/notifications/"),
        "preferences_url": _absolute("/accounts/profile/"),
    }
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    email_send(
        to=[user.email],
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=text,
        html=html,
    )


def _items(notifications):
    return [
        {"message": row.text, "url": _absolute(row.url), "created_at": row.created_at}
        for row in notifications
    ]


def notification_email_send(*, notification_id):
    """Email one notification to a recipient who chose immediate email. Idempotent: a
    notification already emailed is skipped; if sending fails nothing is marked, so a retry
    sends it once. Returns True when a mail was sent."""
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if row is None:
            return False
        user = row.recipient
        if user.email_frequency != EmailFrequency.IMMEDIATE or not user.is_active:
            return False
        # Claim first, then send: an SMTP error raises, the transaction rolls back, and the
        # notification stays un-emailed for the retry.
        Notification.objects.filter(pk=row.pk).update(emailed_at=timezone.now())
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            _send(user, row.text[:80], "notification", {"items": _items([row])})
    return True


def digest_recipient_ids():
    """Users with un-emailed notifications who asked for a daily digest."""
    return list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            recipient__email_frequency=EmailFrequency.DAILY,
            recipient__is_active=True,
        )
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )


def digest_send(*, user_id):
    """Send `user_id` ONE email listing all their un-emailed notifications and mark them emailed,
    in one transaction. Running it twice sends nothing the second time; an SMTP error rolls the
    marking back so the retry sends the same digest once. Returns how many events were listed."""
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(pk=user_id, is_active=True).first()
        if user is None or user.email_frequency != EmailFrequency.DAILY or not user.email:
            return 0
        pending = list(
            Notification.objects.select_for_update()
            .filter(recipient_id=user_id, emailed_at__isnull=True)
            .order_by("created_at", "pk")
        )
        if not pending:
            return 0
        Notification.objects.filter(pk__in=[row.pk for row in pending]).update(
            emailed_at=timezone.now()
        )
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            count = len(pending)
            subject = ngettext(
                "%(count)d new notification", "%(count)d new notifications", count
            ) % {"count": count}
            shown = pending[-DIGEST_MAX_ITEMS:]
            _send(
                user,
                subject,
                "digest",
                {
                    "items": _items(shown),
                    "count": count,
                    "more": count - len(shown),
                    "intro": _("Here is what happened on SOS Lab Jeonju since our last email."),
                },
            )
    return len(pending)
