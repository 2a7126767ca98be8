"""Template tags other apps include for reporting and for hidden / pending content.

{% load moderation_tags %}
{% hidden_placeholder problem %}                 {# marker or "검토 중인 게시물입니다" #}
{% if problem|visible_for:request.user %} ... the content ... {% endif %}
{% report_button problem %}                      {# a link to the report page #}
"""

from django import template
from django.contrib.auth import get_user_model
from django.urls import reverse

from soslab.core import targets

from ..models import ModerationState

register = template.Library()


def _kind(obj):
    meta = obj._meta.concrete_model._meta
    return f"{meta.app_label}.{meta.model_name}"


def _is_author(obj, user):
    return bool(
        user is not None
        and user.is_authenticated
        and getattr(obj, "author_id", None) is not None
        and obj.author_id == user.pk
    )


@register.filter
def visible_for(obj, user):
    """True if `user` may see the content of `obj` (public, or their own, or they moderate)."""
    state = getattr(obj, "moderation_state", ModerationState.PUBLISHED)
    if state == ModerationState.PUBLISHED:
        return True
    return _is_author(obj, user) or bool(user is not None and user.has_perm("moderation.moderate"))


@register.inclusion_tag("components/hidden_placeholder.html", takes_context=True)
def hidden_placeholder(context, obj):
    """Nothing for public items; the author's (or a moderator's) marker for hidden and pending
    ones; the public placeholder "검토 중인 게시물입니다" for everyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    state = getattr(obj, "moderation_state", ModerationState.PUBLISHED)
    return {
        "state": state,
        "hidden": state == ModerationState.HIDDEN,
        "pending": state == ModerationState.PENDING,
        "public": state == ModerationState.PUBLISHED,
        "viewer_sees_content": visible_for(obj, user),
        "is_author": _is_author(obj, user),
        "reason": getattr(obj, "moderation_reason", ""),
    }


@register.inclusion_tag("components/report_button.html", takes_context=True)
def report_button(context, obj, label=""):
    """A link to the report page for `obj` (content or a person). Not shown on one's own items,
    nor on items that are not public."""
    request = context.get("request")
    user = getattr(request, "user", None)
    is_person = isinstance(obj, get_user_model())
    own = (is_person and user is not None and user.pk == obj.pk) or _is_author(obj, user)
    state = getattr(obj, "moderation_state", ModerationState.PUBLISHED)
    show = (
        obj.pk is not None
        and not own
        and state == ModerationState.PUBLISHED
        and targets.is_registered(obj, targets.REPORT)
    )
    url = reverse("moderation:report", args=[_kind(obj), obj.pk]) if show else ""
    if show and request is not None:
        from django.utils.http import urlencode

        url += "?" + urlencode({"next": request.get_full_path()})
    return {"show": show, "url": url, "label": label, "is_person": is_person}
