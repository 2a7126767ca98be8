"""Which models hold citizen content. Each app registers its ModeratedContent models in its
AppConfig.ready(); moderation then works across all of them (queue, pre-moderation counts, the
author's history, moderator edits, duplicate-text checks) without importing any app by name."""

from django.db import models

_registry = []
_text_fields = {}
_listeners = []

# Fields of ModeratedContent itself are never offered for editing.
_MODERATION_FIELDS = {"moderation_state", "moderation_reason"}


def register(model, *, text_fields=None):
    """Register a ModeratedContent subclass (with an `author` field and a `created_at` field).

    `text_fields` names the citizen-written fields moderators may edit (the original is kept) and
    the duplicate-text check compares; by default every editable CharField/TextField without
    choices (slugs, emails, URLs and `original_*` copies excluded)."""
    if model not in _registry:
        _registry.append(model)
        for listener in _listeners:
            listener(model)
    if text_fields is not None:
        _text_fields[model] = tuple(text_fields)
    return model


def on_register(listener):
    """Call `listener(model)` for every model registered, already or later. Moderation connects
    its save and delete handlers this way, to exactly the registered models (apps register in
    their own ready(), which may run after moderation's)."""
    _listeners.append(listener)
    for model in list(_registry):
        listener(model)


def unregister(model):
    """Remove a model (tests that register a throwaway model use this to clean up)."""
    if model in _registry:
        _registry.remove(model)
    _text_fields.pop(model, None)


def moderated_models():
    return list(_registry)


def is_moderated(model):
    return model in _registry or model._meta.concrete_model in _registry


def text_fields(model):
    """The names of the citizen-written text fields of a registered model."""
    model = model._meta.concrete_model
    if model in _text_fields:
        return _text_fields[model]
    names = []
    for field in model._meta.get_fields():
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        if isinstance(field, (models.SlugField, models.EmailField, models.URLField)):
            continue
        if field.choices or not field.editable or field.name in _MODERATION_FIELDS:
            continue
        if field.name.startswith("original_"):  # an app's own record of the original text
            continue
        names.append(field.name)
    return tuple(names)
