"""Which models hold citizen content. Each app registers its ModeratedContent models in its
AppConfig.ready(); moderation then works across all of them (queue, pre-moderation counts, the
author's history) without importing any app by name."""

_registry = []


def register(model):
    """Register a ModeratedContent subclass (with an `author` field and a `created_at` field)."""
    if model not in _registry:
        _registry.append(model)
    return model


def moderated_models():
    return list(_registry)
