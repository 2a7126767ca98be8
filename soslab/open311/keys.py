"""Open311 API keys: issue, revoke, authenticate (docs/open311.md).

A key is a random token shown once; only its SHA-256 is stored. Each key writes through its own
service account (a platform user with a verified placeholder address and no password), so every
rule for people applies to it: pre-moderation of a new account's first posts
(SOSLAB_PREMODERATE_FIRST_POSTS), blocking, spam and personal-data checks.
"""

import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from soslab.accounts.models import EmailFrequency, User

from .models import Open311Key

TOKEN_BYTES = 32


def key_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def key_issue(*, name, contact, rate_limit=60, service_codes=()):
    """Create a key and its service account. Returns (key, token); the token is never stored."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        user = User(
            username=f"open311-{slugify(name)[:40] or 'key'}-{secrets.token_hex(3)}",
            email=f"open311-{secrets.token_hex(6)}@open311.invalid",
            display_name=name[:40],
            email_frequency=EmailFrequency.OFF,
            privacy_accepted_at=timezone.now(),
        )
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        key = Open311Key.objects.create(
            name=name,
            contact=contact,
            rate_limit=rate_limit,
            allowed_service_codes=",".join(service_codes),
            key_hash=key_hash(token),
            prefix=token[:8],
            user=user,
        )
    return key, token


def key_revoke(*, key):
    """Revoke a key: it is refused from now on (403); its posts stay."""
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


def key_for_token(token):
    """The key with this token, revoked or not, or None."""
    if not token:
        return None
    return Open311Key.objects.select_related("user").filter(key_hash=key_hash(token)).first()
