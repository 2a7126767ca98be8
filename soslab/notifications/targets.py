"""What any commentable or followable object (a "target") must offer, in one place.

A target is any model instance with `__str__` and `get_absolute_url()` (or Wagtail's `get_url()`).
Citizen content (ModeratedContent) is public when published; a Wagtail page when live. Optional
counters `comment_count` / `follower_count` on the target model are kept exact by the services.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F


def target_url(target):
    """The target's public URL ("" if it has none)."""
    if hasattr(target, "get_absolute_url"):
        return target.get_absolute_url()
    if hasattr(target, "get_url"):
        return target.get_url() or ""
    return ""


def target_is_public(target):
    """Anyone may see it: published citizen content or a live, public Wagtail page."""
    if hasattr(target, "is_public"):
        return bool(target.is_public)
    if hasattr(target, "live"):
        return bool(target.live)
    return True


def target_accepts_comments(target):
    """Public, and not closed by the target itself: a model may define `comments_open` (an
    attribute or property, e.g. False once a round has ended) to stop new comments."""
    if not target_is_public(target):
        return False
    return bool(getattr(target, "comments_open", True))


def is_valid_target(target):
    """Only objects with a public page can be followed or commented on (never users, groups...)."""
    return bool(target is not None and target.pk and target_url(target))


def target_key(target):
    """'app_label.model' of the target's concrete model, as used in forms."""
    meta = target._meta.concrete_model._meta
    return f"{meta.app_label}.{meta.model_name}"


def target_content_type(target):
    return ContentType.objects.get_for_model(target, for_concrete_model=True)


def target_from_key(key, object_id):
    """The target named by a form's `target` ('app_label.model') and `object_id`, or None."""
    try:
        app_label, model_name = str(key).split(".", 1)
        model = apps.get_model(app_label, model_name)
        object_id = int(object_id)
    except (LookupError, ValueError, TypeError):
        return None
    if object_id <= 0:
        return None
    manager = model._default_manager
    if hasattr(model, "specific_class"):  # Wagtail pages: use the specific page for its URL.
        found = manager.filter(pk=object_id).first()
        return found.specific if found is not None else None
    return manager.filter(pk=object_id).first()


def has_counter(target, field):
    model = type(target)
    try:
        model._meta.get_field(field)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist, or a non-model object
        return False
    return True


def counter_add(target, field, delta):
    """Add `delta` to target.<field> with F() (same transaction as the caller) when it exists."""
    if not has_counter(target, field):
        return
    model = target._meta.concrete_model
    rows = model._default_manager.filter(pk=target.pk)
    if delta < 0:  # never below zero, even if the counter had drifted
        rows = rows.filter(**{f"{field}__gte": -delta})
    rows.update(**{field: F(field) + delta})
    target.refresh_from_db(fields=[field])
