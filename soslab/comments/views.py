"""Comment endpoints under /comments/: POST only, CSRF-protected, redirect back to the target's
page (#comment-<id>) for browsers, JSON for API clients. Refusals keep what was typed: the text
and the reason travel back to the form in the session."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core import targets
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import RateLimited, hit
from soslab.core.targets import target_key, target_url
from soslab.core.text import render_plain_text

from .forms import CommentEditForm, CommentForm
from .models import Comment
from .services import CommentRefused, comment_create, comment_delete, comment_edit

SESSION_KEY = "comments_form_state"


def _comment_json(comment, status=200):
    return JsonResponse(
        {
            "id": comment.pk,
            "parent": comment.parent_id,
            "url": comment.get_absolute_url(),
            "body": comment.body,
            "html": str(render_plain_text(comment.body)),
            "moderation_state": comment.moderation_state,
            "is_staff_comment": comment.is_staff_comment,
            "created_at": comment.created_at.isoformat(),
            "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
            "deleted": comment.is_deleted,
        },
        status=status,
    )


def _back_url(request, target, anchor):
    base = target_url(target) if target is not None else ""
    if not base:
        candidate = request.POST.get("next") or request.headers.get("Referer", "")
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            base = candidate.split("#", 1)[0]
        else:
            base = "/"
    return f"{base}#{anchor}"


def _comment_redirect(comment):
    """Back to the comment on the right page of its thread."""
    return HttpResponseRedirect(comment.get_absolute_url())


def _remember(request, *, target, form_id, body, error, confirm_personal_data=False):
    """Keep the typed text and the reason for the form that will be shown again
    (`confirm_personal_data`: show the "publish anyway" checkbox of the personal-data warning)."""
    request.session[SESSION_KEY] = {
        "target": f"{target_key(target)}:{target.pk}",
        "form": form_id,
        "body": body,
        "error": str(error),
        "confirm_personal_data": confirm_personal_data,
    }


def _refusal(request, *, target, form_id, body, message, code, status, confirm_personal_data=False):
    if wants_json(request):
        return json_error(message, code=code, status=status)
    _remember(
        request,
        target=target,
        form_id=form_id,
        body=body,
        error=message,
        confirm_personal_data=confirm_personal_data,
    )
    return HttpResponseRedirect(_back_url(request, target, form_id))


def _invalid_form_refusal(request, form, *, target, form_id, body):
    warn = form.needs_personal_data_confirmation
    body_codes = {error.code for error in form.errors.as_data().get("body", [])}
    code = "invalid"
    if warn:
        code = "personal_data"
    elif "too_many_links" in body_codes:
        code = "too_many_links"
    return _refusal(
        request,
        target=target,
        form_id=form_id,
        body=body,
        message=_first_error(form),
        code=code,
        status=400,
        confirm_personal_data=warn,
    )


def _first_error(form):
    for field in ("body", "website", "target", "object_id", "parent"):
        if form.errors.get(field):
            return form.errors[field][0]
    return _("Please check the form.")


def _not_found(request):
    """The answer for a target that is not registered, not visible or missing: no redirect, no URL."""
    if wants_json(request):
        return json_error(_("Comments are not open here."), code="not_found", status=404)
    raise Http404(_("Comments are not open here."))


def _visible_comment_or_404(request, pk):
    """A comment the person may see (their own in any state, public ones; all for moderators),
    on a target they may still see."""
    comment = get_object_or_404(
        Comment.objects.visible_to(request.user).select_related("author"), pk=pk
    )
    target = comment.target
    if target is None or not targets.is_visible(target, user=request.user):
        raise Http404
    return comment, target


@require_POST
@posting_required
def comment_post(request):
    """Post a comment or a reply (rate limited: scope "comment_create")."""
    form = CommentForm(request.POST, author=request.user)
    body = request.POST.get("body", "")
    # Only through the target registry: unregistered, invisible or missing is one plain 404.
    target = targets.resolve(
        request.POST.get("target"),
        request.POST.get("object_id"),
        user=request.user,
        purpose=targets.COMMENT,
    )
    if target is None:
        return _not_found(request)
    parent_id = request.POST.get("parent") or None
    form_id = f"reply-{parent_id}" if parent_id else "comment-form"
    try:
        hit(request, "comment_create")
    except RateLimited as limited:
        if wants_json(request):
            raise  # the middleware answers 429 with Retry-After
        # Browsers go back to the form with their text kept and the reason shown.
        minutes = max(1, round(limited.retry_after / 60))
        message = _(
            "You are doing that too often. Please try again in about %(minutes)d minutes."
        ) % {"minutes": minutes}
        _remember(request, target=target, form_id=form_id, body=body, error=message)
        return HttpResponseRedirect(_back_url(request, target, form_id))
    if not form.is_valid():
        return _invalid_form_refusal(request, form, target=target, form_id=form_id, body=body)
    parent = None
    if form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            return _refusal(
                request,
                target=target,
                form_id="comment-form",
                body=body,
                message=_("The comment you replied to no longer exists."),
                code="parent_not_found",
                status=404,
            )
    try:
        comment = comment_create(
            author=request.user, target=target, body=form.cleaned_data["body"], parent=parent
        )
        form.flag_personal_data(comment)  # published despite the personal-data warning
    except (CommentRefused, PostingRefused) as refusal:
        return _refusal(
            request,
            target=target,
            form_id=form_id,
            body=body,
            message=refusal.message,
            code=refusal.code,
            status=refusal.status,
        )
    if wants_json(request):
        return _comment_json(comment, status=201)
    if comment.is_public:
        messages.success(request, _("Your comment has been posted."))
    else:
        messages.info(
            request,
            _("Thank you. Your comment will appear once a moderator has checked it."),
        )
    return _comment_redirect(comment)


@require_POST
def comment_edit_view(request, pk):
    """Edit one's own comment within 15 minutes."""
    comment, target = _visible_comment_or_404(request, pk)
    form = CommentEditForm(request.POST, author=request.user)
    body = request.POST.get("body", "")
    form_id = f"edit-{comment.pk}"
    if not request.user.is_authenticated:
        if wants_json(request):
            return json_error(_("Please log in to take part."), code="login_required", status=401)
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(_back_url(request, target, form_id))
    if not form.is_valid():
        return _invalid_form_refusal(request, form, target=target, form_id=form_id, body=body)
    try:
        comment_edit(comment=comment, editor=request.user, body=form.cleaned_data["body"])
        form.flag_personal_data(comment)  # published despite the personal-data warning
    except (CommentRefused, PostingRefused) as refusal:
        return _refusal(
            request,
            target=target,
            form_id=form_id,
            body=body,
            message=refusal.message,
            code=refusal.code,
            status=refusal.status,
        )
    if wants_json(request):
        return _comment_json(comment)
    messages.success(request, _("Your comment has been updated."))
    return _comment_redirect(comment)


@require_POST
def comment_delete_view(request, pk):
    """Delete a comment (its author or a moderator); a placeholder stays in the thread."""
    comment, target = _visible_comment_or_404(request, pk)
    if not request.user.is_authenticated:
        if wants_json(request):
            return json_error(_("Please log in to take part."), code="login_required", status=401)
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(_back_url(request, target, f"comment-{pk}"))
    try:
        comment_delete(comment=comment, actor=request.user)
    except CommentRefused as refusal:
        if wants_json(request):
            return json_error(refusal.message, code=refusal.code, status=refusal.status)
        messages.error(request, refusal.message)
        return HttpResponseRedirect(_back_url(request, target, f"comment-{pk}"))
    if wants_json(request):
        return _comment_json(comment)
    messages.success(request, _("The comment has been deleted."))
    return _comment_redirect(comment)
