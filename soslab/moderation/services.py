"""Moderation services. Posting services in every app call `new_content_state` when they create
content, so the pre-moderation rules live here once."""

from django.conf import settings

from .models import ModerationState, user_is_moderator
from .registry import moderated_models


def published_post_count(author):
    """How many items this person already has published, across every kind of content."""
    return sum(
        model.objects.filter(author=author, moderation_state=ModerationState.PUBLISHED).count()
        for model in moderated_models()
    )


def new_content_state(*, author):
    """The moderation state a new item by `author` starts in.

    Pending (검토 대기 중) for members under 14 and for the first SOSLAB_PREMODERATE_FIRST_POSTS posts of
    a new account; published otherwise. Moderators and staff are never pre-moderated.
    """
    if user_is_moderator(author):
        return ModerationState.PUBLISHED
    if getattr(settings, "SOSLAB_PREMODERATE_UNDER_14", True) and author.needs_guardian_consent:
        return ModerationState.PENDING
    first_posts = getattr(settings, "SOSLAB_PREMODERATE_FIRST_POSTS", 2)
    if first_posts and published_post_count(author) < first_posts:
        return ModerationState.PENDING
    return ModerationState.PUBLISHED
