"""{% load notifications_tags %}

{% follow_button target %}: a POST form (works without JavaScript) saying how many follow.
{% unread_notifications_count as count %}: the header's badge (loaded with the signed-in user,
soslab.accounts.request_user; otherwise one query, cached per request).
"""

from django import template

from soslab.core.targets import target_key, target_url

from ..services import follower_count, is_following, unread_count

register = template.Library()


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, target):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "target": target,
        "target_key": target_key(target),
        "target_url": target_url(target),
        "following": is_following(user, target) if user is not None else False,
        "count": follower_count(target),
        "user": user,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def unread_notifications_count(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    cached = getattr(request, "_unread_notifications", None)
    if cached is None:
        cached = unread_count(user)
        request._unread_notifications = cached
    return cached
