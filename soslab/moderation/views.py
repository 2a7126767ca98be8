"""Public moderation pages: report something (신고) and read / appeal a decision about your post.

Both work without JavaScript, keep what was typed on error, and answer JSON to API clients."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from soslab.accounts.decorators import posting_required
from soslab.core import targets
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import ratelimit

from .appeals import appeal_create
from .cases import ModerationRefused
from .forms import AppealForm, ReportForm
from .models import Decision
from .reports import report_create


def _safe_next(request, target):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return targets.target_url(target) or "/"


@require_http_methods(["GET", "POST"])
@ratelimit("report")
@posting_required
def report(request, kind, pk):
    # Through the target registry: anything not reportable, not visible to this person or
    # missing is the same 404.
    target = targets.resolve(kind, pk, user=request.user, purpose=targets.REPORT)
    if target is None:
        if wants_json(request):
            return json_error(_("Nothing to report here."), code="not_found", status=404)
        raise Http404(_("Nothing to report here."))
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                created = report_create(
                    reporter=request.user,
                    target=target,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                )
            except ModerationRefused as refused:
                if wants_json(request):
                    return json_error(refused.message, code=refused.code, status=refused.status)
                form.add_error(None, refused.message)
                status = refused.status
            else:
                message = _("Thank you. Our moderators will look at your report.")
                if wants_json(request):
                    return JsonResponse(
                        {"ok": True, "report": created.pk, "message": message}, status=201
                    )
                messages.success(request, message)
                return redirect(_safe_next(request, target))
        else:
            status = 400
            if wants_json(request):
                errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
                first = next(iter(errors.values()))[0]
                return JsonResponse(
                    {"error": "invalid", "message": first, "fields": errors}, status=400
                )
    return render(
        request,
        "moderation/report.html",
        {
            "form": form,
            "target": target,
            "is_person": isinstance(target, get_user_model()),
            "next": _safe_next(request, target),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def decision(request, pk):
    """What was decided about my post, why, what changed; appeal it once."""
    item = get_object_or_404(
        Decision.objects.visible_to(request.user).select_related(
            "case", "case__content_type", "moderator"
        ),
        pk=pk,
    )
    is_author = item.case.author_id == request.user.pk
    appeal = getattr(item, "appeal", None)
    can_appeal = is_author and item.can_be_appealed and appeal is None
    form = AppealForm(request.POST or None) if can_appeal else None
    status = 200
    if request.method == "POST":
        if form is None:
            if wants_json(request):
                return json_error(
                    _("This decision cannot be appealed (again)."),
                    code="not_appealable",
                    status=409,
                )
            raise PermissionDenied
        if form.is_valid():
            try:
                appeal_create(author=request.user, decision=item, text=form.cleaned_data["text"])
            except ModerationRefused as refused:
                if wants_json(request):
                    return json_error(refused.message, code=refused.code, status=refused.status)
                form.add_error(None, refused.message)
                status = refused.status
            else:
                message = _("Your appeal has been sent. A moderator will review it.")
                if wants_json(request):
                    return JsonResponse({"ok": True, "message": message}, status=201)
                messages.success(request, message)
                return redirect(item.get_absolute_url())
        else:
            status = 400
            if wants_json(request):
                return json_error(form.errors["text"][0], code="invalid", status=400)
    return render(
        request,
        "moderation/decision.html",
        {
            "decision": item,
            "target": item.case.content_object,
            "edits": item.edits.all(),
            "appeal": appeal,
            "form": form,
        },
        status=status,
    )
