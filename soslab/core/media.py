"""Private media by default: citizen uploads are reachable by URL only while their object is public.

Layout (settings):

- STORAGES["private"], rooted at PRIVATE_MEDIA_ROOT (MEDIA_ROOT/private): every upload is stored
  here, and only here, first. The web server never serves this folder directly.
- STORAGES["public"], rooted at PUBLIC_MEDIA_ROOT (MEDIA_ROOT/public), URL PUBLIC_MEDIA_URL
  (/media/public/): a copy of the file under the same name exists here exactly while the object
  that owns it is public (published). The web server serves this folder as static files.
- Wagtail's images and documents stay in the default storage under Wagtail's own rules.

A domain app registers each kind of file row (ProblemPhoto, IdeaImage) with `register()` in its
AppConfig.ready(), saying who owns a row, whether the owner is public and who may see it. The
registry then keeps the public copies in step after every commit: when a row is saved, when its
owner's moderation state changes (approve, hide, restore, block...) and when a row is deleted
(both copies removed; deleting the owner cascades). `sync_owner()` is idempotent, so the
`media_sync` command can repair or migrate any state.

Non-public files are served by `protected_media` (soslab/core/views.py) after the registered
visibility check (authors, moderators), with django-sendfile2: X-Accel-Redirect to the internal
/_protected/ location in production, plain streaming in development and tests. Templates use
`row.image_url` / `row.thumbnail_url` (MediaUrlsMixin), which pick the right URL.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.core.files.storage import storages
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

logger = logging.getLogger(__name__)


def private_storage():
    """Where every upload lives (also usable as a FileField `storage=` callable)."""
    return storages["private"]


def public_storage():
    return storages["public"]


def public_url(name):
    """The public URL of a file that is published (e.g. an Open311 media_url)."""
    return public_storage().url(name)


@dataclass(frozen=True)
class MediaKind:
    """One kind of file row: `fields` are its FileFields; `owner(row)` is the moderated object
    it belongs to; `files_of(owner)` its rows; `is_public(owner)` and `visible_to(user, owner)`
    the owner's visibility rules."""

    name: str
    model: Any
    fields: tuple
    owner_model: Any
    owner: Any
    files_of: Any
    is_public: Any
    visible_to: Any


_KINDS = {}
_BY_MODEL = {}


def register(
    name, *, model, fields, owner_model, owner, files_of, is_public, visible_to, state_field
):
    """Register a file row model. `state_field` is the owner's field whose change can change
    publicity (moderation_state)."""
    kind = MediaKind(
        name, model, tuple(fields), owner_model, owner, files_of, is_public, visible_to
    )
    _KINDS[name] = kind
    _BY_MODEL[model] = kind

    def owner_saved(sender, instance, update_fields=None, **kwargs):
        if update_fields is None or state_field in update_fields:
            pk = instance.pk
            transaction.on_commit(lambda: _sync_owner_pk(kind, pk))

    def row_saved(sender, instance, **kwargs):
        pk = instance.pk
        transaction.on_commit(lambda: _sync_row_pk(kind, pk))

    def row_deleted(sender, instance, **kwargs):
        names = [getattr(instance, field).name for field in kind.fields]
        transaction.on_commit(lambda: _delete_names(names))

    uid = f"core_media_{name}"
    post_save.connect(owner_saved, sender=owner_model, weak=False, dispatch_uid=f"{uid}_owner")
    post_save.connect(row_saved, sender=model, weak=False, dispatch_uid=f"{uid}_row")
    post_delete.connect(row_deleted, sender=model, weak=False, dispatch_uid=f"{uid}_delete")
    return kind


def kind_named(name):
    return _KINDS.get(name)


def kinds():
    return list(_KINDS.values())


# --- Keeping the public copies in step ---------------------------------------------------------


def _publish(name):
    public = public_storage()
    if not name or public.exists(name):
        return
    private = private_storage()
    if not private.exists(name):
        logger.warning("media: %s is missing from private storage", name)
        return
    with private.open(name, "rb") as source:
        saved = public.save(name, source)
    if saved != name:  # a concurrent publish won the race; keep one copy
        public.delete(saved)


def _unpublish(name):
    if name:
        public_storage().delete(name)


def _delete_names(names):
    for name in names:
        if name:
            public_storage().delete(name)
            private_storage().delete(name)


def sync_row(kind, row, *, public=None):
    """Make the row's files publicly reachable iff its owner is public. Idempotent."""
    if public is None:
        public = kind.is_public(kind.owner(row))
    for field in kind.fields:
        name = getattr(row, field).name
        _publish(name) if public else _unpublish(name)


def _sync_row_pk(kind, pk):
    row = kind.model.objects.filter(pk=pk).first()
    if row is not None:
        sync_row(kind, row)


def _sync_owner_pk(kind, pk):
    owner = kind.owner_model.objects.filter(pk=pk).first()
    if owner is not None:
        sync_owner(kind, owner)


def sync_owner(kind, owner):
    """Publish or withdraw every file of `owner` according to its current state."""
    public = kind.is_public(owner)
    for row in kind.files_of(owner):
        sync_row(kind, row, public=public)


# --- URLs ------------------------------------------------------------------------------------


def media_url(row, field):
    """The URL to show for a registered file: the public copy while the owner is public, else the
    permission-checked view (which answers 404 to anyone who may not see the owner)."""
    name = getattr(row, field).name
    if not name:
        return ""
    kind = _BY_MODEL[type(row)]
    if kind.is_public(kind.owner(row)):
        return public_url(name)
    return reverse("protected_media", args=[kind.name, row.pk, field])


class MediaUrlsMixin:
    """For registered file rows with `image` and `thumbnail` fields: the one way templates get
    their URLs ({{ photo.image_url }}, {{ photo.thumbnail_url }})."""

    @property
    def image_url(self):
        return media_url(self, "image")

    @property
    def thumbnail_url(self):
        return media_url(self, "thumbnail")
