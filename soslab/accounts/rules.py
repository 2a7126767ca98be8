"""The shared predicates every app's `rules.py` builds on: who is staff, who moderates, who may
post. Each is written once, here; apps combine them with their own object predicates, register
the result with `rules.add_perm`, and views, services and templates ask only through
`user.has_perm(...)` / `{% has_perm %}` (docs/permissions.md).
"""

import rules

from soslab.accounts.permissions import posting_refusal
from soslab.accounts.roles import MODERATORS


def user_is_staff(user):
    """Staff: `is_staff` or superuser, signed in and active. The one definition of "staff"."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_superuser)
    )


def user_is_moderator(user):
    """Staff and members of the project's moderators group (`roles.MODERATORS`)."""
    if user is None or not user.is_authenticated:
        return False
    if user_is_staff(user):
        return True
    cached = getattr(user, "_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name=MODERATORS).exists()
        user._is_moderator = cached
    return cached


def user_may_access_admin(user):
    """Whether `user` may open Wagtail's admin (`wagtailadmin.access_admin`, their own or a
    group's permission, or superuser). Read from the request user's query when it was loaded there
    (soslab.accounts.request_user), else asked of the permission backends (two queries)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    loaded = getattr(user, "_may_access_admin", None)
    if loaded is not None:
        return bool(loaded)
    return user.has_perm("wagtailadmin.access_admin")


@rules.predicate
def is_staff(user):
    return user_is_staff(user)


@rules.predicate
def is_moderator(user):
    return user_is_moderator(user)


@rules.predicate
def may_post(user):
    return posting_refusal(user) is None


@rules.predicate
def holds_delete_user(user):
    """Django's model permission "delete user" (superusers hold every permission)."""
    return user.has_perm("accounts.delete_user")


# Deleting an account on the person's request: staff who hold Django's "delete user" permission.
rules.add_perm("accounts.delete_account", is_staff & holds_delete_user)
