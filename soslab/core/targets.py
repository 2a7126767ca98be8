"""The registry of targets: the only models comments, follows, reports and notifications may
point at, each registered FOR those purposes with one visibility rule.

Generic surfaces (`/comments/post/`, `/notifications/follow/`, `/moderation/report/<kind>/<pk>/`,
notification links) name their target with a key such as "problems.problem" and an id. They
resolve it only here: a model that is not registered for the purpose, an instance the requesting
person may not see, and a missing row all give the same answer (None, which the views turn into a
plain 404). Nothing generic ever reaches an unregistered model (team invitations, moderation cases,
teams, groups...).

This module is at the bottom layer and imports no app. Each app registers its own models in its
`AppConfig.ready()`:

    targets.register(
        Problem,
        purposes={targets.COMMENT, targets.FOLLOW, targets.REPORT, targets.NOTIFY},
        visible_to=lambda user: Problem.objects.visible_to(user),
    )

`visible_to(user)` returns the queryset of instances `user` (possibly anonymous) may see; it is
the one rule every surface reuses. `url(obj)` is the public URL (default `get_absolute_url`, or
Wagtail's `get_url`). `container(obj)` names an object whose visibility this one also needs (a
comment is visible only while its problem is). A model may define `comments_open` (attribute or
property) to stop new comments on a visible target (e.g. a closed round).
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F

COMMENT = "comment"
FOLLOW = "follow"
REPORT = "report"
NOTIFY = "notify"
PURPOSES = frozenset({COMMENT, FOLLOW, REPORT, NOTIFY})

# Ids above this are answered as missing without a query (PostgreSQL bigint limit).
MAX_ID = 2**63 - 1


class TargetNotFound(LookupError):
    """A service was handed a target that is not registered for its purpose, or that the acting
    person may not see. Views answer 404, exactly as for a missing object."""


@dataclass(frozen=True)
class TargetType:
    model: Any
    purposes: frozenset
    visible_to: Any
    url: Any = None
    container: Any = None

    def public_url(self, obj):
        if self.url is not None:
            return self.url(obj) or ""
        if hasattr(obj, "get_absolute_url"):
            return obj.get_absolute_url() or ""
        if hasattr(obj, "get_url"):
            return obj.get_url() or ""
        return ""


_registry = {}


def register(model, *, purposes, visible_to, url=None, container=None):
    """Register `model` for `purposes` (a subset of PURPOSES) with its visibility rule."""
    purposes = frozenset(purposes)
    unknown = purposes - PURPOSES
    if unknown or not purposes:
        raise ValueError(f"Unknown target purposes: {sorted(unknown) or 'none given'}")
    model = model._meta.concrete_model
    _registry[model] = TargetType(
        model=model, purposes=purposes, visible_to=visible_to, url=url, container=container
    )
    return model


def unregister(model):
    """Remove a registration (tests that register a throwaway model use this to clean up)."""
    _registry.pop(model._meta.concrete_model, None)


def registered(purpose=None):
    """The registrations, optionally only those for `purpose` (for docs and tests)."""
    return [entry for entry in _registry.values() if purpose is None or purpose in entry.purposes]


def entry_for(obj_or_model, purpose=None):
    """The registration of a model (or an instance's model), or None. With `purpose`, None when
    the model is registered but not for that purpose."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    entry = _registry.get(model._meta.concrete_model)
    if entry is None or (purpose is not None and purpose not in entry.purposes):
        return None
    return entry


def is_registered(obj_or_model, purpose):
    return entry_for(obj_or_model, purpose) is not None


def _model_for_key(key):
    try:
        app_label, model_name = str(key).split(".", 1)
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None


def _clean_id(object_id):
    try:
        object_id = int(str(object_id).strip())
    except (TypeError, ValueError):
        return None
    return object_id if 0 < object_id <= MAX_ID else None


def resolve(key, object_id, *, user, purpose):
    """The target named by a form's `target` ('app_label.model') and `object_id`, if its model is
    registered for `purpose` and `user` may see it; None otherwise (whatever the reason)."""
    model = _model_for_key(key)
    object_id = _clean_id(object_id)
    if model is None or object_id is None:
        return None
    return resolve_model(model, object_id, user=user, purpose=purpose)


def resolve_model(model, object_id, *, user, purpose):
    """Like `resolve` for a model class."""
    entry = entry_for(model, purpose)
    object_id = _clean_id(object_id)
    if entry is None or object_id is None:
        return None
    obj = entry.visible_to(user).filter(pk=object_id).first()
    if obj is None or not _container_visible(entry, obj, user):
        return None
    return obj


def resolve_unchecked(key, object_id, *, purpose):
    """The registered target without the visibility rule, for a caller that checks access its own
    way (someone stopping a follow they already have on an item hidden since)."""
    model = _model_for_key(key)
    entry = entry_for(model, purpose) if model is not None else None
    object_id = _clean_id(object_id)
    if entry is None or object_id is None:
        return None
    return entry.model._default_manager.filter(pk=object_id).first()


def _container_visible(entry, obj, user):
    if entry.container is None:
        return True
    parent = entry.container(obj)
    return parent is not None and is_visible(parent, user=user)


def is_visible(obj, *, user, purpose=None):
    """True if `obj` is registered (for `purpose`, when given) and `user` may see it."""
    entry = entry_for(obj, purpose)
    if entry is None or obj is None or obj.pk is None:
        return False
    if not entry.visible_to(user).filter(pk=obj.pk).exists():
        return False
    return _container_visible(entry, obj, user)


def check_visible(obj, *, user, purpose):
    """Raise TargetNotFound unless `obj` is registered for `purpose` and visible to `user`."""
    if not is_visible(obj, user=user, purpose=purpose):
        raise TargetNotFound(f"{type(obj).__name__} is not a {purpose} target for this user")


def accepts_comments(obj):
    """A visible comment target may still be closed by itself (`comments_open` False) or not be
    public yet (an author sees their pending problem, but nobody comments on it)."""
    if getattr(obj, "is_public", True) is False:
        return False
    if getattr(obj, "live", True) is False:
        return False
    return bool(getattr(obj, "comments_open", True))


def target_url(obj):
    """The registered target's public URL; "" for anything unregistered."""
    entry = entry_for(obj)
    return entry.public_url(obj) if entry is not None and obj is not None else ""


def target_key(obj):
    """'app_label.model' of the target's concrete model, as used in forms."""
    meta = obj._meta.concrete_model._meta
    return f"{meta.app_label}.{meta.model_name}"


def target_content_type(obj):
    return ContentType.objects.get_for_model(obj, for_concrete_model=True)


def has_counter(obj, field):
    try:
        type(obj)._meta.get_field(field)
    except (FieldDoesNotExist, AttributeError):
        return False
    return True


def counter_add(obj, field, delta):
    """Add `delta` to obj.<field> with F() (same transaction as the caller) when it exists."""
    if not has_counter(obj, field):
        return
    model = obj._meta.concrete_model
    rows = model._default_manager.filter(pk=obj.pk)
    if delta < 0:  # never below zero, even if the counter had drifted
        rows = rows.filter(**{f"{field}__gte": -delta})
    rows.update(**{field: F(field) + delta})
    obj.refresh_from_db(fields=[field])
