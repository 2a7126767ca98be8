"""The moderators' actions from the Wagtail admin queue: one action on one case, or one action
on the selected cases. Views only parse input and call the services, which log to Wagtail's audit
log and tell the person concerned."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .admin_views import moderator_required, target_or_404
from .appeals import appeal_reject
from .blocks import user_block, user_unblock
from .cases import ModerationRefused
from .forms import BlockForm, HideForm
from .models import Appeal, CaseStatus, ModerationCase
from .registry import is_moderated
from .services import content_approve, content_hide, content_restore, reports_dismiss


def _refused(request, exc):
    messages.error(request, exc.message if hasattr(exc, "message") else str(exc))


def _hide(request, case, target):
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()) or _("Check the form."))
        return False
    content_hide(
        moderator=request.user,
        target=target,
        reason_template=form.cleaned_data["reason_template"],
        reason_text=form.cleaned_data["reason_text"],
    )
    messages.success(request, _("Hidden. The author has been told why."))
    return True


def _restore(request, case, target):
    reason_text = request.POST.get("reason_text", "")
    content_restore(moderator=request.user, target=target, reason_text=reason_text)
    messages.success(request, _("Restored: it is public again."))
    return True


def _approve(request, case, target):
    content_approve(moderator=request.user, target=target)
    messages.success(request, _("Approved: it is public now."))
    return True


def _dismiss(request, case, target):
    reason_text = request.POST.get("reason_text", "")
    reports_dismiss(moderator=request.user, target=target, reason_text=reason_text)
    messages.success(request, _("Reports dismissed."))
    return True


def _reject_appeal(request, case, target):
    appeal = get_object_or_404(Appeal, pk=request.POST.get("appeal"), case=case)
    reason_text = request.POST.get("reason_text", "")
    appeal_reject(moderator=request.user, appeal=appeal, reason_text=reason_text)
    messages.success(request, _("Appeal rejected. The author has been told."))
    return True


def _person(case, target):
    person = target if isinstance(target, get_user_model()) else case.author
    if person is None:
        raise Http404
    return person


def _block(request, case, target):
    person = _person(case, target)
    form = BlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a duration and write a reason."))
        return False
    user_block(
        moderator=request.user,
        user=person,
        days=form.cleaned_data["days"],
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("Blocked. The person has been told why."))
    return True


def _unblock(request, case, target):
    person = _person(case, target)
    reason_text = request.POST.get("reason_text", "")
    user_unblock(moderator=request.user, user=person, reason_text=reason_text)
    messages.success(request, _("Unblocked."))
    return True


# action -> handler(request, case, target): one service call each; False when the form is invalid.
CASE_ACTIONS = {
    "hide": _hide,
    "restore": _restore,
    "approve": _approve,
    "dismiss": _dismiss,
    "reject_appeal": _reject_appeal,
    "block": _block,
    "unblock": _unblock,
}


@require_POST
@moderator_required
def case_action(request, pk, action):
    """One action on one case; every branch is one service call."""
    case = get_object_or_404(ModerationCase, pk=pk)
    target = target_or_404(case)
    handler = CASE_ACTIONS.get(action)
    if handler is None:
        raise Http404
    try:
        if not handler(request, case, target):
            return redirect("moderation_admin:case", pk=pk)
    except ModerationRefused as refused:
        _refused(request, refused)
    if request.POST.get("next") == "queue":
        return redirect("moderation_admin:queue")
    return redirect("moderation_admin:case", pk=pk)


BULK_ACTIONS = ("hide", "restore", "approve", "dismiss")


@require_POST
@moderator_required
def bulk_action(request):
    """Apply one action to the selected cases; each item is its own service call (and log entry)."""
    action = request.POST.get("action")
    ids = [int(value) for value in request.POST.getlist("case") if value.isdigit()]
    if action not in BULK_ACTIONS or not ids:
        messages.error(request, _("Select at least one item and an action."))
        return redirect("moderation_admin:queue")
    reason_template = None
    reason_text = request.POST.get("reason_text", "")
    if action == "hide":
        form = HideForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a reason or write one: the author is told why."))
            return redirect("moderation_admin:queue")
        reason_template = form.cleaned_data["reason_template"]
        reason_text = form.cleaned_data["reason_text"]
    done, skipped = 0, 0
    cases = ModerationCase.objects.filter(pk__in=ids, status=CaseStatus.OPEN).prefetch_related(
        "content_object"
    )
    for case in cases:
        target = case.content_object
        if target is None or not is_moderated(type(target)):
            skipped += 1
            continue
        try:
            if action == "hide":
                content_hide(
                    moderator=request.user,
                    target=target,
                    reason_template=reason_template,
                    reason_text=reason_text,
                )
            elif action == "restore":
                content_restore(moderator=request.user, target=target)
            elif action == "approve":
                content_approve(moderator=request.user, target=target)
            else:
                reports_dismiss(moderator=request.user, target=target)
            done += 1
        except ModerationRefused:
            skipped += 1
    messages.success(
        request,
        _("Done for %(done)d items; %(skipped)d skipped.") % {"done": done, "skipped": skipped},
    )
    back = request.POST.get("back", "")
    return redirect(reverse("moderation_admin:queue") + (back if back.startswith("?") else ""))
