"""Reusable spam checks other apps' forms and services call (they raise ValidationError with a
translated message, so a form shows it next to what was typed).

- check_links_allowed: new accounts may include only a few links (spam reached every Decidim).
- check_not_repeated: the same text posted twice by one person is refused.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from soslab.accounts.rules import user_is_moderator

from .registry import moderated_models, text_fields

LINK_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|kr|co\.kr|io|me|ly)\b/?\S*", re.I
)


def count_links(text):
    return len(LINK_RE.findall(text or ""))


def is_new_account(user):
    days = getattr(settings, "SOSLAB_NEW_ACCOUNT_DAYS", 7)
    return user.date_joined > timezone.now() - timedelta(days=days)


def check_links_allowed(*, author, text):
    """Refuse more than SOSLAB_NEW_ACCOUNT_MAX_LINKS links from accounts younger than
    SOSLAB_NEW_ACCOUNT_DAYS days. Moderators and staff are never limited."""
    if user_is_moderator(author) or not is_new_account(author):
        return
    limit = getattr(settings, "SOSLAB_NEW_ACCOUNT_MAX_LINKS", 1)
    if count_links(text) > limit:
        raise ValidationError(
            ngettext(
                "New accounts can include at most %(limit)d link for now. Please remove the others; your text is kept.",
                "New accounts can include at most %(limit)d links for now. Please remove the others; your text is kept.",
                limit,
            )
            % {"limit": limit},
            code="too_many_links",
        )


def _normalise(text):
    return " ".join((text or "").split())


def check_not_repeated(*, author, text, within=timedelta(days=30), exclude=None):
    """Refuse text this person already posted (any kind of content, last 30 days by default).

    Compares the stored text of every registered model's text fields (one query per model);
    `exclude` is the item being edited, so saving it unchanged is allowed."""
    variants = {(text or "").strip(), _normalise(text)}
    if len(_normalise(text)) < 10 or not getattr(author, "is_authenticated", False):
        return
    since = timezone.now() - within
    for model in moderated_models():
        fields = [name for name in text_fields(model) if name in _long_text_fields(model)]
        if not fields:
            continue
        query = Q()
        for name in fields:
            for variant in variants:
                query |= Q(**{name: variant})
        items = model.objects.filter(query, author=author)
        if any(f.name == "created_at" for f in model._meta.get_fields()):
            items = items.filter(created_at__gte=since)
        if exclude is not None and isinstance(exclude, model):
            items = items.exclude(pk=exclude.pk)
        if items.exists():
            raise ValidationError(
                _("You have already posted this text. Please add to your earlier post instead."),
                code="repeated_text",
            )


def _long_text_fields(model):
    from django.db import models

    return {
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        or (isinstance(field, models.CharField) and field.max_length >= 100)
    }
