"""The signed-in person of a request in one query, with the facts every page's header needs.

Each page a signed-in person sees asks three things besides the page itself: may they use the
editing bar (Wagtail's `wagtailadmin.access_admin`, via their own or a group's permission), are
they a moderator, and how many unread notifications wait for them. Asked one by one that is four
queries (two for the permission, one for the group, one count) on top of the session and the
user: on a cached list page they were most of the work. Here they are subqueries of the query
that loads the user (the authentication backends' `get_user`), stored as attributes:

    _may_access_admin   bool   (soslab.accounts.rules.user_may_access_admin reads it)
    _is_moderator       bool   (soslab.accounts.rules.user_is_moderator reads it)
    _unread_notifications int  (registered by soslab.notifications; its services keep it
                                current when the person reads notifications in that request)

Other apps add theirs with `register(name, expression)` from their AppConfig.ready(); accounts
never imports them. A user loaded any other way (a test's factory, a view's own query) has none
of the attributes and every reader falls back to its own query."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from soslab.accounts.roles import MODERATORS

_ANNOTATIONS = {}


def register(name, expression):
    """Add `name` (an attribute starting with "_") computed by `expression` (a callable returning
    a query expression over the user, e.g. a Subquery with OuterRef("pk")) to the user query."""
    if not name.startswith("_"):
        raise ValueError("request-user annotations are private attributes: start with '_'")
    _ANNOTATIONS[name] = expression


def _may_access_admin():
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    User = get_user_model()
    by_user = User.user_permissions.through.objects.filter(
        user_id=OuterRef("pk"), permission__in=access_admin
    )
    by_group = Group.permissions.through.objects.filter(
        permission__in=access_admin, group__user=OuterRef("pk")
    )
    return ExpressionWrapper(
        Q(is_superuser=True) | Exists(by_user) | Exists(by_group), output_field=BooleanField()
    )


def _is_moderator():
    return Exists(Group.objects.filter(user=OuterRef("pk"), name=MODERATORS))


register("_may_access_admin", _may_access_admin)
register("_is_moderator", _is_moderator)


_SENTINEL = -7_151_917  # stands for the user id while the SQL is compiled
_compiled = {}


def _sql(alias):
    """The user query's SQL and parameters, compiled once per process and database: building
    the subqueries through the ORM cost 7 ms a request, the query itself 0.2 ms."""
    key = (alias, tuple(_ANNOTATIONS))
    if key not in _compiled:
        User = get_user_model()
        expressions = {name: make() for name, make in _ANNOTATIONS.items()}
        query = User._default_manager.using(alias).annotate(**expressions).filter(pk=_SENTINEL)
        sql, params = query.query.sql_with_params()
        if list(params).count(_SENTINEL) != 1:
            raise RuntimeError("the user id must appear once in the compiled user query")
        _compiled[key] = (sql, tuple(params))
    return _compiled[key]


def load(user_id, alias=DEFAULT_DB_ALIAS):
    """The user with primary key `user_id` and every registered attribute, or None."""
    User = get_user_model()
    sql, params = _sql(alias)
    params = [user_id if value == _SENTINEL else value for value in params]
    user = next(iter(User._default_manager.db_manager(alias).raw(sql, params)), None)
    if user is not None:
        for name in ("_may_access_admin", "_is_moderator"):
            setattr(user, name, bool(getattr(user, name)))  # SQLite answers 0/1
    return user


class _OneQueryUser:
    def get_user(self, user_id):
        user = load(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(_OneQueryUser, DjangoModelBackend):
    """django.contrib.auth's ModelBackend, loading the user with the header's facts."""


class AuthenticationBackend(_OneQueryUser, AllauthBackend):
    """allauth's backend (sign-in by email), loading the user with the header's facts."""
