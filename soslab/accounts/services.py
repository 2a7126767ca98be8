"""Account writes a person makes about themselves. Views call these; nothing else repeats them."""

import datetime as dt
import hashlib
import io
import json
import logging
import secrets
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from soslab.core.mail import email_queue
from soslab.core.outbox import enqueue

from .export_data import person_data
from .models import DataExport, EmailFrequency, PolicyAcceptance, PolicyVersion
from .permissions import check_can_post
from .personal_data import handlers

logger = logging.getLogger(__name__)


def profile_update(
    *, user, display_name, email_frequency, activity_hidden=None, preferred_language=None
):
    """Save a person's own profile. The display name is public (shown next to everything they
    posted), so changing it is a write like posting: refused (PostingRefused) for people who may
    not post (blocked, unverified). Email preferences are private and always theirs to change,
    so a blocked person can still turn notification emails off or change the language of
    their notifications; so is hiding
    one's activity list from the public profile."""
    display_name = (display_name or "").strip()
    fields = []
    if display_name != user.display_name:
        check_can_post(user)
        user.display_name = display_name
        fields.append("display_name")
    if email_frequency != user.email_frequency:
        user.email_frequency = email_frequency
        fields.append("email_frequency")
    if preferred_language and preferred_language != user.preferred_language:
        user.preferred_language = preferred_language
        fields.append("preferred_language")
    if activity_hidden is not None and activity_hidden != user.activity_hidden:
        user.activity_hidden = activity_hidden
        fields.append("activity_hidden")
    if fields:
        with transaction.atomic():
            user.save(update_fields=fields)
    return user


def preferred_language_set(*, user, language):
    """The language of `user`'s notifications (one of settings.LANGUAGES; others are ignored)."""
    if language in dict(settings.LANGUAGES) and language != user.preferred_language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def policy_accept(*, user, version=None):
    """Record that `user` accepts `version` (default: the one in force) of the privacy policy.
    Keeps every earlier acceptance; accepting the same version twice changes nothing. Allowed to
    anyone signed in, blocked or not: consenting is not posting. Returns the acceptance or None
    when no version is published yet."""
    version = version or PolicyVersion.objects.current()
    if version is None:
        return None
    with transaction.atomic():
        acceptance, _created = PolicyAcceptance.objects.get_or_create(
            user=user, version=version, defaults={"accepted_at": timezone.now()}
        )
        if user.privacy_accepted_at is None or acceptance.accepted_at > user.privacy_accepted_at:
            user.privacy_accepted_at = acceptance.accepted_at
            user.save(update_fields=["privacy_accepted_at"])
    user.__dict__.pop("_needs_policy_consent", None)
    return acceptance


# --- Account deletion ----------------------------------------------------------------------------


def contributions_always_deleted(user):
    """Minors (under 19: both the under-14 and the 14-18 age bands) cannot keep their public
    contributions under a former-member name: what a child posted is removed with the account."""
    return user.is_minor


def _sessions_end(user):
    """End every session of `user` (the session table has no user column): through the session
    engine's store, so a cached copy (cached_db) goes with the row."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.sessions.models import Session

    store = import_module(settings.SESSION_ENGINE).SessionStore
    key = str(user.pk)
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == key:
            store(session_key=session.session_key).delete()


def _log_entries_anonymise(user):
    """Wagtail's audit log keeps what happened, never who the person was: entries about the
    person lose their label and data; entries the person made keep the (now anonymous) account."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).update(label=str(_("Former member")), data={})


def account_delete(*, user, keep_contributions=False, actor=None):
    """Erase a person's personal data at once and close the account.

    The user row stays as an anonymous tombstone (no email, name, password, sessions or
    addresses), so votes and supports stay counted: their rows point at a row that says nothing
    about anyone, and no counter is decremented. Public problems, ideas and comments are deleted,
    or kept under "Former member" when the person chooses it and is an adult. Everything that was
    only about the person (follows, notifications, team memberships and requests, guardian
    consent, data exports, allauth addresses and social accounts) is deleted: each app erases
    its own part through the personal-data registry. `actor` is the staff member acting on a
    request (None when the person does it)."""
    keep = keep_contributions and not contributions_always_deleted(user)
    with transaction.atomic():
        for handler in handlers():
            if handler.erase is not None:
                handler.erase(user, keep=keep)
        for export in user.data_exports.all():
            data_export_discard(export=export)
        _account_traces_delete(user)
        _user_anonymise(user)
    logger.info("account %s deleted (by %s)", user.pk, "self" if actor is None else actor.pk)
    return user


def _account_traces_delete(user):
    """allauth's addresses and social accounts, Wagtail's profile and audit log, sessions."""
    from allauth.account.models import EmailAddress
    from wagtail.users.models import UserProfile

    EmailAddress.objects.filter(user=user).delete()
    _social_delete(user)
    UserProfile.objects.filter(user=user).delete()
    _log_entries_anonymise(user)
    _sessions_end(user)


def _user_anonymise(user):
    """The account row becomes a tombstone that says nothing about anyone."""
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.username = f"deleted-{user.pk}"
    user.display_name = ""
    user.first_name = ""
    user.last_name = ""
    user.block_reason = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.email_frequency = EmailFrequency.OFF
    user.last_login = None
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _social_delete(user):
    """allauth's social accounts, when that app is installed (their extra_data is personal)."""
    from django.apps import apps

    if apps.is_installed("allauth.socialaccount"):
        from allauth.socialaccount.models import SocialAccount

        SocialAccount.objects.filter(user=user).delete()


# --- Data export ---------------------------------------------------------------------------------

EXPORT_DAYS = 7
EXPORT_TOKEN_BYTES = 32
EXPORT_TOKEN_MAX_LENGTH = 100


class ExportNotFound(LookupError):
    """The link is unknown, expired, not ready, or not the signed-in person's: views answer 404."""


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def data_export_path(token):
    return reverse("accounts:export_download", kwargs={"token": token})


def data_export_request(*, user):
    """Ask for a ZIP of everything about `user`. Returns (export, token): the token is random,
    stored only as its SHA-256 hash and shown once (the background task emails the link). The
    ZIP is built by `build_data_export` through the outbox and stays downloadable EXPORT_DAYS."""

    token = secrets.token_urlsafe(EXPORT_TOKEN_BYTES)
    with transaction.atomic():
        export = DataExport.objects.create(
            user=user,
            token_hash=_token_hash(token),
            expires_at=timezone.now() + dt.timedelta(days=EXPORT_DAYS),
        )
        enqueue("soslab.accounts.tasks.build_data_export", export.pk, token)
    return export, token


def data_export_build(*, export_id, token=""):
    """Build the ZIP (data.json and the person's photos) into private storage and email the
    link (idempotent: a ready export is left as it is). Returns True when it built one."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.is_ready or export.is_expired:
        return False
    data, photos = person_data(export.user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        )
        for name, field in photos:
            try:
                with field.open("rb") as handle:
                    archive.writestr(name, handle.read())
            except (FileNotFoundError, OSError, ValueError):
                logger.warning("export %s: photo %s missing", export.pk, name)
    export.file.save(f"{secrets.token_hex(16)}.zip", ContentFile(buffer.getvalue()), save=False)
    export.ready_at = timezone.now()
    export.save(update_fields=["file", "ready_at"])
    if token and export.user.email:
        url = settings.SITE_URL.rstrip("/") + data_export_path(token)
        context = {"person": export.user, "url": url, "expires_at": export.expires_at}
        with translation.override(settings.LANGUAGE_CODE):
            email_queue(
                to=[export.user.email],
                subject=str(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
                + str(_("Your data export is ready")),
                body=render_to_string("accounts/email/export_ready.txt", context),
            )
    return True


def data_export_for(*, token, user=None):
    """The ready, unexpired export a token opens, else ExportNotFound. With `user`, only that
    person's export (the download view always passes the signed-in person)."""
    token = str(token or "")
    if not (0 < len(token) <= EXPORT_TOKEN_MAX_LENGTH and token.isascii()):
        raise ExportNotFound(token)
    exports = DataExport.objects.filter(token_hash=_token_hash(token))
    if user is not None:
        exports = exports.filter(user_id=user.pk)
    export = exports.first()
    if export is None or not export.is_ready or export.is_expired:
        raise ExportNotFound(token)
    return export


def data_export_discard(*, export):
    """Delete an export and its file."""
    if export.file:
        export.file.delete(save=False)
    export.delete()


def data_exports_purge(*, now=None):
    """Delete expired exports and their files (beat task). Returns how many went."""
    now = now or timezone.now()
    expired = list(DataExport.objects.filter(expires_at__lte=now))
    for export in expired:
        data_export_discard(export=export)
    return len(expired)
