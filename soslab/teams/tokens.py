"""The secret tokens of invitation and guardian links: random (secrets.token_urlsafe), shown
once in the link, stored only as their SHA-256 hash so they cannot be derived from any id."""

import hashlib
import secrets

TOKEN_BYTES = 32  # 256 random bits, 43 URL-safe characters
TOKEN_MAX_LENGTH = 100


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def token_new():
    """A new token and its hash: (token, hash)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash_of_link(token):
    """The hash to look a link's token up by, or None when the token cannot be one of ours."""
    token = str(token or "")
    if 0 < len(token) <= TOKEN_MAX_LENGTH and token.isascii():
        return token_hash(token)
    return None
