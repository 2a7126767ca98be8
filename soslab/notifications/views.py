"""/notifications/: the list (20 per page), mark one or all read, and follow/unfollow any target."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.accounts.permissions import PostingRefused
from soslab.core import targets
from soslab.core.http import json_error, wants_json

from .models import Notification
from .services import (
    follow_add,
    follow_remove,
    follower_count,
    is_following,
    notification_mark_read,
    notifications_mark_all_read,
    unread_count,
)

PAGE_SIZE = 20


def _safe_local(request, url, fallback):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


@login_required
def notification_list(request):
    """The signed-in person's notifications, newest first; unread ones marked."""
    rows = Notification.objects.filter(recipient=request.user).for_list()
    only_unread = request.GET.get("unread") == "1"
    if only_unread:
        rows = rows.unread()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page,
            "notifications": page.object_list,
            "only_unread": only_unread,
            "unread": unread_count(request.user),
        },
    )


@require_POST
@login_required
def notification_read(request, pk):
    """Mark one notification read; with open=1 go on to what it is about."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notification_mark_read(notification=notification, user=request.user)
    if wants_json(request):
        return JsonResponse({"id": notification.pk, "read": True})
    if request.POST.get("open") and notification.url:
        return HttpResponseRedirect(_safe_local(request, notification.url, "/notifications/"))
    return redirect(_safe_local(request, request.POST.get("next"), "/notifications/"))


@require_POST
@login_required
def notification_read_all(request):
    changed = notifications_mark_all_read(user=request.user)
    if wants_json(request):
        return JsonResponse({"marked_read": changed})
    if changed:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


def _not_found(request):
    """Anything that cannot be followed, is not visible to this person, or is missing: one 404."""
    if wants_json(request):
        return json_error(_("This cannot be followed."), code="not_found", status=404)
    raise Http404(_("This cannot be followed."))


def _followed_target(request, key, object_id):
    """For unfollowing: a registered target this person already follows, even if it is no longer
    visible to them (hidden later), so they can always stop the notifications."""
    found = targets.resolve_unchecked(key, object_id, purpose=targets.FOLLOW)
    if found is None or not is_following(request.user, found):
        return None
    return found


@require_POST
def follow_toggle(request):
    """Follow or stop following a target (form fields: target, object_id, action), resolved only
    through the target registry."""
    key, object_id = request.POST.get("target"), request.POST.get("object_id")
    target = targets.resolve(key, object_id, user=request.user, purpose=targets.FOLLOW)
    action = request.POST.get("action")
    if target is None and action == "unfollow" and request.user.is_authenticated:
        target = _followed_target(request, key, object_id)
    if target is None:
        return _not_found(request)
    back = f"{targets.target_url(target)}#follow"
    if not request.user.is_authenticated:
        if wants_json(request):
            return json_error(_("Please log in to take part."), code="login_required", status=401)
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(back)
    if action == "unfollow":
        # Stopping notifications is always allowed, also to people who may not write.
        follow_remove(user=request.user, target=target)
        following = False
        note = _("You no longer follow this. You will not be notified about it.")
    elif action == "follow":
        try:
            follow_add(user=request.user, target=target)
        except PostingRefused as refusal:
            if wants_json(request):
                return json_error(refusal.message, code=refusal.code, status=refusal.status)
            messages.error(request, refusal.message)
            return redirect(back)
        except targets.TargetNotFound:
            return _not_found(request)
        following = True
        note = _("You now follow this. We will notify you when something happens.")
    else:
        if wants_json(request):
            return json_error(_("Choose follow or unfollow."), code="invalid_action", status=400)
        messages.error(request, _("Choose follow or unfollow."))
        return redirect(back)
    if wants_json(request):
        return JsonResponse({"following": following, "follower_count": follower_count(target)})
    messages.success(request, note)
    # "My activity" sends people back to itself after unfollowing there.
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(next_url)
    return redirect(back)
