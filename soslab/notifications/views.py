"""/notifications/: the list (20 per page), mark one or all read, and follow/unfollow any target."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.core.http import json_error, wants_json

from .models import Notification
from .services import (
    follow_add,
    follow_remove,
    follower_count,
    notification_mark_read,
    notifications_mark_all_read,
    unread_count,
)
from .targets import is_valid_target, target_from_key, target_is_public, target_url

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


@require_POST
def follow_toggle(request):
    """Follow or stop following a target (form fields: target, object_id, action)."""
    target = target_from_key(request.POST.get("target"), request.POST.get("object_id"))
    if target is None or not is_valid_target(target):
        if wants_json(request):
            return json_error(_("This cannot be followed."), code="target_not_found", status=404)
        messages.error(request, _("This cannot be followed."))
        return redirect(_safe_local(request, request.POST.get("next"), "/"))
    back = f"{target_url(target)}#follow"
    if not request.user.is_authenticated:
        if wants_json(request):
            return json_error(_("Please log in to take part."), code="login_required", status=401)
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(back)
    action = request.POST.get("action")
    if action == "unfollow":
        follow_remove(user=request.user, target=target)
        following = False
        note = _("You no longer follow this. You will not be notified about it.")
    elif action == "follow":
        if not target_is_public(target):
            if wants_json(request):
                return json_error(
                    _("This cannot be followed."), code="target_not_public", status=404
                )
            messages.error(request, _("This cannot be followed."))
            return redirect(back)
        follow_add(user=request.user, target=target)
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
    return redirect(back)
